package com.tradesignal.job.replay;

import com.tradesignal.market.MarketTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The real one-minute index candles in {@code ../shared/fixtures/nse-index-1min/}, read in place. Each row's time
 * labels the END of its minute (09:16 is the 09:15:00-09:15:59 candle); rows are kept with their start time.
 */
final class NseMinuteFixture {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    record Row(String symbol, long start, double open, double high, double low, double close) {}

    static Path shared() {
        Path p = Path.of(System.getProperty("tradesignal.shared", "../../shared"));
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared fixtures not found at " + p.toAbsolutePath()
                    + " (set -Dtradesignal.shared=PATH)");
        }
        return p;
    }

    static Path file(String name) {
        return shared().resolve("fixtures/nse-index-1min").resolve(name);
    }

    static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                LocalDate day = LocalDate.parse(f[1], DAY);
                long end = MarketTime.at(day, LocalTime.parse(f[2]));
                rows.add(new Row(f[0], end - MarketTime.MINUTE_MS, Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Whether the minute starting at {@code start} is in the regular session 09:15-15:30 IST. */
    static boolean inRegularSession(long start) {
        long day = MarketTime.istEpochDay(start);
        return start >= MarketTime.at(day, LocalTime.of(9, 15)) && start < MarketTime.at(day, LocalTime.of(15, 30));
    }

    private NseMinuteFixture() {}
}
