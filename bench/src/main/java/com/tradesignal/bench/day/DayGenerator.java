package com.tradesignal.bench.day;

import com.tradesignal.market.MarketTime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one simulated day: second by second in exchange time, every instrument that ticks in that second, one tick
 * file per clock hour. Indices tick exactly once a second; every other instrument a Poisson number of times at its
 * rate times the minute's activity. Several ticks of one instrument in one second share the timestamp (Kite stamps to
 * the second) and sample the underlying's path between that second and the next.
 *
 * <p>The underlyings follow real days (see {@link PricePath}): NIFTY and SENSEX the same NIFTY day, BANKNIFTY the
 * NIFTY BANK candles of that date, each stock a real day of either index of its own, with amplified moves. Everything
 * random is drawn from the seed, so the same spec writes the same bytes.
 */
final class DayGenerator {
    /** What a finished day consists of. */
    record Result(List<Path> files, long ticks, long bytes, Map<Universe.Kind, Integer> kinds, List<MarketDay.Source> sources) {}

    private static final long PRE_OPEN_SECOND_OF_DAY = RealCandles.FIRST_MINUTE * 60L;
    private static final long OPEN_SECOND_OF_DAY = RealCandles.OPEN_MINUTE * 60L;
    private static final long CLOSE_SECOND_OF_DAY = (15 * 60 + 30) * 60L;

    private final Universe universe;
    private final RealCandles candles;
    private final LocalDate date;
    private final MarketDay.Spec spec;

    DayGenerator(Universe universe, RealCandles candles, LocalDate date, MarketDay.Spec spec) {
        this.universe = universe;
        this.candles = candles;
        this.date = date;
        this.spec = spec;
    }

    Result write(Path dir) throws IOException {
        List<String> names = universe.underlyings();
        List<MarketDay.Source> sources = new ArrayList<>();
        PricePath[] paths = paths(names, sources);
        long midnight = MarketTime.at(date, LocalTime.MIDNIGHT) / 1000;
        long from = midnight + Math.max(PRE_OPEN_SECOND_OF_DAY, spec.from().toSecondOfDay());
        long to = midnight + Math.min(CLOSE_SECOND_OF_DAY, spec.to().toSecondOfDay());
        long regularFrom = Math.max(from, midnight + OPEN_SECOND_OF_DAY);
        boolean preOpen = from == midnight + PRE_OPEN_SECOND_OF_DAY && paths[0].source().hasPreOpen();

        SplittableRandom rnd = new SplittableRandom(spec.seed());
        List<Universe.Member> members = universe.members();
        double[] rates = TickRates.of(members, spec.averageTicksPerSecond());
        SimContract[] contracts = new SimContract[members.size()];
        Map<String, Integer> underlyingIndex = new HashMap<>();
        for (int i = 0; i < names.size(); i++) underlyingIndex.put(names.get(i), i);
        Map<Universe.Kind, Integer> kinds = new EnumMap<>(Universe.Kind.class);
        int fromSlot = (int) ((regularFrom - midnight) / 60) - RealCandles.FIRST_MINUTE;
        for (int i = 0; i < contracts.length; i++) {
            Universe.Member m = members.get(i);
            SimContract c = new SimContract(m, underlyingIndex.get(m.underlying()), rates[i], rnd);
            PricePath p = paths[c.underlying];
            c.previousClose(p.previousClose(), regularFrom);
            if (regularFrom > midnight + OPEN_SECOND_OF_DAY) {
                seedDayBefore(c, p, fromSlot, regularFrom, regularFrom - midnight - OPEN_SECOND_OF_DAY);
            }
            contracts[i] = c;
            kinds.merge(m.kind(), 1, Integer::sum);
        }

        int seconds = (int) Math.max(1, to - from);
        IsoSeconds times = new IsoSeconds(from, seconds);
        List<Path> files = new ArrayList<>();
        long ticks = 0, bytes = 0;
        TickLineWriter out = null;
        int fileHour = -1;
        try {
            if (preOpen && from < to) {
                out = open(dir, from, midnight, files);
                fileHour = hour(from, midnight);
                for (SimContract c : contracts) {
                    // the pre-open auction's price: indices and the near-month index futures print at 09:08
                    if (c.isIndex() || (c.kind == Universe.Kind.INDEX_FUTURE && isNearMonth(c, contracts))) {
                        c.tick(paths[c.underlying].firstPrice(), from, rnd);
                        c.write(out, times.at(from), times);
                    }
                }
            }
            double[][] second = new double[names.size()][60];
            double[] activity = TickRates.activity(paths[0], fromSlot, slot(to - 1, midnight) + 1);
            double[] quiet = new double[contracts.length];
            int currentSlot = -1;
            for (long t = regularFrom; t < to; t++) {
                int h = hour(t, midnight);
                if (h != fileHour) {
                    if (out != null) {
                        ticks += out.lines();
                        bytes += out.bytes();
                        out.close();
                    }
                    out = open(dir, t, midnight, files);
                    fileHour = h;
                }
                int slot = slot(t, midnight);
                if (slot != currentSlot) {
                    currentSlot = slot;
                    for (int u = 0; u < paths.length; u++) paths[u].fillMinute(slot, second[u]);
                    for (int i = 0; i < contracts.length; i++) quiet[i] = Math.exp(-contracts[i].rate * activity[slot]);
                }
                int s = (int) ((t - midnight) % 60);
                byte[] stamp = times.at(t);
                for (int i = 0; i < contracts.length; i++) {
                    SimContract c = contracts[i];
                    int n = c.isIndex() ? 1 : poisson(quiet[i], rnd);
                    double[] p = second[c.underlying];
                    for (int k = 0; k < n; k++) {
                        double spot = k == 0 || s == 59 ? p[s] : p[s] + (p[s + 1] - p[s]) * k / n;
                        c.tick(spot, t, rnd);
                        c.write(out, stamp, times);
                    }
                }
            }
        } finally {
            if (out != null) {
                ticks += out.lines();
                bytes += out.bytes();
                out.close();
            }
        }
        return new Result(files, ticks, bytes, kinds, sources);
    }

