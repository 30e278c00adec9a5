package com.tradesignal.simulator;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import com.tradesignal.sim.SimulatedInstrument;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Kite's servers that speaks Kite's real protocols: the binary WebSocket ticker at {@code /}
 * and the REST endpoints TradeSignal uses (login redirect, session exchange, instruments, historical candles). It
 * serves a generated market (the three indices, two months of their futures, option chains), labelled SIMULATED (a
 * text message on every connection says so), and injects faults on command ({@link #faults()} or
 * {@code POST /sim/faults/...}).
 *
 * <p>It is the one test double the project allows, at the edge it cannot reach (Kite's servers), so it behaves like
 * them byte for byte: frames are encoded with the codec that round-trips Kite's official packet vectors, an invalid
 * token is refused with 403 <em>before</em> the WebSocket upgrade, tokens in client messages must be JSON numbers,
 * the default mode after subscribe is quote, and a 1-byte heartbeat goes out when nothing else has for a second.
 * It binds to 127.0.0.1 unless told otherwise; the admin endpoints answer loopback clients only.
 *
 * <p>One scheduler thread per server advances the market every {@value #STEP_MS} ms of wall time (however many
 * market seconds that is at the clock's speed) and sends each socket one frame per step.
 */
public final class KiteSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KiteSimulator.class);
    /** The text every connection gets first, so a client can label the data. */
    public static final String LABEL = TickerFeed.LABEL;
    static final long STEP_MS = 50;

    private final Settings settings;
    private final SimulatedMarket market;
    private final SessionTokens tokens;
    private final StatsCounters counters = new StatsCounters();
    private final TickerFeed feed;
    private final KiteRestRoutes rest;
    private final ScheduledExecutorService marketThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kite-simulator-market");
        t.setDaemon(true);
        return t;
    });
    private Javalin app;

    /**
     * How the simulator runs. The API key and secret are the simulator's own, not a Kite account's.
     *
     * @param replayCandles one-minute candle files (format of the shared {@code nse-index-1min} fixtures) whose
     *                      recorded day is replayed for the index tokens instead of the generated index path; empty
     *                      for a fully generated market
     */
    public record Settings(String host, int port, MarketClock clock, MarketCalendar calendar, String apiKey,
                           String apiSecret, String redirectUrl, double ticksPerSecond, long seed,
                           List<Path> replayCandles) {
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(calendar, "calendar");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(apiSecret, "apiSecret");
            Objects.requireNonNull(redirectUrl, "redirectUrl");
            replayCandles = replayCandles == null ? List.of() : List.copyOf(replayCandles);
        }
    }

    private KiteSimulator(Settings settings, List<SimulatedInstrument> extraInstruments, FrameListener frameListener) {
        this.settings = settings;
        this.market = new SimulatedMarket(settings.clock(), settings.calendar(), settings.ticksPerSecond(),
                settings.seed(), ReplayedCandles.load(settings.replayCandles()), extraInstruments);
        this.tokens = new SessionTokens(settings.apiKey(), settings.apiSecret());
        this.feed = new TickerFeed(tokens, counters, frameListener);
        this.rest = new KiteRestRoutes(tokens, counters, settings.clock(), settings.redirectUrl(), market::instruments,
                market.history());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server and the market; returns this. */
    public KiteSimulator start() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.wsBeforeUpgrade("/", feed::checkUpgrade);
            cfg.routes.ws("/", ws -> {
                ws.onConnect(feed::onConnect);
                ws.onMessage(feed::onMessage);
                ws.onClose(feed::onClose);
                ws.onError(feed::onClose);
            });
            cfg.routes.get("/connect/login", rest::login);
            cfg.routes.post("/session/token", rest::sessionToken);
            cfg.routes.get("/instruments", ctx -> rest.instruments(ctx, null));
            cfg.routes.get("/instruments/{exchange}", ctx -> rest.instruments(ctx, ctx.pathParam("exchange")));
            cfg.routes.get("/instruments/historical/{token}/{interval}", rest::historical);
            cfg.routes.post("/sim/faults/drop", ctx -> admin(ctx, feed::dropAll));
            cfg.routes.post("/sim/faults/refuse-tokens", ctx -> admin(ctx, tokens::refuseAll));
            cfg.routes.post("/sim/faults/silence", ctx -> admin(ctx,
                    () -> feed.silence(Duration.ofMillis(Math.round(1000 * number(ctx, "seconds", 10))))));
            cfg.routes.post("/sim/faults/malformed", ctx -> admin(ctx,
                    () -> feed.sendMalformed((int) number(ctx, "count", 1))));
            cfg.routes.get("/sim/status", ctx -> {
                requireLoopback(ctx);
                ctx.json(Map.of("simulated", true, "marketTime", MarketTime.isoIst(settings.clock().now()),
                        "speed", settings.clock().speed(), "stats", stats()));
            });
        });
        app.start(settings.host(), settings.port());
        marketThread.scheduleWithFixedDelay(this::step, 0, STEP_MS, TimeUnit.MILLISECONDS);
        LOG.info("Kite simulator (SIMULATED data) on {}:{}, market clock {}", settings.host(), port(), settings.clock());
        return this;
    }

    private void step() {
        try {
            feed.publish(market.advance());
        } catch (Throwable t) {
            LOG.error("simulator market step failed", t);
        }
    }

    private static void admin(Context ctx, Runnable action) {
        requireLoopback(ctx);
        action.run();
        ctx.json(Map.of("ok", true));
    }

    private static double number(Context ctx, String name, double fallback) {
        String v = ctx.queryParam(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new io.javalin.http.BadRequestResponse(name + " must be a number");
        }
    }

    /** The admin endpoints are for this machine only, even if the server was bound to a wider address. */
    private static void requireLoopback(Context ctx) {
        try {
            if (!InetAddress.getByName(ctx.ip()).isLoopbackAddress()) {
                throw new ForbiddenResponse("admin endpoints answer loopback clients only");
            }
        } catch (UnknownHostException e) {
            throw new ForbiddenResponse("admin endpoints answer loopback clients only");
        }
    }

    public int port() {
        return app.port();
    }

    /** REST, login and WebSocket of this simulator. */
    public KiteEndpoints endpoints() {
        return KiteEndpoints.local(settings.host(), port());
    }

    public String apiKey() {
        return settings.apiKey();
    }

    public String apiSecret() {
        return settings.apiSecret();
    }

    public MarketClock clock() {
        return settings.clock();
    }

    public Settings settings() {
        return settings;
    }

    /** The instruments it serves, as the market day's instruments dump lists them. */
    public List<Instrument> instruments() {
        return market.instruments();
    }

    /** Tokens of the served instruments with these trading symbols (e.g. {@code NIFTY26DECFUT}), in that order. */
    public List<Long> instrumentTokens(Collection<String> tradingSymbols) {
        Map<String, Long> bySymbol = new java.util.HashMap<>();
        instruments().forEach(i -> bySymbol.put(i.tradingSymbol(), i.token()));
        return tradingSymbols.stream().map(s -> {
            Long t = bySymbol.get(s);
            if (t == null) {
                throw new IllegalArgumentException("not served: " + s);
            }
            return t;
        }).toList();
    }

    /** Tokens of the served instruments with these trading symbols. */
    public List<Long> instrumentTokens(String... tradingSymbols) {
        return instrumentTokens(List.of(tradingSymbols));
    }

    /** A valid session, as if a user had just logged in. */
    public AccessToken issueAccessToken() {
        String token = tokens.issueAccessToken();
        counters.sessions.incrementAndGet();
        return AccessToken.issued(settings.apiKey(), KiteRestRoutes.USER_ID, token, settings.clock().now());
    }

    public Faults faults() {
        return new Faults() {
            @Override
            public void dropConnections() {
                feed.dropAll();
            }

            @Override
            public void refuseTokens() {
                tokens.refuseAll();
            }

            @Override
            public void silence(Duration duration) {
                feed.silence(duration);
            }

            @Override
            public void sendMalformedFrames(int count) {
                feed.sendMalformed(count);
            }
        };
    }

    public SimulatorStats stats() {
        return counters.snapshot(feed.openConnections());
    }

    @Override
    public void close() {
        marketThread.shutdownNow();
        if (app != null) {
            app.stop();
        }
    }

    /**
     * Runs a simulator from the command line ({@link SimulatorOptions}) until the JVM is stopped; what
     * {@code ./tradesignal simulate} calls.
     */
    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        KiteSimulator sim = options.toBuilder().build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "kite-simulator-shutdown"));
        System.out.println("Kite simulator: SIMULATED market data, not a live feed");
        System.out.println("  REST/login " + sim.endpoints().apiRoot() + "   ticker " + sim.endpoints().websocketUrl());
        System.out.println("  market clock " + MarketTime.isoIst(sim.clock().now()) + " at " + sim.clock().speed() + "x");
        System.out.println("  api_key " + sim.apiKey() + "   faults: POST /sim/faults/{drop,refuse-tokens,silence?seconds=N,"
                + "malformed?count=N}   status: GET /sim/status");
        new java.util.concurrent.CountDownLatch(1).await();
    }

    /** Builds a simulator; the defaults suit tests and the demo. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private MarketClock clock;
        private MarketCalendar calendar;
        private String apiKey = "sim_api_key";
        private String apiSecret = "sim_api_secret";
        private String redirectUrl = "http://127.0.0.1:8000/api/auth/callback";
        private double ticksPerSecond = 2.0;
        private long seed = 42;
        private List<Path> replayCandles = List.of();
        private List<SimulatedInstrument> extraInstruments = List.of();
        private FrameListener frameListener;

        public Builder host(String v) { host = v; return this; }
        /** 0 (the default) for any free port. */
        public Builder port(int v) { port = v; return this; }
        /** Market time; default: today 09:14:30 IST at 1x. */
        public Builder clock(MarketClock v) { clock = v; return this; }
        /** Sessions and holidays; default {@link MarketCalendar#defaults()}. */
        public Builder calendar(MarketCalendar v) { calendar = v; return this; }
        public Builder apiKey(String v) { apiKey = v; return this; }
        public Builder apiSecret(String v) { apiSecret = v; return this; }
        /** Where {@code /connect/login} sends the browser. */
        public Builder redirectUrl(String v) { redirectUrl = v; return this; }
        /** Average ticks per second per index/future during the session (0, 50]. */
        public Builder ticksPerSecond(double v) { ticksPerSecond = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        /** Replays these recorded one-minute candle files for the index tokens (see {@link Settings}). */
        public Builder replayCandles(List<Path> files) { replayCandles = List.copyOf(files); return this; }
        /**
         * Further futures to serve beside the indices' contracts, for load tests (e.g.
         * {@link SimulatedInstrument#synthetic}): listed in the NFO dump as near-month futures of their own
         * underlying and ticking at the same rate. Tokens must not clash with the served ones.
         */
        public Builder extraInstruments(List<SimulatedInstrument> v) { extraInstruments = List.copyOf(v); return this; }
        /** Told of every tick frame just before it is handed to a socket (benchmarks); none by default. */
        public Builder frameListener(FrameListener v) { frameListener = v; return this; }

        public KiteSimulator build() {
            MarketClock c = clock != null ? clock : MarketClock.simulated(
                    MarketTime.istDate(System.currentTimeMillis()).atTime(LocalTime.of(9, 14, 30)).toInstant(MarketTime.IST), 1.0);
            return new KiteSimulator(new Settings(host, port, c, calendar != null ? calendar : MarketCalendar.defaults(),
                    apiKey, apiSecret, redirectUrl, ticksPerSecond, seed, replayCandles), extraInstruments, frameListener);
        }
    }
}
