package com.tradesignal.publisher.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.publisher.market.BoardListener;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.market.MarketStatus;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Session;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code GET /ws/market}: a snapshot on connect, then updates from the board, a status every second and a heartbeat
 * every five (docs/publisher.md). Each client has its own bounded queue ({@link ClientSession}), so one slow client
 * never delays another.
 */
public final class MarketSocket implements BoardListener, AutoCloseable {
    public static final String PATH = "/ws/market";
    static final int MAX_MESSAGE_CHARS = 4096;
    static final int MALFORMED_LIMIT = 20;
    static final long SLOW_FULL_FOR_MS = 10_000;
    static final long SLOW_MAX_DROPPED = 4096;
    /** RFC 6455: 1008 policy violation, 1013 try again later. */
    static final int CLOSE_POLICY = 1008;
    static final int CLOSE_TOO_SLOW = 1013;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MarketBoard board;
    private final MarketStatus status;
    private final PublisherMetrics metrics;
    private final Map<Session, ClientSession> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    /** Starts the clients' writes (see ClientSession.enqueue): one thread per core, daemon. */
    private final java.util.concurrent.ExecutorService sender;

    public MarketSocket(MarketBoard board, MarketStatus status) {
        this.board = board;
        this.status = status;
        this.metrics = board.metrics();
        board.addListener(this);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "market-socket-ticker");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicInteger senders = new java.util.concurrent.atomic.AtomicInteger();
        sender = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "market-socket-sender-" + senders.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::everySecond, 1, 1, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(this::heartbeat, 5, 5, TimeUnit.SECONDS);
    }

    /** Registers the socket; {@code admit} decides from the upgrade request whether a client may connect. */
    public void routes(JavalinConfig cfg, Predicate<WsContext> admit) {
        cfg.routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                if (!admit.test(ctx)) {
                    ctx.closeSession(CLOSE_POLICY, "access token required");
                    return;
                }
                ClientSession client = new ClientSession(ctx.session, Set.copyOf(MarketBoard.UNDERLYINGS), metrics, sender);
                board.atomically(() -> {
                    // Counted per change, not set from size(): racing connects would let a stale size win. Counted
                    // before its snapshot is queued, so a client holding a snapshot is always counted; registered after,
                    // so the snapshot is its first message (the status ticker sends to registered clients).
                    metrics.clients.incrementAndGet();
                    client.enqueue(null, snapshotMessage(client.underlyings()));
                    clients.put(ctx.session, client);
                });
            });
            ws.onMessage(ctx -> onMessage(ctx.session, ctx.message()));
            ws.onClose(ctx -> remove(ctx.session));
            ws.onError(ctx -> remove(ctx.session));
        });
    }

    private void remove(Session session) {
        if (clients.remove(session) != null) {
            metrics.clients.decrementAndGet();
        }
    }

    private void onMessage(Session session, String text) {
        ClientSession client = clients.get(session);
        if (client == null) return;
        String problem = null;
        JsonNode msg = null;
        if (text.length() > MAX_MESSAGE_CHARS) {
            problem = "message longer than " + MAX_MESSAGE_CHARS + " characters";
        } else {
            try {
                msg = JSON.readTree(text);
            } catch (Exception e) {
                problem = "not JSON";
            }
        }
        if (problem == null && (msg == null || !msg.isObject() || !msg.path("type").isTextual())) {
            problem = "a JSON object with a \"type\" is expected";
        }
        if (problem == null) {
            switch (msg.get("type").asText()) {
                case "ping" -> client.enqueue(null, "{\"type\":\"pong\"}");
                case "subscribe" -> problem = subscribe(client, msg.path("underlyings"));
                default -> problem = "unknown type \"" + msg.get("type").asText() + "\" (subscribe or ping)";
            }
        }
        if (problem != null) {
            metrics.malformedClientMessages.increment();
            ObjectNode error = JSON.createObjectNode().put("type", "error").put("error", problem);
            client.enqueue(null, error.toString());
            if (client.malformed(MALFORMED_LIMIT)) {
                remove(session);
                client.close(CLOSE_POLICY, "too many malformed messages");
            }
        }
    }

    /** Changes the subscription and sends a fresh snapshot of it; returns the problem, or null. */
    private String subscribe(ClientSession client, JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            return "subscribe needs \"underlyings\": a non-empty list of " + MarketBoard.UNDERLYINGS;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (JsonNode u : list) {
            String name = u.asText().toUpperCase(java.util.Locale.ROOT);
            if (!u.isTextual() || !MarketBoard.UNDERLYINGS.contains(name)) {
                return "unknown underlying " + u + " (one of " + MarketBoard.UNDERLYINGS + ")";
            }
            wanted.add(name);
        }
        board.atomically(() -> {
            client.subscribe(wanted);
            client.enqueue(null, snapshotMessage(wanted));
        });
        return null;
    }

    private String snapshotMessage(Set<String> underlyings) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("type", "snapshot");
        msg.put("server_time", System.currentTimeMillis());
        msg.set("status", status.current());
        msg.set("underlyings", board.snapshot(underlyings));
        return msg.toString();
    }

    @Override
    public void onUpdate(String underlying, String kind, String message) {
        // candles must all arrive; prices of the same underlying supersede each other
        String key = "candle".equals(kind) ? "candle" : underlying + "/" + kind;
        for (ClientSession client : clients.values()) {
            if (client.wants(underlying)) {
                client.enqueue(key, message);
            }
        }
    }

    private void everySecond() {
        try {
            ObjectNode s = status.current();
            String message = JSON.createObjectNode().put("type", "status").set("status", s).toString();
            long now = System.currentTimeMillis();
            for (Map.Entry<Session, ClientSession> e : clients.entrySet()) {
                ClientSession client = e.getValue();
                if (client.tooSlow(now, SLOW_FULL_FOR_MS, SLOW_MAX_DROPPED)) {
                    remove(e.getKey());
                    metrics.slowDisconnects.increment();
                    client.close(CLOSE_TOO_SLOW, "too slow: reconnect for a fresh snapshot", ticker, 2000);
                } else {
                    client.enqueue("status", message);
                }
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MarketSocket.class).warn("status update failed", e);
        }
    }

    private void heartbeat() {
        String message = "{\"type\":\"heartbeat\",\"server_time\":" + System.currentTimeMillis() + "}";
        for (ClientSession client : clients.values()) {
            client.enqueue("heartbeat", message);
        }
    }

    public int clientCount() {
        return clients.size();
    }

    /** Closes every client (they reconnect) and stops the timers; the board stays. */
    @Override
    public void close() {
        board.removeListener(this);
        ticker.shutdownNow();
        for (Session session : List.copyOf(clients.keySet())) {
            ClientSession client = clients.remove(session);
            if (client != null) {
                metrics.clients.decrementAndGet();
                client.close(1001, "publisher shutting down");
            }
        }
        sender.shutdown();
    }
}
