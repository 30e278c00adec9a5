package com.tradesignal.indicators;

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
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads /work/shared/fixtures/nse-index-1min/*.csv in place (system property {@code tradesignal.shared}, default
 * {@code ../../shared}). Rows are {@code symbol,yyyymmdd,HH:MM,o,h,l,c,vol,oi} with HH:MM the END of the minute.
 */
final class NseIndexMinutes {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalTime FIRST_REGULAR_LABEL = LocalTime.of(9, 16);
    private static final LocalTime LAST_REGULAR_LABEL = LocalTime.of(15, 30);

    /** One minute: {@code label} is the vendor's end-of-minute stamp, {@code start} the epoch millis it began. */
    record Minute(LocalDate date, LocalTime label, long start, double open, double high, double low, double close) {
        boolean isRegular() {
            return !label.isBefore(FIRST_REGULAR_LABEL) && !label.isAfter(LAST_REGULAR_LABEL);
        }
    }

    private NseIndexMinutes() {
    }

    static Path fixture(String relative) {
        return com.tradesignal.testing.SharedFixtures.fixture(relative);
    }

    /** All rows of a monthly file, grouped by date in file order. */
    static Map<LocalDate, List<Minute>> read(String fileName) {
        Map<LocalDate, List<Minute>> days = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(fixture("nse-index-1min/" + fileName))) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                LocalDate date = LocalDate.parse(f[1], YYYYMMDD);
                LocalTime label = LocalTime.parse(f[2]);
                long start = MarketTime.at(date, label.minusMinutes(1));
                Minute m = new Minute(date, label, start, Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]));
                days.computeIfAbsent(date, d -> new ArrayList<>()).add(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }

    /** The regular-session minutes (labels 09:16..15:30) of one day. */
    static List<Minute> regular(String fileName, LocalDate date) {
        List<Minute> all = read(fileName).get(date);
        if (all == null) {
            throw new IllegalStateException("no rows for " + date + " in " + fileName);
        }
        return all.stream().filter(Minute::isRegular).toList();
    }

    /** All rows of one day, including the pre-open print and post-close rows. */
    static List<Minute> allRows(String fileName, LocalDate date) {
        return read(fileName).get(date);
    }
}
