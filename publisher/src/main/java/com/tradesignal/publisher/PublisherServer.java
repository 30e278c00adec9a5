package com.tradesignal.publisher;

import io.javalin.Javalin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The publisher: the HTTP and WebSocket server behind the dashboard. It binds to 127.0.0.1 unless told otherwise,
 * because it will carry the broker login callback. For now it answers {@code /health}; the job's results, the
 * WebSocket and the dashboard come with the publisher issue.
 */
public final class PublisherServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;

    private final Javalin app;
    private final long startedAt = System.currentTimeMillis();

    private PublisherServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code host:port}; port 0 picks a free port. */
    public static PublisherServer start(String host, int port) {
        PublisherServer[] self = new PublisherServer[1];
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/health", ctx -> ctx.json(self[0].health()));
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
