package com.tradesignal.bench.day;

import java.util.SplittableRandom;

/**
 * The price of one simulated underlying through the day: a real day's one-minute candles, rescaled to this
 * underlying's level (and, for stocks, with the moves around the day's first print amplified), and inside each minute
 * a path through that minute's real open, high, low and close, second by second.
 *
 * <p>The mapping {@code level * (1 + amplification * (real / realFirst - 1))} is increasing, so the rescaled minute
 * keeps its shape: its high is the image of the real high. Missing minutes (the fixtures have gaps) stay flat at the
 * last close.
 */
final class PricePath {
    private final RealCandles.Day source;
    private final double level;
    private final double amplification;
    private final double realFirst;
    private final long seed;
    private final double[] open = new double[RealCandles.SLOTS];
    private final double[] high = new double[RealCandles.SLOTS];
    private final double[] low = new double[RealCandles.SLOTS];
    private final double[] close = new double[RealCandles.SLOTS];

    PricePath(RealCandles.Day source, double level, double amplification, long seed) {
        this.source = source;
        this.level = level;
        this.amplification = amplification;
        this.realFirst = source.firstPrice();
        this.seed = seed;
        double last = map(realFirst);
        for (int s = 0; s < RealCandles.SLOTS; s++) {
            if (Double.isNaN(source.close()[s])) {
                open[s] = high[s] = low[s] = close[s] = last;
            } else {
                open[s] = map(source.open()[s]);
                high[s] = map(source.high()[s]);
                low[s] = map(source.low()[s]);
                close[s] = map(source.close()[s]);
                last = close[s];
            }
        }
    }

    /** The real price rescaled to this underlying. */
    double map(double real) {
        return level * (1 + amplification * (real / realFirst - 1));
    }

    RealCandles.Day source() {
        return source;
    }

    /** The real-to-simulated factor at the first print (what an index's prices are multiplied by). */
    double scale() {
        return level / realFirst;
    }

    double firstPrice() {
        return level;
    }

    double previousClose() {
        double p = source.previousClose();
        return Double.isNaN(p) ? level : map(p);
    }

    double open(int slot) { return open[slot]; }
    double high(int slot) { return high[slot]; }
    double low(int slot) { return low[slot]; }
    double close(int slot) { return close[slot]; }

    /**
     * Fills {@code out[0..59]} with the price at each second of the minute in {@code slot}: the open at :00, the
     * first extreme, the second extreme, the close at :59, straight lines between them plus a little noise that never
     * leaves the minute's range. A rising minute usually dips first (O-L-H-C), a falling one usually rallies first
     * (O-H-L-C). The same slot always gives the same path, whatever else is generated.
     */
    void fillMinute(int slot, double[] out) {
        double o = open[slot], h = high[slot], l = low[slot], c = close[slot];
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + slot);
        boolean lowFirst = (c >= o) == (rnd.nextDouble() < 0.8);
        int t1 = 3 + rnd.nextInt(25);
        int t2 = t1 + 5 + rnd.nextInt(Math.max(1, 52 - t1));
        t2 = Math.min(t2, 56);
        double e1 = lowFirst ? l : h, e2 = lowFirst ? h : l;
        int[] at = {0, t1, t2, 59};
        double[] px = {o, e1, e2, c};
        double noise = 0.12 * (h - l);
        int leg = 0;
        for (int s = 0; s < 60; s++) {
            while (leg < 2 && s > at[leg + 1]) leg++;
            int a = at[leg], b = at[leg + 1];
            double f = b == a ? 0 : (s - a) / (double) (b - a);
            double p = px[leg] + f * (px[leg + 1] - px[leg]);
            // zero at the waypoints, so the minute's open, high, low and close are hit exactly
            p += noise * Math.sin(Math.PI * f) * (rnd.nextDouble() - 0.5);
            out[s] = Math.max(l, Math.min(h, p));
        }
    }
}
