package com.tradesignal.bench.day;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One row of {@code nse-index-1min/}: {@code symbol,yyyymmdd,HH:MM,open,high,low,close,volume,oi}. The time labels
 * the END of the minute, so {@link #startMinute()} is one less: {@code 09:16} is the 09:15 candle, {@code 09:09} the
 * pre-open print of 09:08.
 */
record FixtureRow(String index, LocalDate date, int startMinute, double open, double high, double low, double close) {

    /** The row, or null for a blank line; fails with the file and the line on anything malformed. */
    static FixtureRow parse(String line, Path file) {
        if (line.isBlank()) return null;
        String[] f = line.split(",");
        try {
            String d = f[1];
            LocalDate date = LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                    Integer.parseInt(d.substring(6, 8)));
            int label = Integer.parseInt(f[2].substring(0, 2)) * 60 + Integer.parseInt(f[2].substring(3, 5));
            return new FixtureRow(f[0], date, label - 1, Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": malformed candle row '" + line + "'", e);
        }
    }
}