    private PricePath[] paths(List<String> names, List<MarketDay.Source> sources) {
        List<LocalDate> days = candles.completeDays();
        if (days.isEmpty()) throw new IllegalStateException("no complete regular day in the candle fixtures");
        SplittableRandom pick = new SplittableRandom(spec.seed() * 31 + 7);
        LocalDate marketDay = days.get(pick.nextInt(days.size()));
        PricePath[] paths = new PricePath[names.size()];
        for (int u = 0; u < names.size(); u++) {
            String name = names.get(u);
            double level = universe.level(name);
            RealCandles.Day day;
            double amplification = 1;
            if (name.equals("BANKNIFTY")) {
                day = candles.day("BANKNIFTY", marketDay);
            } else if (Universe.INDICES.contains(name)) {
                day = candles.day("NIFTY", marketDay); // SENSEX moves with NIFTY: same day, its own level
            } else {
                // a stock: a real day of either index, its own, with moves 1.5 to 3 times as large
                SplittableRandom r = new SplittableRandom(spec.seed() ^ ((long) name.hashCode() << 16));
                day = candles.day(r.nextBoolean() ? "NIFTY" : "BANKNIFTY", days.get(r.nextInt(days.size())));
                amplification = 1.5 + 1.5 * r.nextDouble();
            }
            paths[u] = new PricePath(day, level, amplification, spec.seed() ^ ((long) name.hashCode() * 0x9E3779B9L));
            sources.add(new MarketDay.Source(name, day.index(), day.date(), paths[u].scale(), amplification));
        }
        return paths;
    }

    private static void seedDayBefore(SimContract c, PricePath p, int fromSlot, long at, long secondsTraded) {
        double high = p.open(RealCandles.OPEN_SLOT), low = high;
        for (int s = RealCandles.OPEN_SLOT; s < fromSlot; s++) {
            high = Math.max(high, p.high(s));
            low = Math.min(low, p.low(s));
        }
        c.dayBefore(p.open(RealCandles.OPEN_SLOT), high, low, at, secondsTraded);
    }

    private static boolean isNearMonth(SimContract f, SimContract[] all) {
        for (SimContract c : all) {
            if (c.kind == Universe.Kind.INDEX_FUTURE && c.underlying == f.underlying
                    && c.instrument.expiry().isBefore(f.instrument.expiry())) return false;
        }
        return true;
    }

    /** Knuth's method with {@code quiet = e^-lambda} precomputed: the rates are small (at most a few a second). */
    private static int poisson(double quiet, SplittableRandom rnd) {
        int k = 0;
        double p = rnd.nextDouble();
        while (p > quiet) {
            k++;
            p *= rnd.nextDouble();
        }
        return k;
    }

    private static int slot(long t, long midnight) {
        return (int) ((t - midnight) / 60) - RealCandles.FIRST_MINUTE;
    }

    private static int hour(long t, long midnight) {
        return (int) ((t - midnight) / 3600);
    }

    private static TickLineWriter open(Path dir, long t, long midnight, List<Path> files) throws IOException {
        long sod = t - midnight;
        Path f = dir.resolve(String.format(java.util.Locale.ROOT, "simulated-ticks-%02d%02d.csv", sod / 3600, sod / 60 % 60));
        files.add(f);
        return new TickLineWriter(f);
    }
}
