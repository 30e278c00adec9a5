package com.tradesignal.bench.day;

import com.tradesignal.market.MarketTime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Timestamps of one IST day as the bytes TickCsvWriter writes ({@code 2026-08-19T09:15:03+05:30}), one array per
 * second, made once and shared by every tick of that second (Kite stamps ticks to the second).
 */
final class IsoSeconds {
    private final long firstEpochSecond;
    private final byte[][] cache;

    /** Covers {@code seconds} seconds from {@code firstEpochSecond}. */
    IsoSeconds(long firstEpochSecond, int seconds) {
        this.firstEpochSecond = firstEpochSecond;
        this.cache = new byte[seconds][];
    }

    byte[] at(long epochSecond) {
        int i = (int) (epochSecond - firstEpochSecond);
        if (i < 0 || i >= cache.length) {
            return format(epochSecond);
        }
        byte[] b = cache[i];
        if (b == null) {
            b = format(epochSecond);
            cache[i] = b;
        }
        return b;
    }

    static byte[] format(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), MarketTime.IST);
        LocalDate d = t.toLocalDate();
        String s = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d+05:30",
                d.getYear(), d.getMonthValue(), d.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
