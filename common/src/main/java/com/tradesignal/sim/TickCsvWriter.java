package com.tradesignal.sim;

import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;

/**
 * Writes ticks in the project's replay CSV format, one line per tick under this header:
 * <pre>{@value #HEADER}</pre>
 * <ul>
 *   <li>{@code timestamp} is the exchange time, and {@code last_trade_time} the last trade time, as ISO-8601 in IST
 *       with the offset ({@link MarketTime#isoIst}, e.g. {@code 2026-08-18T09:15:00+05:30});</li>
 *   <li>numbers appear in their shortest exact decimal form, without float artefacts or exponents. Whole numbers
 *       have no {@code .0}: {@code 24850}, {@code 24850.35};</li>
 *   <li>absent values are empty cells. These are the encodings {@link Tick} uses for absence: a NaN price, a
 *       quantity or open interest of 0, and {@link Tick#ABSENT_TIME}. A reader should turn an empty cell back into
 *       that encoding;</li>
 *   <li>{@code tradingsymbol} is quoted (RFC 4180, with doubled inner quotes) if it contains a comma, a quote or a line
 *       break. It is empty if the tick has none;</li>
 *   <li>lines end with {@code \n}; the file is UTF-8.</li>
 * </ul>
 * Not thread-safe. {@link #close()} closes the underlying writer.
 */
public final class TickCsvWriter implements Closeable {
    public static final String HEADER = "instrument_token,timestamp,last_price,tradingsymbol,last_quantity,"
            + "average_price,volume,buy_quantity,sell_quantity,oi,open,high,low,close,last_trade_time";

    private final Writer out;
    private final StringBuilder line = new StringBuilder(192);
    private long written;

    /** Writes the header to {@code out} at once. */
    public TickCsvWriter(Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        this.out.write(HEADER);
        this.out.write('\n');
    }

    /** Creates (or truncates) {@code file} and writes the header. */
    public static TickCsvWriter open(Path file) throws IOException {
        return new TickCsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** Writes all ticks of {@code session} to {@code file}; returns how many. */
    public static long write(SimulatedSession session, Path file) throws IOException {
        try (TickCsvWriter writer = open(file)) {
            return writer.writeAll(session.iterator());
        }
    }

    public void write(Tick t) throws IOException {
        StringBuilder b = line;
        b.setLength(0);
        b.append(t.token).append(',');
        b.append(MarketTime.isoIst(t.exchangeTime)).append(',');
        appendPrice(b, t.lastPrice).append(',');
        appendSymbol(b, t.tradingSymbol).append(',');
        appendQuantity(b, t.lastQuantity).append(',');
        appendPrice(b, t.averagePrice).append(',');
        appendQuantity(b, t.volume).append(',');
        appendQuantity(b, t.buyQuantity).append(',');
        appendQuantity(b, t.sellQuantity).append(',');
        appendQuantity(b, t.openInterest).append(',');
        appendPrice(b, t.dayOpen).append(',');
        appendPrice(b, t.dayHigh).append(',');
        appendPrice(b, t.dayLow).append(',');
        appendPrice(b, t.dayClose).append(',');
        if (t.lastTradeTime != Tick.ABSENT_TIME) {
            b.append(MarketTime.isoIst(t.lastTradeTime));
        }
        b.append('\n');
        out.append(b);
        written++;
    }

    /** Writes every remaining tick of {@code ticks}; returns how many. */
    public long writeAll(Iterator<Tick> ticks) throws IOException {
        long n = 0;
        while (ticks.hasNext()) {
            write(ticks.next());
            n++;
        }
        return n;
    }

    public long writeAll(Iterable<Tick> ticks) throws IOException {
        return writeAll(ticks.iterator());
    }

    /** Ticks written so far. */
    public long count() {
        return written;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The shortest decimal that reads back as exactly {@code v}, in plain notation; empty for NaN. */
    static String formatNumber(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("cannot write an infinite price");
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.indexOf('E') >= 0) {
            s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return s;
    }

    private static StringBuilder appendPrice(StringBuilder b, double v) {
        return b.append(formatNumber(v));
    }

    private static StringBuilder appendQuantity(StringBuilder b, long v) {
        return v == 0 ? b : b.append(v);
    }

    private static StringBuilder appendSymbol(StringBuilder b, String symbol) {
        if (symbol == null) {
            return b;
        }
        boolean quote = false;
        for (int i = 0; i < symbol.length() && !quote; i++) {
            char c = symbol.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return b.append(symbol);
        }
        b.append('"');
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        return b.append('"');
    }
}
