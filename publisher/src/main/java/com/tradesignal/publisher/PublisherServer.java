package com.tradesignal.publisher;

import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.publisher.auth.FeedControlRoutes;
import com.tradesignal.publisher.auth.KiteLogin;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.market.MarketStatus;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import com.tradesignal.publisher.rest.ApiError;
import com.tradesignal.publisher.rest.MarketRoutes;
import com.tradesignal.publisher.ws.MarketSocket;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The publisher: the HTTP and WebSocket server behind the dashboard (docs/publisher.md). It serves the board's
 * state ({@code /ws/market}, {@code /api/*}), the dashboard page, the Kite login ({@code /api/auth/*}), the feed
 * switch ({@code /api/feed/*}), an OpenAPI document and Prometheus metrics. It binds to 127.0.0.1 unless told
 * otherwise, because it carries the broker login callback.
 *
 * <p>The board is not the server's: stopping a server leaves the board, and a new server on the same board serves
 * the full snapshot at once.
 */
public final class PublisherServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    private static final Logger LOG = LoggerFactory.getLogger(PublisherServer.class);

    /**
     * What a publisher serves.
     *
     * @param login   the Kite login; null: {@code /api/auth/*} says it is not configured
     * @param state   the state directory (feed switch and feed status files); null in cluster mode without one
     * @param clock   the market clock; null for a replay (the market time is the data's)
     * @param access  the dashboard access token, or {@link AccessGuard#open()}
     */
    public record Config(String host, int port, MarketBoard board, KiteLogin login, StateDirectory state,
                         MarketClock clock, MarketCalendar calendar, AccessGuard access) {
        public static Config of(String host, int port, MarketBoard board) {
            return new Config(host, port, board, null, null, MarketClock.system(), MarketCalendar.defaults(), AccessGuard.open());
        }

        public Config withLogin(KiteLogin login, StateDirectory state) {
            return new Config(host, port, board, login, state, clock, calendar, access);
        }

        public Config withClock(MarketClock clock) {
            return new Config(host, port, board, login, state, clock, calendar, access);
        }

        public Config withCalendar(MarketCalendar calendar) {
            return new Config(host, port, board, login, state, clock, calendar, access);
        }

        public Config withAccess(AccessGuard access) {
            return new Config(host, port, board, login, state, clock, calendar, access);
        }

        public Config withPort(int port) {
            return new Config(host, port, board, login, state, clock, calendar, access);
        }
    }

    private final Javalin app;
    private final MarketSocket socket;

    private PublisherServer(Javalin app, MarketSocket socket) {
        this.app = app;
        this.socket = socket;
    }

    /** Starts on {@code host:port} with an empty live board and no Kite login; port 0 picks a free port. */
    public static PublisherServer start(String host, int port) {
        return start(host, port, null, null);
    }

    /** The login-only publisher of the live-source issue: an empty live board. */
    public static PublisherServer start(String host, int port, KiteLogin login, StateDirectory state) {
        return start(Config.of(host, port, new MarketBoard(DataSource.LIVE, new PublisherMetrics())).withLogin(login, state));
    }

    public static PublisherServer start(Config config) {
        MarketBoard board = config.board();
        MarketStatus status = new MarketStatus(board, config.clock(), config.calendar(), config.state());
        MarketSocket socket = new MarketSocket(board, status);
        MarketRoutes market = new MarketRoutes(board, status, socket::clientCount);
        AccessGuard access = config.access();
        String openapi = resource("/openapi.json");
        long startedAt = System.currentTimeMillis();
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            if (PublisherServer.class.getResource("/dashboard/index.html") != null) {
                cfg.staticFiles.add("/dashboard", Location.CLASSPATH);
            } else {
                LOG.warn("the dashboard page is not on the classpath (build the publisher with Maven to bundle it)");
            }
            cfg.routes.before(access::check);
            cfg.routes.get("/health", ctx -> ctx.json(health(startedAt)));
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(board.metrics().prometheus()));
            cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
            market.routes(cfg);
            socket.routes(cfg, access::admits);
            if (config.login() != null) {
                config.login().routes(cfg);
            } else {
                KiteLogin.notConfigured(cfg);
            }
            if (config.state() != null) {
                new FeedControlRoutes(config.state()).routes(cfg);
            }
            cfg.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status).json(error(e.status, e.getMessage())));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(error(500, "internal error (logged by the publisher)"));
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                    ctx.json(error(404, "no such path: " + ctx.path()));
                }
            });
        });
        if (!access.enabled() && !isLoopback(config.host())) {
            LOG.warn("the publisher binds to {} without a dashboard access token: anyone who can reach it sees the "
                    + "dashboard (set --access-token-file)", config.host());
        }
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
        return new PublisherServer(app, socket);
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    private static Map<String, Object> error(int status, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("error", message);
        e.put("status", status);
        return e;
    }

    private static Map<String, Object> health(long startedAt) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "UP");
        h.put("uptime_seconds", (System.currentTimeMillis() - startedAt) / 1000);
        return h;
    }

    private static String resource(String name) {
        try (InputStream in = PublisherServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the publisher's classpath");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return app.port();
    }

    public int clients() {
        return socket.clientCount();
    }

    /** Stops the server and closes its clients (they reconnect); the board is left as it is. */
    @Override
    public void close() {
        socket.close();
        app.stop();
    }
}
