package com.tradesignal.bench.day;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.InstrumentType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which instruments a simulated market day carries, taken from the real Kite dump, and how liquid each one is.
 *
 * <p>In this order, up to the requested count: the three indices and their near-month futures; options of each
 * index's nearest expiry within ten strikes of the money (nearest strikes first, calls and puts); near-month stock
 * futures (the most liquid first); then everything else by liquidity: further strikes and later expiries of the index
 * options, stock options around the money, later futures. The dump has about 40,000 derivatives, so even 9,000
 * instruments are real contracts.
 *
 * <p>Every underlying needs a price level: the dump's {@code last_price} is zero, so the level is the middle listed
 * strike of its nearest expiry, which the exchange centres on the price when it lists strikes. Liquidity (the
 * weight) becomes the tick rate: an at-the-money index option about 2 ticks/s, a far strike or an illiquid stock
 * much less, see {@link TickRates}.
 */
final class Universe {
    enum Kind { INDEX, INDEX_FUTURE, INDEX_OPTION, STOCK_FUTURE, STOCK_OPTION }

    /** One selected instrument: its role, underlying ({@code NIFTY}, {@code RELIANCE}, ...) and liquidity weight. */
    record Member(Instrument instrument, Kind kind, String underlying, double weight) {}

    static final List<String> INDICES = List.copyOf(InstrumentCatalog.INDEX_TOKENS.keySet());

    private final List<Member> members;
    private final Map<String, Double> levels;

    private Universe(List<Member> members, Map<String, Double> levels) {
        this.members = members;
        this.levels = levels;
    }

    List<Member> members() {
        return members;
    }

    /** Price level of an underlying on the day (see the class comment). */
    double level(String underlying) {
        return levels.get(underlying);
    }

    /** The underlyings that members refer to, indices first. */
    List<String> underlyings() {
        List<String> out = new ArrayList<>(INDICES);
        for (Member m : members) {
            if (!out.contains(m.underlying())) out.add(m.underlying());
        }
        return out;
    }

