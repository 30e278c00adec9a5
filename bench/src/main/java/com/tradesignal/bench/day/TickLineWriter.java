package com.tradesignal.bench.day;

import com.tradesignal.sim.TickCsvWriter;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes ticks in exactly the columns and number forms of {@link TickCsvWriter} (so the replay reads them the same
 * way), but straight into a byte buffer: prices arrive as whole paise (every tick size is a multiple of 0.01), the
 * timestamp of the current second is formatted once and reused, and nothing is allocated per tick. The generator
 * writes tens of millions of ticks; {@code TickCsvWriter} builds a {@code Tick} and several strings for each one.
 *
 * <p>Usage per line: {@link #begin} (token and timestamp), then one call per remaining column in header order,
 * then {@link #end}. Absent values are empty cells, as in {@code TickCsvWriter}. Not thread-safe.
 */
final class TickLineWriter implements Closeable {
    /** Marks an absent price (TickCsvWriter writes NaN as an empty cell). */
    static final long ABSENT = Long.MIN_VALUE;

    private final FileChannel channel;
    private final byte[] buf = new byte[1 << 20];
    private final ByteBuffer view = ByteBuffer.wrap(buf);
    private final byte[] digits = new byte[20];
    private int pos;
    private long bytes;
    private long lines;

    TickLineWriter(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        put(TickCsvWriter.HEADER.getBytes(StandardCharsets.US_ASCII));
        buf[pos++] = '\n';
    }

    /** Starts a line: {@code instrument_token,timestamp,} ({@code timestamp} already formatted, see {@link IsoSeconds}). */
    TickLineWriter begin(long token, byte[] timestamp) throws IOException {
        if (pos > buf.length - 512) {
            drain();
        }
        putLong(token);
        buf[pos++] = ',';
        put(timestamp);
        buf[pos++] = ',';
        return this;
    }

    /** A price in paise, then a comma. */
    TickLineWriter price(long paise) {
        if (paise != ABSENT) {
            putPaise(paise);
        }
        buf[pos++] = ',';
        return this;
    }

    /** A quantity; 0 is absent, as TickCsvWriter writes it. Then a comma. */
    TickLineWriter quantity(long v) {
        if (v != 0) {
            putLong(v);
        }
        buf[pos++] = ',';
        return this;
    }

    /** The trading symbol, already CSV-quoted if it needs it ({@link #symbolBytes}), then a comma. */
    TickLineWriter symbol(byte[] quoted) {
        put(quoted);
        buf[pos++] = ',';
        return this;
    }

    /** The last column, {@code last_trade_time} (null: absent), and the line end. */
    void end(byte[] lastTradeTime) {
        if (lastTradeTime != null) {
            put(lastTradeTime);
        }
        buf[pos++] = '\n';
        lines++;
    }

    /** Ticks written so far. */
    long lines() {
        return lines;
    }

    /** Bytes written so far, header included. */
    long bytes() {
        return bytes + pos;
    }

    /** A symbol as TickCsvWriter writes it: quoted (RFC 4180) only if it holds a comma, quote or line break. */
    static byte[] symbolBytes(String symbol) {
        if (symbol == null) {
            return new byte[0];
        }
        boolean quote = symbol.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        String s = quote ? '"' + symbol.replace("\"", "\"\"") + '"' : symbol;
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void put(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void putLong(long v) {
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        // two digits per division, written backwards into a scratch array: this is the generator's hottest loop
        int i = digits.length;
        while (v >= 100) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            digits[--i] = (byte) ('0' + r % 10);
            digits[--i] = (byte) ('0' + r / 10);
            v = q;
        }
        int r = (int) v;
        digits[--i] = (byte) ('0' + r % 10);
        if (r >= 10) digits[--i] = (byte) ('0' + r / 10);
        int n = digits.length - i;
        System.arraycopy(digits, i, buf, pos, n);
        pos += n;
    }

    /**
     * The shortest decimal of paise/100, the form TickCsvWriter gives the same double: 24850, 24850.3, 24850.35
     * (Double.toString of a value with two decimals never needs more digits than that).
     */
    private void putPaise(long paise) {
        if (paise < 0) {
            buf[pos++] = '-';
            paise = -paise;
        }
        putLong(paise / 100);
        int frac = (int) (paise % 100);
        if (frac != 0) {
            buf[pos++] = '.';
            buf[pos++] = (byte) ('0' + frac / 10);
            if (frac % 10 != 0) {
                buf[pos++] = (byte) ('0' + frac % 10);
            }
        }
    }

    private void drain() throws IOException {
        view.clear().limit(pos);
        while (view.hasRemaining()) {
            channel.write(view);
        }
        bytes += pos;
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            channel.close();
        }
    }
}
