package com.tradesignal.simulator;

import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import com.tradesignal.sim.SimulatedInstrument;
import com.tradesignal.tick.Tick;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recorded one-minute index candles replayed as ticks on the simulator's day, instead of the generated index path.
 * Input: the shared {@code nse-index-1min} format ({@code symbol,yyyymmdd,HH:MM,open,high,low,close,volume,oi}, no
 * header, the time labelling the END of the minute; {@code 09:09} is the pre-open print). Symbols NIFTY and
 * BANKNIFTY map to the index tokens 256265 and 260105.
 *
 * <p>Per symbol, one recorded day is replayed: the first one that has a recorded day before it (so the ticks' day
 * close, the previous session's close, is real), or the only one. Each candle becomes four ticks inside its minute
 * (open at :00, the high and the low at :20 and :40 in the order that a path from open to close would meet them,
 * close at :59), so a client building minute candles from the ticks gets the recorded candle back. The pre-open
 * print (labelled 09:09 or 09:08) becomes one tick at the start of its minute. Candles outside the day's session
 * are skipped. The replayed indices' futures and option strikes are centred on the recording's previous close. Futures and options keep their
 * generated paths (options are priced from the replayed index).
 */
final class ReplayedCandles {
    static final Map<String, Long> TOKENS = Map.of(
            "NIFTY", SimulatedInstrument.NIFTY_50_TOKEN,
            "BANKNIFTY", SimulatedInstrument.NIFTY_BANK_TOKEN);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Candles labelled before this are the pre-open auction print (09:09 or 09:08 in the recordings). */
    private static final LocalTime FIRST_REGULAR_LABEL = LocalTime.of(9, 16);

    record Candle(LocalTime end, double open, double high, double low, double close) {
    }

    /** One recorded day of one index. */
    record Day(long token, String symbol, LocalDate recorded, double previousClose, List<Candle> candles) {
    }

    private final Map<Long, Day> days;

    private ReplayedCandles(Map<Long, Day> days) {
        this.days = days;
    }

    static ReplayedCandles none() {
        return new ReplayedCandles(Map.of());
    }

    /** Reads the files; an unreadable file or a malformed row fails here, at start-up, not mid-session. */
    static ReplayedCandles load(List<Path> files) {
        if (files.isEmpty()) {
            return none();
        }
        Map<String, TreeMap<LocalDate, List<Candle>>> bySymbol = new HashMap<>();
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read replay file " + f, e);
            }
            int n = 0;
            for (String line : lines) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",");
                if (c.length < 7 || !TOKENS.containsKey(c[0].trim())) {
                    throw new IllegalArgumentException(f + ":" + n + ": not a NIFTY/BANKNIFTY one-minute candle row");
                }
                try {
                    LocalDate date = LocalDate.parse(c[1].trim(), DAY);
                    LocalTime end = LocalTime.parse(c[2].trim().length() == 4 ? "0" + c[2].trim() : c[2].trim());
                    bySymbol.computeIfAbsent(c[0].trim(), k -> new TreeMap<>()).computeIfAbsent(date, k -> new ArrayList<>())
                            .add(new Candle(end, Double.parseDouble(c[3]), Double.parseDouble(c[4]),
                                    Double.parseDouble(c[5]), Double.parseDouble(c[6])));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(f + ":" + n + ": " + e.getMessage(), e);
                }
            }
        }
        Map<Long, Day> days = new HashMap<>();
        bySymbol.forEach((symbol, byDate) -> {
            LocalDate chosen = byDate.size() > 1 ? byDate.keySet().stream().skip(1).findFirst().orElseThrow() : byDate.firstKey();
            List<Candle> candles = new ArrayList<>(byDate.get(chosen));
            candles.sort(Comparator.comparing(Candle::end));
            Map.Entry<LocalDate, List<Candle>> before = byDate.lowerEntry(chosen);
            double previousClose = before == null ? candles.get(0).open()
                    : before.getValue().stream().filter(c -> !c.end().isAfter(LocalTime.of(15, 30)))
                    .max(Comparator.comparing(Candle::end)).map(Candle::close).orElse(candles.get(0).open());
            long token = TOKENS.get(symbol);
            days.put(token, new Day(token, symbol.equals("NIFTY") ? "NIFTY 50" : "NIFTY BANK", chosen, previousClose,
                    List.copyOf(candles)));
        });
        return new ReplayedCandles(Map.copyOf(days));
    }

    Set<Long> tokens() {
        return days.keySet();
    }

    boolean isEmpty() {
        return days.isEmpty();
    }

    /** The previous close of each replayed index, the day's reference (options' previous close is priced from it). */
    Map<Long, Double> previousCloses() {
        Map<Long, Double> m = new HashMap<>();
        days.forEach((t, d) -> m.put(t, d.previousClose()));
        return m;
    }

    /** The replayed ticks on {@code date}, in exchange-time order. */
    List<Tick> ticksOn(LocalDate date, SessionHours hours) {
        long close = hours.closeMillis(date.toEpochDay());
        List<Tick> out = new ArrayList<>();
        for (Day d : days.values()) {
            double open = Double.NaN;
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            for (Candle c : d.candles()) {
                long start = MarketTime.at(date, c.end().minusMinutes(1));
                boolean preOpen = c.end().isBefore(FIRST_REGULAR_LABEL);
                if (start >= close || start < hours.preOpenMillis(date.toEpochDay())) {
                    continue;
                }
                boolean upDay = c.close() >= c.open();
                double[] prices = preOpen ? new double[] {c.open()}
                        : new double[] {c.open(), upDay ? c.low() : c.high(), upDay ? c.high() : c.low(), c.close()};
                long[] offsets = {0, 20_000, 40_000, 59_000};
                for (int i = 0; i < prices.length; i++) {
                    double p = prices[i];
                    if (Double.isNaN(open)) {
                        open = p;
                    }
                    high = Math.max(high, p);
                    low = Math.min(low, p);
                    out.add(Tick.builder(d.token(), start + offsets[i], p).dayOhlc(open, high, low, d.previousClose())
                            .tradingSymbol(d.symbol()).build());
                }
            }
        }
        out.sort(Comparator.comparingLong(t -> t.exchangeTime));
        return out;
    }

    /** Merges two exchange-time-ordered tick streams into one, dropping {@code generated} ticks of replayed tokens. */
    Iterator<Tick> mergeInto(Iterator<Tick> generated, List<Tick> replayed) {
        Iterator<Tick> a = new Iterator<>() {
            private Tick next = advance();

            private Tick advance() {
                while (generated.hasNext()) {
                    Tick t = generated.next();
                    if (!days.containsKey(t.token)) {
                        return t;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Tick next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Tick t = next;
                next = advance();
                return t;
            }
        };
        Iterator<Tick> b = replayed.iterator();
        return new Iterator<>() {
            private Tick na = a.hasNext() ? a.next() : null;
            private Tick nb = b.hasNext() ? b.next() : null;

            @Override
            public boolean hasNext() {
                return na != null || nb != null;
            }

            @Override
            public Tick next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Tick t;
                if (nb == null || (na != null && na.exchangeTime <= nb.exchangeTime)) {
                    t = na;
                    na = a.hasNext() ? a.next() : null;
                } else {
                    t = nb;
                    nb = b.hasNext() ? b.next() : null;
                }
                return t;
            }
        };
    }
}
