package com.tradesignal.publisher.market;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.instrument.InstrumentCatalog;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Signal rows shaped like the job's signals.jsonl lines (docs/signals.md), for the publisher's tests. */
public final class Rows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    public static final List<String> VOTES = List.of("ema_trend", "vwap_position", "supertrend", "psar", "rsi", "momentum",
            "market_structure", "opening_range", "pivots", "candle_intent", "volume", "pcr", "oi_buildup");

    private Rows() {}

    /** An index row of {@code underlying} for the candle starting {@code minute} minutes after 09:15 on 2026-11-27. */
    public static ObjectNode index(String underlying, String interval, int minute, double close) {
        long token = InstrumentCatalog.INDEX_TOKENS.get(underlying);
        ObjectNode r = JSON.createObjectNode();
        r.put("symbol", switch (underlying) {
            case "NIFTY" -> "NIFTY 50";
            case "BANKNIFTY" -> "NIFTY BANK";
            default -> "SENSEX";
        });
        r.put("token", token);
        r.put("interval", interval);
        OffsetDateTime start = LocalDateTime.of(2026, 11, 27, 9, 15).plusMinutes(minute).atOffset(IST);
        r.put("start", start.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")));
        r.put("open", close - 5).put("high", close + 10).put("low", close - 10).put("close", close).put("volume", 0);
        r.put("ema_9", close - 1).putNull("ema_21").putNull("ema_50").putNull("ema_200");
        r.put("rsi_14", 55.5).put("supertrend", close - 20).put("supertrend_direction", 1);
        r.put("psar", close - 15).put("psar_direction", 1);
        r.put("vwap", close + 50).put("vwap_upper_1", close + 60).put("vwap_lower_1", close + 40)
                .put("vwap_upper_2", close + 70).put("vwap_lower_2", close + 30);
        r.put("pivot", close - 2).put("r1", close + 20).put("r2", close + 40).put("r3", close + 60)
                .put("s1", close - 20).put("s2", close - 40).put("s3", close - 60);
        r.put("cam_r1", close + 5).put("cam_s1", close - 5).put("fib_r1", close + 8).put("fib_s1", close - 8);
        r.put("cpr_tc", close + 1).put("cpr_bc", close - 3);
        r.put("orb_high", close + 30).put("orb_low", close - 30).put("pcr", 0.93);
        r.put("candle_intent", "strong_bull").put("vwap_source", underlying + "26DECFUT").put("oi_buildup", "long_buildup");
        ObjectNode signals = r.putObject("signals");
        for (String v : VOTES) {
            signals.putObject(v).put("vote", "bullish").put("reason", v + " says bullish at " + close);
        }
        r.putObject("verdict").put("bullish", 13).put("bearish", 0).put("neutral", 0).put("direction", "bullish")
                .put("confidence", 1.0).put("summary", "13 of 13 bullish");
        return r;
    }

    public static PriceTick price(String underlying, double last, long receivedWall) {
        return new PriceTick(underlying, PriceTick.Kind.INDEX, null, InstrumentCatalog.INDEX_TOKENS.get(underlying), last,
                last - 100, OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, IST).toInstant().toEpochMilli(), receivedWall);
    }
}