    static Universe select(InstrumentCatalog dump, LocalDate date, int count, long seed) {
        Map<String, TreeMap<LocalDate, TreeSet<Double>>> strikes = new HashMap<>();
        Map<String, TreeMap<LocalDate, List<Instrument>>> futures = new HashMap<>();
        for (Instrument i : dump.all()) {
            if (i.expiry() == null || i.expiry().isBefore(date) || i.name().isEmpty()) continue;
            if (i.type() == InstrumentType.CE || i.type() == InstrumentType.PE) {
                strikes.computeIfAbsent(i.name(), k -> new TreeMap<>()).computeIfAbsent(i.expiry(), k -> new TreeSet<>()).add(i.strike());
            } else if (i.type() == InstrumentType.FUT) {
                futures.computeIfAbsent(i.name(), k -> new TreeMap<>()).computeIfAbsent(i.expiry(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Double> levels = new HashMap<>();
        strikes.forEach((name, byExpiry) -> {
            List<Double> s = new ArrayList<>(byExpiry.firstEntry().getValue());
            levels.put(name, s.get(s.size() / 2));
        });
        // Liquidity of each stock: log-normal, fixed by the seed and the sorted names, so a larger day keeps the
        // smaller day's stocks as liquid as they were.
        Map<String, Double> liquidity = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EEDL);
        for (String name : new TreeSet<>(levels.keySet())) {
            liquidity.put(name, Math.exp(0.8 * gaussian(rnd)));
        }

        List<Member> tier0 = new ArrayList<>();
        List<Ranked> tier1 = new ArrayList<>();
        List<Member> tier2 = new ArrayList<>();
        List<Member> rest = new ArrayList<>();
        InstrumentCatalog indices = InstrumentCatalog.wellKnownIndices();
        Map<String, Double> steps = new HashMap<>();
        for (String index : INDICES) {
            if (!levels.containsKey(index)) {
                throw new IllegalArgumentException("the instruments dump has no " + index + " options on or after " + date);
            }
            tier0.add(new Member(indices.byToken(InstrumentCatalog.INDEX_TOKENS.get(index)).orElseThrow(), Kind.INDEX, index, 1.0));
        }
        for (String index : INDICES) {
            TreeMap<LocalDate, List<Instrument>> f = futures.get(index);
            if (f == null) throw new IllegalArgumentException("the instruments dump has no " + index + " future on or after " + date);
            tier0.add(new Member(f.firstEntry().getValue().get(0), Kind.INDEX_FUTURE, index, 2.5));
        }
        for (Instrument i : dump.all()) {
            if (i.expiry() == null || i.expiry().isBefore(date) || !levels.containsKey(i.name())) continue;
            String name = i.name();
            boolean index = INDICES.contains(name);
            boolean option = i.type() == InstrumentType.CE || i.type() == InstrumentType.PE;
            double liq = index ? 1.0 : liquidity.get(name);
            if (option) {
                TreeMap<LocalDate, TreeSet<Double>> byExpiry = strikes.get(name);
                int expiryRank = byExpiry.headMap(i.expiry()).size();
                double step = steps.computeIfAbsent(name + " " + i.expiry(), k -> smallestGap(byExpiry.get(i.expiry())));
                double away = Math.abs(i.strike() - levels.get(name)) / step;
                if (index) {
                    Member m = new Member(i, Kind.INDEX_OPTION, name, 2.0 * Math.exp(-away / 6) * Math.pow(0.4, expiryRank));
                    if (expiryRank == 0 && away <= 10) tier1.add(new Ranked(m, away));
                    else rest.add(m);
                } else {
                    rest.add(new Member(i, Kind.STOCK_OPTION, name, 0.5 * liq * Math.exp(-away / 3) * Math.pow(0.3, expiryRank)));
                }
            } else if (i.type() == InstrumentType.FUT) {
                TreeMap<LocalDate, List<Instrument>> byExpiry = futures.get(name);
                int monthRank = byExpiry.headMap(i.expiry()).size();
                if (index) {
                    if (monthRank > 0) rest.add(new Member(i, Kind.INDEX_FUTURE, name, 0.4 / (1 + monthRank)));
                } else if (monthRank == 0) {
                    tier2.add(new Member(i, Kind.STOCK_FUTURE, name, Math.min(2.0, Math.max(0.05, liq))));
                } else {
                    rest.add(new Member(i, Kind.STOCK_FUTURE, name, 0.1 * liq / monthRank));
                }
            }
        }
        tier1.sort(Comparator.comparingDouble(Ranked::away)
                .thenComparing(r -> INDICES.indexOf(r.member().underlying()))
                .thenComparingDouble(r -> r.member().instrument().strike())
                .thenComparing(r -> r.member().instrument().type()));
        Comparator<Member> byWeight = Comparator.comparingDouble(Member::weight).reversed()
                .thenComparingLong(m -> m.instrument().token());
        tier2.sort(byWeight);
        rest.sort(byWeight);
        List<Member> all = new ArrayList<>(tier0);
        tier1.forEach(r -> all.add(r.member()));
        all.addAll(tier2);
        all.addAll(rest);
        if (count > all.size()) {
            throw new IllegalArgumentException("asked for " + count + " instruments; the dump has " + all.size() + " trading on " + date);
        }
        return new Universe(List.copyOf(all.subList(0, count)), levels);
    }

    private record Ranked(Member member, double away) {}

    private static double smallestGap(TreeSet<Double> strikes) {
        double best = Double.MAX_VALUE;
        Double prev = null;
        for (double s : strikes) {
            if (prev != null && s > prev) best = Math.min(best, s - prev);
            prev = s;
        }
        return best == Double.MAX_VALUE ? Math.max(1, strikes.first() * 0.01) : best;
    }

    static double gaussian(SplittableRandom rnd) {
        double u = Math.max(1e-12, rnd.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
