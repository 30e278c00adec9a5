package com.tradesignal.publisher;

import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.publisher.auth.FeedControlRoutes;
import com.tradesignal.publisher.auth.KiteLogin;
import io.javalin.Javalin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The publisher: the HTTP and WebSocket server behind the dashboard. It binds to 127.0.0.1 unless told otherwise,
 * because it carries the broker login callback: {@code /health}, the Kite login ({@code /api/auth/*}) and the
 * feed switch ({@code /api/feed/*}). The job's results, the WebSocket and the dashboard come with the publisher issue.
 */
public final class PublisherServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;

    private final Javalin app;
    private final long startedAt = System.currentTimeMillis();

    private PublisherServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code host:port} with no Kite login configured; port 0 picks a free port. */
    public static PublisherServer start(String host, int port) {
        return start(host, port, null, null);
    }

    /**
     * Starts on {@code host:port}. With a {@link KiteLogin}, {@code /api/auth/*} runs the broker login; with a state
     * directory, {@code /api/feed/*} shows and switches the feed.
     */
    public static PublisherServer start(String host, int port, KiteLogin login, StateDirectory state) {
        PublisherServer[] self = new PublisherServer[1];
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/health", ctx -> ctx.json(self[0].health()));
            if (login != null) {
                login.routes(cfg);
            } else {
                KiteLogin.notConfigured(cfg);
            }
            if (state != null) {
                new FeedControlRoutes(state).routes(cfg);
            }
        });
        self[0] = new PublisherServer(app);
        app.start(host, port);
        return self[0];
    }

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "UP");
        h.put("uptime_seconds", (System.currentTimeMillis() - startedAt) / 1000);
        return h;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** {@code java -cp … com.tradesignal.publisher.PublisherServer [--host H] [--port P]} */
    public static void main(String[] args) throws InterruptedException {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: PublisherServer [--host HOST] [--port PORT]   (default 127.0.0.1:8000)");
                    System.exit(2);
                }
            }
        }
        PublisherServer server = start(host, port);
        System.err.println("TradeSignal publisher on http://" + host + ":" + server.port() + "/health");
        Thread.currentThread().join();
    }
}
