package com.tradesignal.source.replay.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One tick as one line of the replay format's JSON Lines (Kite's tick JSON names, times in IST with offset): what
 * the {@code ticks} journal topic holds, so a journal reads back through the same parser as a recorded file.
 */
public final class TickJson {
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonTickParser parser;
    private long line;

    /** A reader of journal lines; {@code source} names them in errors (topic and partition, say). */
    public TickJson(String source) {
        this.parser = new JsonTickParser(source, null);
    }

    /**
     * Reads one line.
     *
     * @param position where the line came from (an offset), for the error message
     * @throws TickFormatException naming the source, position and field when the line is malformed
     */
    public Tick parse(byte[] bytes, long position) {
        line = position;
        return parser.parse(bytes, 0, bytes.length, line);
    }

    /** Writes one tick; absent values are left out, as in a recording. */
    public static byte[] encode(Tick t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("instrument_token", t.token);
            g.writeStringField("timestamp", MarketTime.isoIst(t.exchangeTime));
            g.writeNumberField("last_price", t.lastPrice);
            if (t.tradingSymbol != null) g.writeStringField("tradingsymbol", t.tradingSymbol);
            if (t.lastQuantity != 0) g.writeNumberField("last_quantity", t.lastQuantity);
            if (!Double.isNaN(t.averagePrice)) g.writeNumberField("average_price", t.averagePrice);
            if (t.volume != 0) g.writeNumberField("volume", t.volume);
            if (t.buyQuantity != 0) g.writeNumberField("buy_quantity", t.buyQuantity);
            if (t.sellQuantity != 0) g.writeNumberField("sell_quantity", t.sellQuantity);
            if (t.openInterest != 0) g.writeNumberField("oi", t.openInterest);
            if (t.lastTradeTime != Tick.ABSENT_TIME) g.writeStringField("last_trade_time", MarketTime.isoIst(t.lastTradeTime));
            if (!Double.isNaN(t.dayOpen) || !Double.isNaN(t.dayClose)) {
                g.writeObjectFieldStart("ohlc");
                writePrice(g, "open", t.dayOpen);
                writePrice(g, "high", t.dayHigh);
                writePrice(g, "low", t.dayLow);
                writePrice(g, "close", t.dayClose);
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writePrice(JsonGenerator g, String name, double v) throws IOException {
        if (!Double.isNaN(v)) g.writeNumberField(name, v);
    }
}
