package com.tradesignal.simulator;

import com.tradesignal.instrument.TokenMap;
import com.tradesignal.kite.protocol.KiteClientMessage;
import com.tradesignal.kite.protocol.KiteClientMessage.Mode;
import io.javalin.websocket.WsContext;

import java.nio.ByteBuffer;

/**
 * One client's ticker socket: which tokens it subscribed, in which mode (Kite's default after {@code subscribe} is
 * quote), when it was last sent anything (for heartbeats), and how many malformed frames it still has to get.
 * Sends are serialised on this object, since both the market thread and Jetty's threads write to the socket.
 */
final class TickerConnection {
    final WsContext ws;
    /** By token; asked for every tick sent, so primitive-keyed (TokenMap says why). */
    private final TokenMap<Mode> modes = new TokenMap<>();
    volatile long lastSentWall = System.currentTimeMillis();
    private int malformedToSend;
    private int malformedSent;

    TickerConnection(WsContext ws) {
        this.ws = ws;
    }

    /** Kite's limit of instruments per connection. */
    static final int MAX_TOKENS = 3000;

    /**
     * Applies a client message; returns how many tokens it could not subscribe because the connection already had
     * {@link #MAX_TOKENS}.
     */
    synchronized int apply(KiteClientMessage m) {
        int refused = 0;
        switch (m.action()) {
            case SUBSCRIBE -> {
                for (long t : m.tokens()) {
                    if (modes.containsKey(t)) {
                        continue;
                    }
                    if (modes.size() >= MAX_TOKENS) {
                        refused++;
                    } else {
                        modes.put(t, Mode.QUOTE);
                    }
                }
            }
            case UNSUBSCRIBE -> m.tokens().forEach(modes::remove);
            case MODE -> m.tokens().forEach(t -> {
                if (modes.containsKey(t)) {
                    modes.put(t, m.mode());
                }
            });
        }
        return refused;
    }

    synchronized Mode modeOf(long token) {
        return modes.get(token);
    }

    synchronized void addMalformed(int count) {
        malformedToSend += Math.max(0, count);
    }

    /**
     * If a malformed frame is owed and a frame is due now, uses one up and returns its sequence number (which kind
     * of malformed frame it is); else -1.
     */
    synchronized int takeMalformed(boolean frameDue) {
        if (malformedToSend == 0 || !frameDue) {
            return -1;
        }
        malformedToSend--;
        return malformedSent++;
    }

    synchronized void sendText(String text) {
        ws.send(text);
    }

    synchronized void sendBinary(byte[] frame) {
        ws.send(ByteBuffer.wrap(frame));
    }
}
