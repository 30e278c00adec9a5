package com.tradesignal.signals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON shape of the votes and the verdict, documented in {@code docs/signals-parts/votes.md}:
 * <pre>
 * "signals": {"ema_trend": {"vote": "bullish", "reason": "…"}, …},
 * "verdict": {"bullish": 9, "bearish": 2, "neutral": 2, "direction": "bullish", "confidence": 0.54,
 *             "summary": "9 of 13 bullish"}
 * </pre>
 * Votes are lowercase; signals appear in the order given (the engine's fixed order).
 */
public final class SignalsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SignalsJson() {
    }

    /** Writes the field {@code "signals": {…}} into the object the generator is in. */
    public static void writeSignals(JsonGenerator g, List<SignalVote> votes) throws IOException {
        g.writeObjectFieldStart("signals");
        for (SignalVote v : votes) {
            g.writeObjectFieldStart(v.name());
            g.writeStringField("vote", v.vote().label());
            g.writeStringField("reason", v.reason());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Writes the field {@code "verdict": {…}} into the object the generator is in. */
    public static void writeVerdict(JsonGenerator g, Verdict verdict) throws IOException {
        g.writeObjectFieldStart("verdict");
        g.writeNumberField("bullish", verdict.bullish());
        g.writeNumberField("bearish", verdict.bearish());
        g.writeNumberField("neutral", verdict.neutral());
        g.writeStringField("direction", verdict.direction().label());
        g.writeNumberField("confidence", verdict.confidence());
        g.writeStringField("summary", verdict.summary());
        g.writeEndObject();
    }

    /** {@code {"signals":{…},"verdict":{…}}} on its own (for tests and logs). */
    public static String toJson(List<SignalVote> votes, Verdict verdict) {
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            writeSignals(g, votes);
            writeVerdict(g, verdict);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
