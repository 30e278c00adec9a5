package com.tradesignal.job.signals;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.instrument.TokenMap;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which instruments belong to which underlying (NIFTY, BANKNIFTY, SENSEX), and as what: the index itself, a future,
 * or an option. Built from the instruments dump by {@code name}, {@code instrument_type} and {@code expiry}, never
 * by parsing symbols. Shipped inside the job graph, so it keeps only these three underlyings' contracts.
 */
public final class UnderlyingMap implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Kind { INDEX, FUTURE, OPTION }

    /** One contract's role. {@code expiry} is the epoch day, {@code strike} 0 for non-options, {@code put} for PE. */
    public record Role(String underlying, Kind kind, long expiry, double strike, boolean put) implements Serializable {}

    /** By token; asked for every tick by the price filter chained to the source, so primitive-keyed. */
    private final TokenMap<Role> roles = new TokenMap<>();
    private final Map<String, Double> strikeSteps = new HashMap<>();

    public static UnderlyingMap from(InstrumentCatalog catalog) {
        UnderlyingMap m = new UnderlyingMap();
        for (Map.Entry<String, Long> e : InstrumentCatalog.INDEX_TOKENS.entrySet()) {
            m.roles.put(e.getValue(), new Role(e.getKey(), Kind.INDEX, Long.MIN_VALUE, 0, false));
        }
        Map<String, TreeSet<Double>> strikes = new HashMap<>();
        for (Instrument i : catalog.all()) {
            if (!InstrumentCatalog.INDEX_TOKENS.containsKey(i.name()) || i.expiry() == null) continue;
            if (i.type() == InstrumentType.FUT) {
                m.roles.put(i.token(), new Role(i.name(), Kind.FUTURE, i.expiry().toEpochDay(), 0, false));
            } else if (i.type() == InstrumentType.CE || i.type() == InstrumentType.PE) {
                m.roles.put(i.token(), new Role(i.name(), Kind.OPTION, i.expiry().toEpochDay(), i.strike(), i.type() == InstrumentType.PE));
                strikes.computeIfAbsent(i.name(), k -> new TreeSet<>()).add(i.strike());
            }
        }
        strikes.forEach((name, set) -> m.strikeSteps.put(name, smallestGap(set)));
        return m;
    }

    /** The listed strike interval: the smallest gap between strikes (50 for NIFTY, 100 for BANKNIFTY and SENSEX). */
    private static double smallestGap(TreeSet<Double> strikes) {
        double best = Double.NaN;
        Double prev = null;
        for (double s : strikes) {
            if (prev != null && s - prev > 0 && !(s - prev >= best)) best = s - prev;
            prev = s;
        }
        return best;
    }

    /** underlying → {day, near-month token or -1}; rebuilt after deserialization. */
    private transient volatile java.util.Map<String, long[]> nearMonthMemo;

    public Role role(long token) {
        return roles.get(token);
    }

    /**
     * Whether the candle's row goes to its underlying's engine: the index's, every future's, and the options' 1m
     * rows (options only feed the PCR, which needs their 1m open interest and nothing else).
     */
    public boolean feedsUnderlying(com.tradesignal.candle.Candle c) {
        Role role = roles.get(c.token());
        return role != null && (role.kind != Kind.OPTION || c.interval() == com.tradesignal.candle.CandleInterval.M1);
    }

    /** Whether the token is one of the indices, whose rows come out of the underlying engine (with the votes). */
    public boolean isIndex(long token) {
        Role role = roles.get(token);
        return role != null && role.kind == Kind.INDEX;
    }

    /** The listed strike interval of the underlying's options; NaN with fewer than two strikes listed. */
    public double strikeStep(String underlying) {
        return strikeSteps.getOrDefault(underlying, Double.NaN);
    }

    /** The near-month future on {@code day}: the earliest expiry on or after it (it rolls the day after expiry). */
    public Optional<Long> nearMonthFuture(String underlying, long day) {
        // asked for every future tick by the price sinks: the scan over all roles runs once per underlying and day
        if (nearMonthMemo == null) nearMonthMemo = new java.util.concurrent.ConcurrentHashMap<>();
        long[] memo = nearMonthMemo.get(underlying);
        if (memo == null || memo[0] != day) {
            memo = new long[]{day, scanNearMonthFuture(underlying, day)};
            nearMonthMemo.put(underlying, memo);
        }
        return memo[1] < 0 ? Optional.empty() : Optional.of(memo[1]);
    }

    private long scanNearMonthFuture(String underlying, long day) {
        long[] best = {-1, Long.MAX_VALUE}; // token, expiry
        roles.forEach((token, r) -> {
            if (r.kind == Kind.FUTURE && r.underlying.equals(underlying) && r.expiry >= day
                    && (r.expiry < best[1] || (r.expiry == best[1] && token < best[0]))) {
                best[0] = token;
                best[1] = r.expiry;
            }
        });
        return best[0];
    }

    /** The nearest option expiry on or after {@code day}, or -1. */
    public long nearestOptionExpiry(String underlying, long day) {
        long[] best = {Long.MAX_VALUE};
        roles.forEach((token, r) -> {
            if (r.kind == Kind.OPTION && r.underlying.equals(underlying) && r.expiry >= day && r.expiry < best[0]) {
                best[0] = r.expiry;
            }
        });
        return best[0] == Long.MAX_VALUE ? -1 : best[0];
    }

    /** The options of one underlying and expiry, as (token, role). */
    public List<Map.Entry<Long, Role>> options(String underlying, long expiry) {
        List<Map.Entry<Long, Role>> out = new ArrayList<>();
        roles.forEach((token, r) -> {
            if (r.kind == Kind.OPTION && r.underlying.equals(underlying) && r.expiry == expiry) out.add(Map.entry(token, r));
        });
        out.sort(Map.Entry.comparingByKey());
        return out;
    }

    public static LocalDate day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
