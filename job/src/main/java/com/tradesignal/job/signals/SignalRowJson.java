package com.tradesignal.job.signals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleJson;
import com.tradesignal.signals.SignalsJson;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A {@link SignalRow} as one line of {@code signals.jsonl}: the candle's keys, then every indicator key (null until
 * warm), then for an underlying's index the {@code signals} and {@code verdict} objects. docs/signals.md lists the keys.
 */
public final class SignalRowJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SignalRowJson() {}

    public static String toJson(SignalRow row) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            Candle c = row.candle;
            g.writeStartObject();
            CandleJson.writeFields(g, c);
            for (NumberKey key : NumberKey.values()) {
                if (key.isInternal()) continue;
                double v = row.numbers[key.ordinal()];
                g.writeFieldName(key.json());
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    g.writeNull();
                } else if (key.isWhole()) {
                    g.writeNumber((long) v);
                } else {
                    g.writeNumber(round(v));
                }
            }
            for (TextKey key : TextKey.values()) {
                g.writeStringField(key.json(), row.texts[key.ordinal()]);
            }
            if (row.votes != null) {
                SignalsJson.writeSignals(g, row.votes);
            }
            if (row.verdict != null) {
                SignalsJson.writeVerdict(g, row.verdict);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Indicator values to 6 decimals: more than any price tick needs, and free of float noise in the file. */
    static double round(double v) {
        return Math.abs(v) < 1e12 ? Math.round(v * 1e6) / 1e6 : v;
    }
}
