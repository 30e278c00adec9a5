package com.tradesignal.bench.day;

import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.market.MarketTime;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the real one-minute index candles of {@code nse-index-1min/} into tick files the replay reads, one per
 * fixture file, so the job rebuilds exactly the real candles: each minute becomes a tick at :00 with its open, :20 and
 * :40 with its extremes (the low first in a rising minute, the high first in a falling one) and :59 with its close.
 * A flat print (the 09:08 pre-open auction) is one tick. That is the shape {@code replay --history} gives one-minute
 * candles; {@code --history} itself does not fit here because it reads a different CSV and does not write the candles
 * it replays.
 *
 * <p>Rows are kept as the exchange published them, the 15:30-15:31 prints after the close and the special sessions
 * (the 2021-02-24 extension, the Muhurat evenings) included: the job counts what falls outside its session.
 */
final class FixtureTicks {
    record Result(List<Path> files, long ticks, long bytes, long candles, int days, LocalDate first, LocalDate last) {}

    private static final Map<String, Long> TOKENS = Map.of("NIFTY", InstrumentCatalog.INDEX_TOKENS.get("NIFTY"),
            "BANKNIFTY", InstrumentCatalog.INDEX_TOKENS.get("BANKNIFTY"));
    private static final Map<String, byte[]> SYMBOLS = Map.of("NIFTY", TickLineWriter.symbolBytes("NIFTY 50"),
            "BANKNIFTY", TickLineWriter.symbolBytes("NIFTY BANK"));

    private FixtureTicks() {}

    static Result convert(Path candleDir, Path outDir) throws IOException {
        List<Path> files = new ArrayList<>();
        long ticks = 0, bytes = 0, candles = 0;
        Set<LocalDate> days = new HashSet<>();
        LocalDate first = null, last = null;
        for (Path f : RealCandles.files(candleDir)) {
            List<FixtureRow> rows = new ArrayList<>();
            try (BufferedReader r = Files.newBufferedReader(f)) {
                String line;
                while ((line = r.readLine()) != null) {
                    FixtureRow row = FixtureRow.parse(line, f);
                    if (row != null) rows.add(row);
                }
            }
            // the replay needs each file in time order
            rows.sort(Comparator.comparing(FixtureRow::date).thenComparingInt(FixtureRow::startMinute));
            Path out = outDir.resolve("real-" + f.getFileName());
            files.add(out);
            try (TickLineWriter w = new TickLineWriter(out)) {
                for (FixtureRow row : rows) {
                    writeCandle(w, row);
                    days.add(row.date());
                    first = first == null || row.date().isBefore(first) ? row.date() : first;
                    last = last == null || row.date().isAfter(last) ? row.date() : last;
                }
                candles += rows.size();
                ticks += w.lines();
                bytes += w.bytes();
            }
        }
        if (first == null) throw new IllegalStateException("no candles in " + candleDir);
        return new Result(files, ticks, bytes, candles, days.size(), first, last);
    }

    private static void writeCandle(TickLineWriter w, FixtureRow row) throws IOException {
        Long token = TOKENS.get(row.index());
        if (token == null) throw new IllegalArgumentException("unknown index '" + row.index() + "' in the candle fixtures");
        long start = MarketTime.at(row.date(), LocalTime.ofSecondOfDay(row.startMinute() * 60L)) / 1000;
        long o = paise(row.open()), h = paise(row.high()), l = paise(row.low()), c = paise(row.close());
        if (o == h && h == l && l == c) {
            tick(w, token, row.index(), start, o);
            return;
        }
        boolean rising = c >= o;
        tick(w, token, row.index(), start, o);
        tick(w, token, row.index(), start + 20, rising ? l : h);
        tick(w, token, row.index(), start + 40, rising ? h : l);
        tick(w, token, row.index(), start + 59, c);
    }

    private static void tick(TickLineWriter w, long token, String index, long second, long paise) throws IOException {
        w.begin(token, IsoSeconds.format(second)).price(paise).symbol(SYMBOLS.get(index))
                .quantity(0).price(TickLineWriter.ABSENT).quantity(0).quantity(0).quantity(0).quantity(0)
                .price(TickLineWriter.ABSENT).price(TickLineWriter.ABSENT).price(TickLineWriter.ABSENT).price(TickLineWriter.ABSENT)
                .end(null);
    }

    private static long paise(double rupees) {
        return Math.round(rupees * 100);
    }
}
