package com.tradesignal.bench.day;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The real one-minute NIFTY 50 and NIFTY BANK candles of {@code nse-index-1min/} (rows
 * {@code symbol,yyyymmdd,HH:MM,open,high,low,close,volume,oi}, the time labelling the END of the minute), arranged
 * by index and day, minute by minute from the 09:08 pre-open print to the 15:29 candle.
 */
final class RealCandles {
    /** Minute of the day of the first slot: 09:08, the minute the pre-open auction prints in (labelled 09:09). */
    static final int FIRST_MINUTE = 9 * 60 + 8;
    /** 09:15, the first regular minute. */
    static final int OPEN_MINUTE = 9 * 60 + 15;
    /** Slots 09:08 .. 15:29. */
    static final int SLOTS = 15 * 60 + 30 - FIRST_MINUTE;
    static final int OPEN_SLOT = OPEN_MINUTE - FIRST_MINUTE;

    /** One index's day. Arrays are by slot (minute - 09:08); NaN where the fixture has no row. */
    record Day(String index, LocalDate date, double[] open, double[] high, double[] low, double[] close,
               double previousClose, boolean complete) {
        /** The day's first print: the pre-open price if the auction printed, else the 09:15 open. */
        double firstPrice() {
            if (!Double.isNaN(close[0])) return close[0];
            for (int s = OPEN_SLOT; s < SLOTS; s++) {
                if (!Double.isNaN(open[s])) return open[s];
            }
            throw new IllegalStateException("no regular candle on " + date);
        }

        boolean hasPreOpen() {
            return !Double.isNaN(close[0]);
        }
    }

    private final Map<String, TreeMap<LocalDate, Day>> days;

    private RealCandles(Map<String, TreeMap<LocalDate, Day>> days) {
        this.days = days;
    }

    /** The fixture files of the directory, sorted by name (one per index and month). */
    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static RealCandles load(Path dir) {
        record Key(String index, LocalDate date) {}
        Map<Key, double[][]> raw = new HashMap<>();
        Map<Key, Boolean> odd = new HashMap<>();
        for (Path f : files(dir)) {
            try (BufferedReader r = Files.newBufferedReader(f)) {
                String line;
                while ((line = r.readLine()) != null) {
                    FixtureRow row = FixtureRow.parse(line, f);
                    if (row == null) continue;
                    Key key = new Key(row.index(), row.date());
                    int start = row.startMinute();
                    if (start >= 16 * 60 || start < 9 * 60) {
                        odd.put(key, true); // an extended or Muhurat session: not a regular day to model
                    }
                    // the pre-open print is labelled 09:09 in later files and 09:08 in earlier ones: either way slot 0
                    int slot = start >= 9 * 60 && start < OPEN_MINUTE ? 0 : start - FIRST_MINUTE;
                    if (slot < 0 || slot >= SLOTS) continue;
                    double[][] a = raw.computeIfAbsent(key, k -> newArrays());
                    a[0][slot] = row.open();
                    a[1][slot] = row.high();
                    a[2][slot] = row.low();
                    a[3][slot] = row.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        Map<String, TreeMap<LocalDate, Day>> byIndex = new HashMap<>();
        Map<String, TreeMap<LocalDate, double[][]>> sorted = new HashMap<>();
        raw.forEach((k, a) -> sorted.computeIfAbsent(k.index(), i -> new TreeMap<>()).put(k.date(), a));
        sorted.forEach((index, dates) -> {
            TreeMap<LocalDate, Day> out = new TreeMap<>();
            double previousClose = Double.NaN;
            for (Map.Entry<LocalDate, double[][]> e : dates.entrySet()) {
                double[][] a = e.getValue();
                int regular = 0;
                double lastClose = Double.NaN;
                for (int s = OPEN_SLOT; s < SLOTS; s++) {
                    if (!Double.isNaN(a[3][s])) {
                        regular++;
                        lastClose = a[3][s];
                    }
                }
                boolean complete = regular >= 370 && !odd.getOrDefault(new Key(index, e.getKey()), false);
                out.put(e.getKey(), new Day(index, e.getKey(), a[0], a[1], a[2], a[3], previousClose, complete));
                if (!Double.isNaN(lastClose)) previousClose = lastClose;
            }
            byIndex.put(index, out);
        });
        return new RealCandles(byIndex);
    }

    private static double[][] newArrays() {
        double[][] a = new double[4][SLOTS];
        for (double[] x : a) Arrays.fill(x, Double.NaN);
        return a;
    }

    /** Regular days on which both indices have (nearly) every minute, in date order. */
    List<LocalDate> completeDays() {
        List<LocalDate> out = new ArrayList<>();
        TreeMap<LocalDate, Day> nifty = days.getOrDefault("NIFTY", new TreeMap<>());
        TreeMap<LocalDate, Day> bank = days.getOrDefault("BANKNIFTY", new TreeMap<>());
        for (Day d : nifty.values()) {
            Day b = bank.get(d.date());
            if (d.complete() && b != null && b.complete()) out.add(d.date());
        }
        return out;
    }

    Day day(String index, LocalDate date) {
        Day d = days.getOrDefault(index, new TreeMap<>()).get(date);
        if (d == null) throw new IllegalArgumentException("no " + index + " candles on " + date);
        return d;
    }
}
