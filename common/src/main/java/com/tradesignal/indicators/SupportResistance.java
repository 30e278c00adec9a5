package com.tradesignal.indicators;


import java.util.List;
import java.util.Objects;

/**
 * Nearest support and resistance to a price among named levels (pivot levels from {@link PivotLevels#levels()},
 * swing highs/lows from {@link MarketStructure#levels()}, or any other). Stateless.
 *
 * <p>Conventions: support (key {@code support}) is the highest level at or below the price, resistance (key
 * {@code resistance}) the lowest level strictly above it — so a level exactly at the price is support (the same
 * convention as {@code MarketSnapshot}'s nearest support/resistance). NaN and
 * infinite levels are skipped. Levels at the same price (e.g. Traditional R2 and Fibonacci R3, which always coincide)
 * are merged into one {@link Level} whose name joins theirs with {@code " / "} in input order. Either side is null
 * when no level lies on it (or the price is NaN).
 */
public final class SupportResistance {
    /** IST is UTC+05:30 all year. */
    private static final long IST_OFFSET_MINUTES = 330;

    private SupportResistance() {
    }

    /** A named price level. */
    public record Level(String name, double price) {
        public Level {
            Objects.requireNonNull(name, "name");
        }

        /** {@code "swing high HH:mm"} with the IST time of the swing bar, or {@code "swing high"} if unknown. */
        public static Level swingHigh(double price, long barTimeMillis) {
            return new Level(withTime("swing high", barTimeMillis), price);
        }

        /** {@code "swing low HH:mm"} with the IST time of the swing bar, or {@code "swing low"} if unknown. */
        public static Level swingLow(double price, long barTimeMillis) {
            return new Level(withTime("swing low", barTimeMillis), price);
        }

        /**
         * By arithmetic rather than a DateTimeFormatter: this runs for every candle of every instrument, and IST has
         * a fixed offset (+05:30, no daylight saving) so the wall-clock minute is a simple modulus.
         */
        static String withTime(String base, long barTimeMillis) {
            if (barTimeMillis == MarketStructure.NO_TIME) {
                return base;
            }
            int minuteOfDay = (int) Math.floorMod(Math.floorDiv(barTimeMillis, 60_000L) + IST_OFFSET_MINUTES, 1440L);
            int h = minuteOfDay / 60;
            int m = minuteOfDay % 60;
            char[] hhmm = {' ', (char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10), (char) ('0' + m % 10)};
            return base.concat(new String(hhmm));
        }
    }

    /** The nearest support below and resistance above a price; either may be null. */
    public record Nearest(Level support, Level resistance) {
        /** Support price, NaN when none. */
        public double supportPrice() {
            return support == null ? Double.NaN : support.price();
        }

        /** Resistance price, NaN when none. */
        public double resistancePrice() {
            return resistance == null ? Double.NaN : resistance.price();
        }
    }

    /** Nearest support and resistance among {@code levels}. */
    public static Nearest nearest(double price, List<Level> levels) {
        if (Double.isNaN(price)) {
            return new Nearest(null, null);
        }
        double sup = Double.NEGATIVE_INFINITY;
        double res = Double.POSITIVE_INFINITY;
        StringBuilder supName = null;
        StringBuilder resName = null;
        for (Level level : levels) {
            double p = level.price();
            if (!Double.isFinite(p)) {
                continue;
            }
            if (p <= price) {
                if (p > sup) {
                    sup = p;
                    supName = new StringBuilder(level.name());
                } else if (p == sup) {
                    supName.append(" / ").append(level.name());
                }
            }
            if (p > price) {
                if (p < res) {
                    res = p;
                    resName = new StringBuilder(level.name());
                } else if (p == res) {
                    resName.append(" / ").append(level.name());
                }
            }
        }
        return new Nearest(supName == null ? null : new Level(supName.toString(), sup),
                resName == null ? null : new Level(resName.toString(), res));
    }

    /** Nearest support and resistance among parallel arrays of level prices and names. */
    public static Nearest nearest(double price, double[] prices, String[] names) {
        if (prices.length != names.length) {
            throw new IllegalArgumentException("prices and names differ in length: " + prices.length + " vs "
                    + names.length);
        }
        Level[] levels = new Level[prices.length];
        for (int i = 0; i < prices.length; i++) {
            levels[i] = new Level(names[i], prices[i]);
        }
        return nearest(price, List.of(levels));
    }
}
