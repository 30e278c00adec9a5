package com.tradesignal.publisher.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.market.MarketTime;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One underlying's current state on the board: its index price and near-month future price, the last closed candles
 * of each interval (as chart bars) and the newest signal row of each interval. Not thread-safe: the board guards it.
 */
final class UnderlyingView {
    /** The keys a chart bar carries besides OHLCV: what the dashboard draws on the candles. */
    static final List<String> BAR_KEYS = List.of("vwap", "vwap_upper_1", "vwap_lower_1", "vwap_upper_2", "vwap_lower_2",
            "supertrend", "supertrend_direction", "psar", "psar_direction", "ema_9", "ema_21", "ema_50", "ema_200");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final String underlying;
    final String indexSymbol;
    private final Map<String, ArrayDeque<ObjectNode>> bars = new LinkedHashMap<>();
    private final Map<String, ObjectNode> latest = new LinkedHashMap<>();
    private ObjectNode price;
    private ObjectNode future;

    UnderlyingView(String underlying, String indexSymbol) {
        this.underlying = underlying;
        this.indexSymbol = indexSymbol;
        for (String interval : MarketBoard.INTERVALS) {
            bars.put(interval, new ArrayDeque<>());
        }
    }

    /**
     * Adds a closed candle's signal row. Rows of one interval arrive in time order; a row for a start already held
     * replaces it (a replayed or restored candle), and an older one is put in its place.
     *
     * @return the chart bar made of the row
     */
    ObjectNode addRow(String interval, ObjectNode row) {
        ObjectNode bar = bar(row);
        // An index's VWAP is its future's, premium included; the chart draws it on the index's candles less the
        // future's premium over the index at that candle's close (from the row itself, so every replay agrees).
        JsonNode futureClose = row.get("future_close");
        if (futureClose != null && futureClose.isNumber()) {
            bar.put("basis", Math.round((futureClose.asDouble() - row.get("close").asDouble()) * 100) / 100.0);
        } else {
            bar.putNull("basis");
        }
        ArrayDeque<ObjectNode> list = bars.get(interval);
        long time = bar.get("time").asLong();
        ObjectNode last = list.peekLast();
        if (last == null || last.get("time").asLong() < time) {
            list.addLast(bar);
        } else {
            insertInOrder(list, bar, time);
        }
        while (list.size() > MarketBoard.MAX_BARS) {
            list.removeFirst();
        }
        ObjectNode current = latest.get(interval);
        if (current == null || epochSeconds(current) <= time) {
            latest.put(interval, row);
        }
        return bar;
    }

    private static void insertInOrder(ArrayDeque<ObjectNode> list, ObjectNode bar, long time) {
        List<ObjectNode> copy = new ArrayList<>(list);
        list.clear();
        boolean placed = false;
        for (ObjectNode b : copy) {
            long t = b.get("time").asLong();
            if (!placed && t >= time) {
                list.addLast(bar);
                placed = true;
                if (t == time) continue;
            }
            list.addLast(b);
        }
        if (!placed) list.addLast(bar);
    }

    /** A chart bar: time in epoch seconds (what lightweight-charts takes), the candle, and the overlay values. */
    static ObjectNode bar(JsonNode row) {
        ObjectNode bar = JSON.objectNode();
        bar.put("time", epochSeconds(row));
        bar.set("start", row.get("start"));
        for (String k : List.of("open", "high", "low", "close", "volume")) {
            bar.set(k, row.get(k));
        }
        for (String k : BAR_KEYS) {
            JsonNode v = row.get(k);
            bar.set(k, v == null ? JSON.nullNode() : v);
        }
        return bar;
    }

    static long epochSeconds(JsonNode row) {
        return OffsetDateTime.parse(row.get("start").asText()).toEpochSecond();
    }

    ObjectNode setPrice(PriceTick p) {
        ObjectNode n = JSON.objectNode();
        n.put("symbol", p.symbol());
        n.put("last", p.lastPrice());
        if (Double.isFinite(p.previousClose()) && p.previousClose() > 0) {
            double change = p.lastPrice() - p.previousClose();
            n.put("previous_close", p.previousClose());
            n.put("change", round2(change));
            n.put("change_pct", round2(change / p.previousClose() * 100));
        } else {
            n.putNull("previous_close");
            n.putNull("change");
            n.putNull("change_pct");
        }
        n.put("time", MarketTime.isoIst(p.exchangeTime()));
        if (p.kind() == PriceTick.Kind.INDEX) {
            price = n;
        } else {
            future = n;
        }
        return n;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Bars of one interval, oldest first, at most {@code limit} of the newest. */
    List<ObjectNode> bars(String interval, int limit) {
        ArrayDeque<ObjectNode> list = bars.get(interval);
        List<ObjectNode> out = new ArrayList<>(Math.min(limit, list.size()));
        int skip = Math.max(0, list.size() - limit);
        Iterator<ObjectNode> it = list.iterator();
        for (int i = 0; it.hasNext(); i++) {
            ObjectNode b = it.next();
            if (i >= skip) out.add(b);
        }
        return out;
    }

    ObjectNode latest(String interval) {
        return latest.get(interval);
    }

    boolean hasData() {
        return price != null || !latest.isEmpty();
    }

    /** The snapshot of this underlying, as docs/publisher.md describes it. */
    ObjectNode toJson() {
        ObjectNode n = JSON.objectNode();
        n.put("underlying", underlying);
        n.put("index_symbol", indexSymbol);
        n.set("price", price == null ? JSON.nullNode() : price);
        n.set("future", future == null ? JSON.nullNode() : future);
        ObjectNode candles = n.putObject("candles");
        ObjectNode rows = n.putObject("latest");
        for (String interval : MarketBoard.INTERVALS) {
            candles.putArray(interval).addAll(bars.get(interval));
            ObjectNode row = latest.get(interval);
            rows.set(interval, row == null ? JSON.nullNode() : row);
        }
        return n;
    }
}
