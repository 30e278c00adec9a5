package com.tradesignal.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.auth.SessionChecksum;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteClientMessage;
import com.tradesignal.kite.protocol.KiteClientMessage.Mode;
import com.tradesignal.kite.protocol.KiteFrameEncoder;
import com.tradesignal.kite.protocol.PacketKind;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.websocket.WsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Kite's servers that speaks Kite's real protocols: the binary WebSocket ticker at {@code /}
 * and the REST endpoints TradeSignal uses (login redirect, session exchange, instruments, historical candles). It
 * serves a generated market, labelled SIMULATED (a text message on every connection says so), and injects faults on
 * command ({@link #faults()} or {@code POST /sim/faults/...}).
 *
 * <p>It is the one test double the project allows, at the edge it cannot reach (Kite's servers), so it must behave
 * like them byte for byte: frames are encoded with the codec that round-trips Kite's official packet vectors, an
 * invalid token is refused with 403 <em>before</em> the WebSocket upgrade, tokens in client messages must be JSON
 * numbers, the default mode after subscribe is quote, and a 1-byte heartbeat goes out when nothing else has for a
 * second. It binds to 127.0.0.1 unless told otherwise.
 */
public final class KiteSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KiteSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    static final String LABEL = "TradeSignal simulator: SIMULATED market data, not a live feed";
    private static final long STEP_MS = 50;
    private static final long HEARTBEAT_MS = 1000;

    private final Settings settings;
    private final SimulatedMarket market;
    private final Map<String, TickerConnection> connections = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> requestTokens = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService marketThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kite-simulator-market");
        t.setDaemon(true);
        return t;
    });
    private volatile long silentUntilWall;
    private Javalin app;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong subscribes = new AtomicLong();
    private final AtomicLong modes = new AtomicLong();
    private final AtomicLong badMessages = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong ticksSent = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong historicalCalls = new AtomicLong();
    private final AtomicLong instrumentCalls = new AtomicLong();
    private final AtomicLong restRefused = new AtomicLong();

    /** How the simulator runs. The API key and secret are the simulator's own, not a Kite account's. */
    public record Settings(String host, int port, MarketClock clock, MarketCalendar calendar, String apiKey,
                           String apiSecret, String redirectUrl, double ticksPerSecond, long seed) {
    }

    private KiteSimulator(Settings settings) {
        this.settings = settings;
        this.market = new SimulatedMarket(settings.clock(), settings.calendar(), settings.ticksPerSecond(), settings.seed());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server and the market; returns this. */
    public KiteSimulator start() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.wsBeforeUpgrade("/", this::checkUpgrade);
            cfg.routes.ws("/", ws -> {
                ws.onConnect(this::onConnect);
                ws.onMessage(ctx -> onClientMessage(ctx, ctx.message()));
                ws.onClose(ctx -> connections.remove(ctx.sessionId()));
                ws.onError(ctx -> connections.remove(ctx.sessionId()));
            });
            cfg.routes.get("/connect/login", this::login);
            cfg.routes.post("/session/token", this::sessionToken);
            cfg.routes.get("/instruments", ctx -> instruments(ctx, null));
            cfg.routes.get("/instruments/{exchange}", ctx -> instruments(ctx, ctx.pathParam("exchange")));
            cfg.routes.get("/instruments/historical/{token}/{interval}", this::historical);
            cfg.routes.post("/sim/faults/drop", ctx -> { dropConnections(); ctx.json(Map.of("ok", true)); });
            cfg.routes.post("/sim/faults/refuse-tokens", ctx -> { refuseTokens(); ctx.json(Map.of("ok", true)); });
            cfg.routes.post("/sim/faults/silence", ctx -> {
                silence(Duration.ofSeconds(Long.parseLong(ctx.queryParam("seconds") == null ? "10" : ctx.queryParam("seconds"))));
                ctx.json(Map.of("ok", true));
            });
            cfg.routes.post("/sim/faults/malformed", ctx -> {
                sendMalformed(Integer.parseInt(ctx.queryParam("count") == null ? "1" : ctx.queryParam("count")));
                ctx.json(Map.of("ok", true));
            });
            cfg.routes.get("/sim/status", ctx -> ctx.json(stats()));
        });
        app.start(settings.host(), settings.port());
        marketThread.scheduleWithFixedDelay(this::step, 0, STEP_MS, TimeUnit.MILLISECONDS);
        LOG.info("Kite simulator (SIMULATED data) on {}:{}, market clock {}", settings.host(), port(), settings.clock());
        return this;
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

    /** The instruments it serves, as the day's dump lists them. */
    public List<Instrument> instruments() {
        return market.instruments();
    }

    /** A valid session, as if a user had just logged in. */
    public AccessToken issueAccessToken() {
        String token = newToken();
        validTokens.add(token);
        sessions.incrementAndGet();
        return AccessToken.issued(settings.apiKey(), "SIM001", token, settings.clock().now());
    }

    public Faults faults() {
        return new Faults() {
            @Override
            public void dropConnections() {
                KiteSimulator.this.dropConnections();
            }

            @Override
            public void refuseTokens() {
                KiteSimulator.this.refuseTokens();
            }

            @Override
            public void silence(Duration duration) {
                KiteSimulator.this.silence(duration);
            }

            @Override
            public void sendMalformedFrames(int count) {
                sendMalformed(count);
            }
        };
    }

    public SimulatorStats stats() {
        return new SimulatorStats(accepted.get(), refused.get(), connections.size(), subscribes.get(), modes.get(),
                badMessages.get(), frames.get(), ticksSent.get(), heartbeats.get(), malformed.get(), sessions.get(),
                historicalCalls.get(), instrumentCalls.get(), restRefused.get());
    }

    // ---------------------------------------------------------------- faults

    private void dropConnections() {
        for (TickerConnection c : connections.values()) {
            try {
                c.ws.session.disconnect();
            } catch (Exception e) {
                LOG.debug("drop: {}", e.toString());
            }
        }
        connections.clear();
    }

    private void refuseTokens() {
        validTokens.clear();
    }

    private void silence(Duration d) {
        silentUntilWall = System.currentTimeMillis() + d.toMillis();
    }

    private void sendMalformed(int count) {
        for (TickerConnection c : connections.values()) {
            synchronized (c) {
                c.malformedToSend += count;
            }
        }
    }

    // ---------------------------------------------------------------- WebSocket

    private void checkUpgrade(Context ctx) {
        String key = ctx.queryParam("api_key");
        String token = ctx.queryParam("access_token");
        if (!settings.apiKey().equals(key) || token == null || !validTokens.contains(token)) {
            refused.incrementAndGet();
            ctx.status(HttpStatus.FORBIDDEN).result("Authentication failed");
            ctx.skipRemainingHandlers();
            throw new io.javalin.http.ForbiddenResponse("Authentication failed");
        }
    }

    private void onConnect(WsContext ctx) {
        ctx.session.setIdleTimeout(Duration.ofMinutes(10));
        TickerConnection c = new TickerConnection(ctx);
        connections.put(ctx.sessionId(), c);
        accepted.incrementAndGet();
        ctx.send("{\"type\":\"message\",\"data\":\"" + LABEL + "\"}");
    }

    private void onClientMessage(WsContext ctx, String text) {
        TickerConnection c = connections.get(ctx.sessionId());
        if (c == null) {
            return;
        }
        try {
            KiteClientMessage m = KiteClientMessage.parse(text);
            (m.action() == KiteClientMessage.Action.MODE ? modes : subscribes).incrementAndGet();
            c.apply(m);
        } catch (IllegalArgumentException e) {
            badMessages.incrementAndGet();
            ObjectNode err = JSON.createObjectNode().put("type", "error").put("data", "invalid message: " + e.getMessage());
            ctx.send(err.toString());
        }
    }

    /** Runs on the market thread every 50 ms: releases due ticks and sends each socket its subscribed ones. */
    private void step() {
        try {
            List<Tick> due = market.advance();
            long now = System.currentTimeMillis();
            if (now < silentUntilWall) {
                return;
            }
            for (TickerConnection c : connections.values()) {
                sendTo(c, due, now);
            }
        } catch (Throwable t) {
            LOG.error("simulator market step failed", t);
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
        try {
            int malformedLeft;
            synchronized (c) {
                malformedLeft = c.malformedToSend;
                if (malformedLeft > 0 && !mine.isEmpty()) {
                    c.malformedToSend--;
                }
            }
            if (!mine.isEmpty()) {
                for (int from = 0; from < mine.size(); from += KiteFrameEncoder.MAX_PACKETS_PER_FRAME) {
                    List<DecodedTick> part = mine.subList(from, Math.min(mine.size(), from + KiteFrameEncoder.MAX_PACKETS_PER_FRAME));
                    byte[] frame = malformedLeft > 0 ? malformed(KiteFrameEncoder.encodeFrame(part)) : KiteFrameEncoder.encodeFrame(part);
                    c.ws.send(ByteBuffer.wrap(frame));
                    frames.incrementAndGet();
                    if (malformedLeft > 0) {
                        malformed.incrementAndGet();
                        malformedLeft = 0;
                    } else {
                        ticksSent.addAndGet(part.size());
                    }
                }
                c.lastSentWall = now;
            } else if (now - c.lastSentWall >= HEARTBEAT_MS) {
                c.ws.send(ByteBuffer.wrap(KiteFrameEncoder.heartbeat()));
                heartbeats.incrementAndGet();
                c.lastSentWall = now;
            }
        } catch (Exception e) {
            LOG.debug("send failed, dropping the connection: {}", e.toString());
            connections.remove(c.ws.sessionId());
        }
    }

    /** A frame that claims more packets than it holds, with its last packet cut short. */
    private static byte[] malformed(byte[] frame) {
        byte[] bad = java.util.Arrays.copyOf(frame, Math.max(3, frame.length - 7));
        bad[0] = (byte) 0x7F;
        return bad;
    }

    private static PacketKind kind(long token, Mode mode) {
        boolean index = (token & 0xFF) == 9;
        return switch (mode) {
            case LTP -> PacketKind.LTP;
            case QUOTE -> index ? PacketKind.INDEX_QUOTE : PacketKind.QUOTE;
            case FULL -> index ? PacketKind.INDEX_FULL : PacketKind.FULL;
        };
    }

    // ---------------------------------------------------------------- REST

    /** The login page: a simulated user logs in at once and the browser goes to the app's redirect URL. */
    private void login(Context ctx) {
        if (!settings.apiKey().equals(ctx.queryParam("api_key"))) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error("InputException", "invalid api_key"));
            return;
        }
        String requestToken = newToken();
        requestTokens.add(requestToken);
        StringBuilder url = new StringBuilder(settings.redirectUrl());
        url.append(settings.redirectUrl().contains("?") ? '&' : '?')
                .append("request_token=").append(requestToken).append("&action=login&status=success");
        String extra = ctx.queryParam("redirect_params");
        if (extra != null && !extra.isBlank()) {
            // Kite appends the decoded redirect_params to the redirect URL's query.
            for (String pair : URLDecoder.decode(extra, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    url.append('&').append(URLEncoder.encode(pair.substring(0, eq), StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        ctx.redirect(url.toString(), HttpStatus.FOUND);
    }

    private void sessionToken(Context ctx) {
        String key = ctx.formParam("api_key");
        String requestToken = ctx.formParam("request_token");
        String checksum = ctx.formParam("checksum");
        if (!settings.apiKey().equals(key) || requestToken == null || checksum == null
                || !requestTokens.remove(requestToken)
                || !SessionChecksum.of(key, requestToken, settings.apiSecret()).equals(checksum)) {
            restRefused.incrementAndGet();
            ctx.status(HttpStatus.FORBIDDEN).json(error("TokenException", "Token is invalid or has expired."));
            return;
        }
        AccessToken token = issueAccessToken();
        ObjectNode data = JSON.createObjectNode();
        data.put("user_type", "individual").put("email", "simulated@example.invalid").put("user_name", "Simulated User")
                .put("user_shortname", "Simulated").put("broker", "ZERODHA");
        data.putArray("exchanges").add("NSE").add("NFO").add("BSE").add("BFO");
        data.putArray("products").add("CNC").add("NRML").add("MIS");
        data.putArray("order_types").add("MARKET").add("LIMIT").add("SL").add("SL-M");
        data.put("avatar_url", "").put("user_id", token.userId()).put("api_key", key).put("access_token", token.token())
                .put("public_token", newToken()).put("enctoken", "").put("refresh_token", "").put("silo", "")
                .put("login_time", LocalDateTime.ofInstant(Instant.ofEpochMilli(settings.clock().now()), MarketTime.IST).format(KITE_TIME));
        data.putObject("meta").put("demat_consent", "physical");
        ObjectNode root = JSON.createObjectNode().put("status", "success");
        root.set("data", data);
        ctx.json(root);
    }

    private boolean authorized(Context ctx) {
        String auth = ctx.header("Authorization");
        String prefix = "token " + settings.apiKey() + ":";
        if (auth != null && auth.startsWith(prefix) && validTokens.contains(auth.substring(prefix.length()))) {
            return true;
        }
        restRefused.incrementAndGet();
        ctx.status(HttpStatus.FORBIDDEN).json(error("TokenException", "Incorrect `api_key` or `access_token`."));
        return false;
    }

    private void instruments(Context ctx, String exchange) {
        if (!authorized(ctx)) {
            return;
        }
        instrumentCalls.incrementAndGet();
        StringBuilder csv = new StringBuilder("instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,"
                + "tick_size,lot_size,instrument_type,segment,exchange\n");
        for (Instrument i : market.instruments()) {
            if (exchange != null && !exchange.equalsIgnoreCase(i.exchange())) {
                continue;
            }
            csv.append(i.token()).append(',').append(i.exchangeToken()).append(',').append(i.tradingSymbol()).append(',')
                    .append(i.name()).append(",0.0,").append(i.expiry() == null ? "" : i.expiry().toString()).append(',')
                    .append(i.strike()).append(',').append(i.tickSize()).append(',').append(i.lotSize()).append(',')
                    .append(i.type() == com.tradesignal.instrument.InstrumentType.INDEX ? "EQ" : i.type().name()).append(',')
                    .append(i.segment()).append(',').append(i.exchange()).append('\n');
        }
        ctx.contentType("text/csv").result(csv.toString());
    }

    private void historical(Context ctx) {
        if (!authorized(ctx)) {
            return;
        }
        historicalCalls.incrementAndGet();
        long token;
        try {
            token = Long.parseLong(ctx.pathParam("token"));
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error("InputException", "invalid token"));
            return;
        }
        if (!"minute".equals(ctx.pathParam("interval"))) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error("InputException", "the simulator serves minute candles only"));
            return;
        }
        long from;
        long to;
        try {
            from = istMillis(ctx.queryParam("from"));
            to = istMillis(ctx.queryParam("to"));
        } catch (RuntimeException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error("InputException", "from/to must be yyyy-MM-dd HH:mm:ss (IST)"));
            return;
        }
        boolean oi = "1".equals(ctx.queryParam("oi")) || "true".equals(ctx.queryParam("oi"));
        ArrayNode candles = JSON.createArrayNode();
        for (MinuteHistory.Minute m : market.history().between(token, from, to)) {
            ArrayNode row = candles.addArray();
            row.add(Instant.ofEpochMilli(m.start()).atOffset(MarketTime.IST).format(CANDLE_TIME));
            row.add(m.open()).add(m.high()).add(m.low()).add(m.close()).add(m.volume());
            if (oi) {
                row.add(m.oi());
            }
        }
        ObjectNode root = JSON.createObjectNode().put("status", "success");
        root.putObject("data").set("candles", candles);
        ctx.json(root);
    }

    private static long istMillis(String s) {
        String v = s.length() == 10 ? s + " 00:00:00" : s;
        return LocalDateTime.parse(v, KITE_TIME).toInstant(MarketTime.IST).toEpochMilli();
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("status", "error").put("message", message).put("error_type", type);
    }

    private String newToken() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        marketThread.shutdownNow();
        if (app != null) {
            app.stop();
        }
    }

    /** Builds a simulator; the defaults suit tests and the demo. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private MarketClock clock;
        private MarketCalendar calendar = MarketCalendar.defaults();
        private String apiKey = "sim_api_key";
        private String apiSecret = "sim_api_secret";
        private String redirectUrl = "http://127.0.0.1:8000/api/auth/callback";
        private double ticksPerSecond = 2.0;
        private long seed = 42;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder clock(MarketClock v) { clock = v; return this; }
        public Builder calendar(MarketCalendar v) { calendar = v; return this; }
        public Builder apiKey(String v) { apiKey = v; return this; }
        public Builder apiSecret(String v) { apiSecret = v; return this; }
        public Builder redirectUrl(String v) { redirectUrl = v; return this; }
        public Builder ticksPerSecond(double v) { ticksPerSecond = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public KiteSimulator build() {
            MarketClock c = clock != null ? clock : MarketClock.simulated(
                    MarketTime.istDate(System.currentTimeMillis()).atTime(LocalTime.of(9, 14, 30)).toInstant(MarketTime.IST), 1.0);
            return new KiteSimulator(new Settings(host, port, c, calendar, apiKey, apiSecret, redirectUrl, ticksPerSecond, seed));
        }
    }

    static ZoneOffset ist() {
        return MarketTime.IST;
    }
}
