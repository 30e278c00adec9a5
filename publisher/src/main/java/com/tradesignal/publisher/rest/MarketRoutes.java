package com.tradesignal.publisher.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.market.MarketStatus;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The REST side of the board: status, signals and candles per underlying, and the original system's
 * {@code /api/advanced/*} views. A bad symbol, interval or limit is a 404 or 400 with a JSON error.
 */
public final class MarketRoutes {
    static final int DEFAULT_LIMIT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PIVOT_KEYS = List.of("pivot", "r1", "r2", "r3", "s1", "s2", "s3");
    private static final List<String> CAMARILLA_KEYS = List.of("cam_r1", "cam_r2", "cam_r3", "cam_r4", "cam_s1", "cam_s2", "cam_s3", "cam_s4");
    private static final List<String> FIBONACCI_KEYS = List.of("fib_r1", "fib_r2", "fib_r3", "fib_s1", "fib_s2", "fib_s3");
    private static final List<String> VWAP_KEYS = List.of("vwap", "vwap_upper_1", "vwap_lower_1", "vwap_upper_2", "vwap_lower_2");

    private final MarketBoard board;
    private final MarketStatus status;
    private final PublisherMetrics metrics;
    private final IntSupplier clients;

    /** @param clients how many WebSocket clients are connected, for {@code /api/status} */
    public MarketRoutes(MarketBoard board, MarketStatus status, IntSupplier clients) {
        this.board = board;
        this.status = status;
        this.metrics = board.metrics();
        this.clients = clients;
    }

    public void routes(JavalinConfig cfg) {
        cfg.routes.get("/api/status", this::status);
        cfg.routes.get("/api/signals/{symbol}", ctx -> json(ctx, signals(underlying(ctx))));
        cfg.routes.get("/api/candles/{symbol}", this::candles);
        cfg.routes.get("/api/advanced/pivot-indicators", ctx -> json(ctx, pivots()));
        cfg.routes.get("/api/advanced/vwap-live-5m", ctx -> json(ctx, vwap5m()));
        cfg.routes.get("/api/advanced/candle-intent/{symbol}", ctx -> json(ctx, candleIntent(underlying(ctx))));
    }

    private void status(Context ctx) {
        ObjectNode n = status.current();
        n.put("clients", clients.getAsInt());
        n.put("messages_out", metrics.messagesOut.sum());
        n.put("client_drops", metrics.clientDrops.sum());
        n.put("rows_in", metrics.rowsIn.sum());
        n.put("rows_dropped", metrics.rowsDropped.sum());
        n.put("prices_in", metrics.pricesIn.sum());
        json(ctx, n);
    }

    /** The path's symbol as an underlying; accepts the index names too ("NIFTY 50", "NIFTY BANK"). */
    static String underlying(Context ctx) {
        String raw = ctx.pathParam("symbol");
        String s = raw.toUpperCase(Locale.ROOT).replace(" ", "");
        String u = switch (s) {
            case "NIFTY", "NIFTY50" -> "NIFTY";
            case "BANKNIFTY", "NIFTYBANK" -> "BANKNIFTY";
            case "SENSEX" -> "SENSEX";
            default -> null;
        };
        if (u == null) {
            throw new ApiError(404, "unknown symbol '" + raw + "': one of " + MarketBoard.UNDERLYINGS);
        }
        return u;
    }

    private ObjectNode signals(String underlying) {
        return perInterval(underlying, row -> row);
    }

    /** One value per interval from the underlying's newest row of it (null before the first). */
    private ObjectNode perInterval(String underlying, java.util.function.Function<ObjectNode, JsonNode> fromRow) {
        ObjectNode n = JSON.createObjectNode();
        n.put("underlying", underlying);
        n.put("data_source", board.dataSource().name());
        ObjectNode byInterval = n.putObject("intervals");
        Map<String, ObjectNode> rows = board.latestRows(underlying);
        for (String interval : MarketBoard.INTERVALS) {
            ObjectNode row = rows.get(interval);
            byInterval.set(interval, row == null ? JSON.nullNode() : fromRow.apply(row));
        }
        return n;
    }

    private void candles(Context ctx) {
        String underlying = underlying(ctx);
        String interval = ctx.queryParam("interval");
        if (interval == null) interval = "5m";
        if (!MarketBoard.INTERVALS.contains(interval)) {
            throw new ApiError(400, "unknown interval '" + interval + "': one of " + MarketBoard.INTERVALS);
        }
        int limit = DEFAULT_LIMIT;
        String rawLimit = ctx.queryParam("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                throw new ApiError(400, "limit must be a whole number from 1 to " + MarketBoard.MAX_BARS + ", not '" + rawLimit + "'");
            }
            if (limit < 1 || limit > MarketBoard.MAX_BARS) {
                throw new ApiError(400, "limit must be from 1 to " + MarketBoard.MAX_BARS + ", not " + limit);
            }
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("underlying", underlying);
        n.put("interval", interval);
        n.put("data_source", board.dataSource().name());
        ArrayNode bars = n.putArray("candles");
        board.bars(underlying, interval, limit).forEach(bars::add);
        json(ctx, n);
    }

    private ObjectNode pivots() {
        return perUnderlyingFrom5m((row, p) -> {
            p.set("close", row.get("close"));
            p.set("traditional", pick(row, PIVOT_KEYS, ""));
            p.set("camarilla", pick(row, CAMARILLA_KEYS, "cam_"));
            p.set("fibonacci", pick(row, FIBONACCI_KEYS, "fib_"));
            ObjectNode cpr = p.putObject("cpr");
            cpr.set("tc", value(row, "cpr_tc"));
            cpr.set("pivot", value(row, "pivot"));
            cpr.set("bc", value(row, "cpr_bc"));
            p.set("nearest_support", value(row, "support"));
            p.set("nearest_support_name", value(row, "support_name"));
            p.set("nearest_resistance", value(row, "resistance"));
            p.set("nearest_resistance_name", value(row, "resistance_name"));
        });
    }

    private ObjectNode vwap5m() {
        return perUnderlyingFrom5m((row, v) -> {
            v.set("vwap_source", value(row, "vwap_source"));
            for (String k : VWAP_KEYS) {
                v.set(k, value(row, k));
            }
            JsonNode vote = row.path("signals").path("vwap_position");
            v.set("position", vote.isMissingNode() ? JSON.nullNode() : vote.get("vote"));
            v.set("reason", vote.isMissingNode() ? JSON.nullNode() : vote.get("reason"));
        });
    }

    /** One object per underlying filled from its newest 5m row ({@code as_of} null before the first). */
    private ObjectNode perUnderlyingFrom5m(java.util.function.BiConsumer<JsonNode, ObjectNode> fill) {
        ObjectNode n = JSON.createObjectNode();
        n.put("data_source", board.dataSource().name());
        ObjectNode all = n.putObject("underlyings");
        for (String u : MarketBoard.UNDERLYINGS) {
            JsonNode row = board.latestRows(u).get("5m");
            ObjectNode o = all.putObject(u);
            if (row == null) {
                o.putNull("as_of");
                continue;
            }
            o.set("as_of", row.get("start"));
            fill.accept(row, o);
        }
        return n;
    }

    private ObjectNode candleIntent(String underlying) {
        return perInterval(underlying, row -> {
            ObjectNode i = JSON.createObjectNode();
            i.set("start", row.get("start"));
            i.set("intent", value(row, "candle_intent"));
            JsonNode vote = row.path("signals").path("candle_intent");
            i.set("vote", vote.isMissingNode() ? JSON.nullNode() : vote.get("vote"));
            i.set("reason", vote.isMissingNode() ? JSON.nullNode() : vote.get("reason"));
            return i;
        });
    }

    private static ObjectNode pick(JsonNode row, List<String> keys, String prefix) {
        ObjectNode o = JSON.createObjectNode();
        for (String k : keys) {
            o.set(k.substring(prefix.length()), value(row, k));
        }
        return o;
    }

    private static JsonNode value(JsonNode row, String key) {
        JsonNode v = row.get(key);
        return v == null ? JSON.nullNode() : v;
    }

    private static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }
}
