package com.tradesignal.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteClientMessage;
import com.tradesignal.kite.protocol.KiteClientMessage.Mode;
import com.tradesignal.kite.protocol.KiteFrameEncoder;
import com.tradesignal.kite.protocol.PacketKind;
import com.tradesignal.tick.Tick;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ticker side of the simulator: authorises WebSocket upgrades, keeps each socket's subscriptions, and on every
 * market step sends each socket one frame with its subscribed tokens' ticks in their modes (or a 1-byte heartbeat
 * after a second of nothing). It also carries out the ticker faults: drop, silence, malformed frames.
 */
final class TickerFeed {
    private static final Logger LOG = LoggerFactory.getLogger(TickerFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LABEL = "TradeSignal simulator: SIMULATED market data, not a live feed";
    static final long HEARTBEAT_MS = 1000;

    private final SessionTokens tokens;
    private final StatsCounters stats;
    /** Null unless a benchmark asked: then one call per tick frame. */
    private final FrameListener frameListener;
    private final Map<String, TickerConnection> connections = new ConcurrentHashMap<>();
    private volatile long silentUntilWall;

    TickerFeed(SessionTokens tokens, StatsCounters stats) {
        this(tokens, stats, null);
    }

    TickerFeed(SessionTokens tokens, StatsCounters stats, FrameListener frameListener) {
        this.tokens = tokens;
        this.stats = stats;
        this.frameListener = frameListener;
    }

    int openConnections() {
        return connections.size();
    }

    /**
     * Runs before the upgrade: an unknown api_key or an invalid/refused access token ends the request with 403, so
     * the client sees the handshake fail the way Kite refuses it, and no socket is ever opened.
     */
    void checkUpgrade(Context ctx) {
        if (!tokens.isValid(ctx.queryParam("api_key"), ctx.queryParam("access_token"))) {
            stats.refused.incrementAndGet();
            throw new ForbiddenResponse("Authentication failed");
        }
    }

    void onConnect(WsContext ctx) {
        ctx.session.setIdleTimeout(Duration.ofMinutes(10));
        TickerConnection c = new TickerConnection(ctx);
        connections.put(ctx.sessionId(), c);
        stats.accepted.incrementAndGet();
        c.sendText(JSON.createObjectNode().put("type", "message").put("data", LABEL).toString());
    }

    void onClose(WsContext ctx) {
        connections.remove(ctx.sessionId());
    }

    void onMessage(WsMessageContext ctx) {
        TickerConnection c = connections.get(ctx.sessionId());
        if (c == null) {
            return;
        }
        try {
            KiteClientMessage m = KiteClientMessage.parse(ctx.message());
            (m.action() == KiteClientMessage.Action.MODE ? stats.modes : stats.subscribes).incrementAndGet();
            int refused = c.apply(m);
            if (refused > 0) {
                c.sendText(JSON.createObjectNode().put("type", "error").put("data", refused
                        + " instruments not subscribed: a connection takes at most " + TickerConnection.MAX_TOKENS).toString());
            }
        } catch (IllegalArgumentException e) {
            stats.badMessages.incrementAndGet();
            c.sendText(JSON.createObjectNode().put("type", "error").put("data", "invalid message: " + e.getMessage())
                    .toString());
        }
    }

    /** Sends this step's ticks (already released by the market) to every socket; the market thread calls it. */
    void publish(List<Tick> due) {
        long now = System.currentTimeMillis();
        if (now < silentUntilWall) {
            return;
        }
        for (TickerConnection c : connections.values()) {
            try {
                sendTo(c, due, now);
            } catch (RuntimeException e) {
                LOG.debug("send failed, dropping the connection: {}", e.toString());
                connections.remove(c.ws.sessionId());
            }
        }
    }

    private void sendTo(TickerConnection c, List<Tick> due, long now) {
        List<DecodedTick> mine = new ArrayList<>();
        for (Tick t : due) {
            Mode mode = c.modeOf(t.token);
            if (mode != null) {
                mine.add(DecodedTick.fromTick(t, kind(t.token, mode)));
            }
        }
        int malformed = c.takeMalformed(!mine.isEmpty() || now - c.lastSentWall >= HEARTBEAT_MS);
        if (malformed >= 0) {
            c.sendBinary(MalformedFrames.make(malformed, mine));
            stats.frames.incrementAndGet();
            stats.malformed.incrementAndGet();
            c.lastSentWall = now;
            return;
        }
        if (!mine.isEmpty()) {
            for (int from = 0; from < mine.size(); from += KiteFrameEncoder.MAX_PACKETS_PER_FRAME) {
                List<DecodedTick> part = mine.subList(from, Math.min(mine.size(), from + KiteFrameEncoder.MAX_PACKETS_PER_FRAME));
                byte[] frame = KiteFrameEncoder.encodeFrame(part);
                if (frameListener != null) {
                    // stamped after encoding, as the frame is handed to the socket: what the receiver's clock races
                    frameListener.onFrameSent(part, System.nanoTime());
                }
                c.sendBinary(frame);
                stats.frames.incrementAndGet();
                stats.ticksSent.addAndGet(part.size());
            }
            c.lastSentWall = now;
        } else if (now - c.lastSentWall >= HEARTBEAT_MS) {
            c.sendBinary(KiteFrameEncoder.heartbeat());
            stats.heartbeats.incrementAndGet();
            c.lastSentWall = now;
        }
    }

    /** The packet layout Kite uses for this token in this mode: indices (segment 9) have their own. */
    static PacketKind kind(long token, Mode mode) {
        boolean index = SimulatedMarket.isIndex(token);
        return switch (mode) {
            case LTP -> PacketKind.LTP;
            case QUOTE -> index ? PacketKind.INDEX_QUOTE : PacketKind.QUOTE;
            case FULL -> index ? PacketKind.INDEX_FULL : PacketKind.FULL;
        };
    }

    /** Closes every socket abruptly: no close frame, the TCP connection just ends, as in a network drop. */
    void dropAll() {
        for (TickerConnection c : connections.values()) {
            try {
                c.ws.session.disconnect();
            } catch (RuntimeException e) {
                // Not expected; a socket the fault failed to drop would make a test wait forever, so close it.
                LOG.warn("drop fault: abort failed ({}), closing the socket instead", e.toString());
                c.ws.closeSession();
            }
        }
        connections.clear();
    }

    void silence(Duration d) {
        silentUntilWall = System.currentTimeMillis() + d.toMillis();
    }

    void sendMalformed(int count) {
        connections.values().forEach(c -> c.addMalformed(count));
    }
}
