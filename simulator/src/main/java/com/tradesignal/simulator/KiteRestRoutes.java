package com.tradesignal.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Kite's REST endpoints as TradeSignal uses them, with Kite's JSON shapes (see the official mock responses): the
 * login page, the session exchange, the instruments dump and minute candles. Session calls need
 * {@code Authorization: token api_key:access_token}; anything else is answered 403 {@code TokenException}, as Kite does.
 */
final class KiteRestRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    static final String CSV_HEADER = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,"
            + "tick_size,lot_size,instrument_type,segment,exchange";
    static final String USER_ID = "SIM001";

    private final SessionTokens tokens;
    private final StatsCounters stats;
    private final MarketClock clock;
    private final String redirectUrl;
    private final Supplier<List<Instrument>> instruments;
    private final MinuteHistory history;

    KiteRestRoutes(SessionTokens tokens, StatsCounters stats, MarketClock clock, String redirectUrl,
                   Supplier<List<Instrument>> instruments, MinuteHistory history) {
        this.tokens = tokens;
        this.stats = stats;
        this.clock = clock;
        this.redirectUrl = redirectUrl;
        this.instruments = instruments;
        this.history = history;
    }

    /**
     * {@code GET /connect/login?api_key=&v=3[&redirect_params=]}: a simulated user logs in at once and the browser is
     * sent to the redirect URL with a new request token; Kite appends the decoded {@code redirect_params} pairs,
     * which is how an app's {@code state} comes back.
     */
    void login(Context ctx) {
        stats.restCall("GET /connect/login");
        if (!tokens.apiKey().equals(ctx.queryParam("api_key"))) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error("InputException", "Invalid `api_key`."));
            return;
        }
        StringBuilder url = new StringBuilder(redirectUrl);
        url.append(redirectUrl.contains("?") ? '&' : '?')
                .append("request_token=").append(tokens.newRequestToken()).append("&action=login&status=success");
        String extra = ctx.queryParam("redirect_params");
        if (extra != null && !extra.isBlank()) {
            for (String pair : extra.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    url.append('&').append(encode(pair.substring(0, eq))).append('=').append(encode(pair.substring(eq + 1)));
                }
            }
        }
        ctx.redirect(url.toString(), HttpStatus.FOUND);
    }

    private static String encode(String s) {
        return URLEncoder.encode(URLDecoder.decode(s, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** {@code POST /session/token}: a request token and its checksum become a session (generate_session.json shape). */
    void sessionToken(Context ctx) {
        stats.restCall("POST /session/token");
        String key = ctx.formParam("api_key");
        if (!tokens.redeem(key, ctx.formParam("request_token"), ctx.formParam("checksum"))) {
            stats.restRefused.incrementAndGet();
            ctx.status(HttpStatus.FORBIDDEN).json(error("TokenException", "Token is invalid or has expired."));
            return;
        }
        String access = tokens.issueAccessToken();
        stats.sessions.incrementAndGet();
        ObjectNode data = JSON.createObjectNode();
        data.put("user_type", "individual").put("email", "simulated@example.invalid").put("user_name", "Simulated User")
                .put("user_shortname", "Simulated").put("broker", "ZERODHA");
        data.putArray("exchanges").add("NSE").add("NFO").add("BSE").add("BFO");
        data.putArray("products").add("CNC").add("NRML").add("MIS");
        data.putArray("order_types").add("MARKET").add("LIMIT").add("SL").add("SL-M");
        data.put("avatar_url", (String) null).put("user_id", USER_ID).put("api_key", key).put("access_token", access)
                .put("public_token", tokens.random()).put("enctoken", "").put("refresh_token", "").put("silo", "")
                .put("login_time", LocalDateTime.ofInstant(Instant.ofEpochMilli(clock.now()), MarketTime.IST).format(KITE_TIME));
        data.putObject("meta").put("demat_consent", "physical");
        ObjectNode root = JSON.createObjectNode().put("status", "success");
        root.set("data", data);
        ctx.json(root);
    }

    private boolean authorized(Context ctx) {
        String auth = ctx.header("Authorization");
        String prefix = "token ";
        if (auth != null && auth.startsWith(prefix)) {
            String pair = auth.substring(prefix.length());
            int colon = pair.indexOf(':');
            if (colon > 0 && tokens.isValid(pair.substring(0, colon), pair.substring(colon + 1))) {
                return true;
            }
        }
        stats.restRefused.incrementAndGet();
        ctx.status(HttpStatus.FORBIDDEN).json(error("TokenException", "Incorrect `api_key` or `access_token`."));
        return false;
    }

    /** {@code GET /instruments[/{exchange}]}: the dump as CSV, 12 columns with Kite's header. */
    void instruments(Context ctx, String exchange) {
        stats.restCall(exchange == null ? "GET /instruments" : "GET /instruments/{exchange}");
        if (!authorized(ctx)) {
            return;
        }
        stats.instrumentCalls.incrementAndGet();
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Instrument i : instruments.get()) {
            if (exchange == null || exchange.equalsIgnoreCase(i.exchange())) {
                csv.append(csvRow(i)).append('\n');
            }
        }
        ctx.contentType("text/csv").result(csv.toString());
    }

    static String csvRow(Instrument i) {
        String name = i.name().contains(",") ? '"' + i.name() + '"' : i.name();
        return String.join(",", Long.toString(i.token()), Long.toString(i.exchangeToken()), i.tradingSymbol(), name,
                "0.0", i.expiry() == null ? "" : i.expiry().toString(), Double.toString(i.strike()),
                Double.toString(i.tickSize()), Integer.toString(i.lotSize()),
                i.type() == InstrumentType.INDEX ? "EQ" : i.type().name(), i.segment(), i.exchange());
    }

    /**
     * {@code GET /instruments/historical/{token}/{interval}?from=&to=[&oi=1]}: candles of what the simulator streamed
     * today (IST times). {@code minute} candles as generated; N-minute intervals aggregated from them.
     */
    void historical(Context ctx) {
        stats.restCall("GET /instruments/historical/{token}/{interval}");
        if (!authorized(ctx)) {
            return;
        }
        stats.historicalCalls.incrementAndGet();
        long token;
        try {
            token = Long.parseLong(ctx.pathParam("token"));
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error("InputException", "invalid token"));
            return;
        }
        int minutes = intervalMinutes(ctx.pathParam("interval"));
        if (minutes <= 0) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error("InputException", "invalid interval"));
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
        boolean oi = "1".equals(ctx.queryParam("oi")) || "true".equalsIgnoreCase(ctx.queryParam("oi"));
        ArrayNode candles = JSON.createArrayNode();
        for (MinuteHistory.Minute m : MinuteHistory.aggregate(history.between(token, from, to), minutes)) {
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

    /** Kite's interval names in minutes: minute, 3minute, 5minute, 10minute, 15minute, 30minute, 60minute; else 0. */
    static int intervalMinutes(String interval) {
        if (interval == null) {
            return 0;
        }
        return switch (interval.toLowerCase(Locale.ROOT)) {
            case "minute" -> 1;
            case "3minute" -> 3;
            case "5minute" -> 5;
            case "10minute" -> 10;
            case "15minute" -> 15;
            case "30minute" -> 30;
            case "60minute" -> 60;
            default -> 0;
        };
    }

    private static long istMillis(String s) {
        String v = s.length() == 10 ? s + " 00:00:00" : s;
        return LocalDateTime.parse(v, KITE_TIME).toInstant(MarketTime.IST).toEpochMilli();
    }

    static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("status", "error").put("message", message).putNull("data")
                .put("error_type", type);
    }
}
