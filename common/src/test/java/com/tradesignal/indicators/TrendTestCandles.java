package com.tradesignal.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Real NIFTY 50 one-minute candles (December 2022) read in place from the shared fixtures:
 * {@code <tradesignal.shared>/fixtures/nse-index-1min/2022-dec-nifty.csv}, columns
 * {@code symbol,yyyymmdd,HH:MM,o,h,l,c,vol,oi}, the time labelling the END of the minute. Only the regular session
 * (labels 09:16..15:30) is kept: the 09:08/09:09 pre-open prints and the 15:31+ closing prints are dropped.
 */
final class TrendTestCandles {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalTime FIRST = LocalTime.of(9, 16);
    private static final LocalTime LAST = LocalTime.of(15, 30);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    record Bar(LocalDateTime end, double open, double high, double low, double close) {
    }

    private static List<Bar> nifty;

    private TrendTestCandles() {
    }

    static Path sharedDir() {
        return com.tradesignal.testing.SharedFixtures.shared();
    }

    static synchronized List<Bar> niftyDecember2022() {
        if (nifty == null) {
            nifty = List.copyOf(read(sharedDir().resolve("fixtures/nse-index-1min/2022-dec-nifty.csv")));
        }
        return nifty;
    }

    private static List<Bar> read(Path file) {
        List<Bar> bars = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                LocalTime end = LocalTime.parse(f[2]);
                if (end.isBefore(FIRST) || end.isAfter(LAST)) {
                    continue;
                }
                bars.add(new Bar(LocalDate.parse(f[1], DAY).atTime(end), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath()
                    + " (set -Dtradesignal.shared to the shared directory)", e);
        }
        return bars;
    }

    static double[] highs(List<Bar> bars) {
        return bars.stream().mapToDouble(Bar::high).toArray();
    }

    static double[] lows(List<Bar> bars) {
        return bars.stream().mapToDouble(Bar::low).toArray();
    }

    static double[] closes(List<Bar> bars) {
        return bars.stream().mapToDouble(Bar::close).toArray();
    }
}
