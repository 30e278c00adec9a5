package com.tradesignal.candle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.tradesignal.market.MarketTime;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The candle's JSON line, as in {@code candles.jsonl}:
 * {@code {"symbol":"NIFTY 50","token":256265,"interval":"5m","start":"2022-12-01T09:15:00+05:30","open":…,"high":…,
 * "low":…,"close":…,"volume":…}}, plus {@code "preopen_price"} on the session's first candle when the pre-open
 * auction printed, and {@code "oi"} (open interest at the candle's close) for instruments that have it.
 */
public final class CandleJson {
    private static final JsonFactory JSON = new JsonFactory();

    private CandleJson() {}

    /** The candle's keys, shared by every line that describes a candle: symbol … volume, then {@code oi} when > 0. */
    public static void writeFields(JsonGenerator g, Candle c) throws IOException {
        g.writeStringField("symbol", c.symbol());
        g.writeNumberField("token", c.token());
        g.writeStringField("interval", c.interval().label());
        g.writeStringField("start", MarketTime.isoIst(c.start()));
        g.writeNumberField("open", c.open());
        g.writeNumberField("high", c.high());
        g.writeNumberField("low", c.low());
        g.writeNumberField("close", c.close());
        g.writeNumberField("volume", c.volume());
        if (c.openInterest() > 0) {
            g.writeNumberField("oi", c.openInterest());
        }
    }

    public static String toJson(Candle c) {
        StringWriter out = new StringWriter(192);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            writeFields(g, c);
            if (c.hasPreOpenPrice()) {
                g.writeNumberField("preopen_price", c.preOpenPrice());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
