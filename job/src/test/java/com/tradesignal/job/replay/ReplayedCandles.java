package com.tradesignal.job.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** {@code candles.jsonl} as written by a replay, read back as plain values. */
final class ReplayedCandles {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Line(String symbol, long token, String interval, long start, double open, double high, double low,
                double close, long volume, JsonNode raw) {
        String key() {
            return token + "/" + interval + "/" + start;
        }
    }

    static List<Line> read(Path file) throws IOException {
        List<Line> out = new ArrayList<>();
        for (String s : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(s);
            out.add(new Line(n.path("symbol").asText(null), n.get("token").asLong(), n.get("interval").asText(),
                    OffsetDateTime.parse(n.get("start").asText()).toInstant().toEpochMilli(), n.get("open").asDouble(),
                    n.get("high").asDouble(), n.get("low").asDouble(), n.get("close").asDouble(),
                    n.get("volume").asLong(), n));
        }
        return out;
    }

    private ReplayedCandles() {}
}
