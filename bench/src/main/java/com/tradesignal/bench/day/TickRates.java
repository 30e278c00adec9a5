package com.tradesignal.bench.day;

import java.util.List;

/**
 * Ticks per second per instrument. Kite sends an index about once a second, the near-month index futures 2-3 times,
 * at-the-money options about twice, far strikes and illiquid stocks far less, never much more than 3. The rates are
 * the liquidity weights times one factor chosen so that the average over all instruments is what the day asks for.
 * Indices stay at exactly one tick a second (as Kite sends them), which also makes every index minute reach its real
 * high and low.
 */
final class TickRates {
    static final double MAX = 3.0;
    static final double MIN = 0.002;

    private TickRates() {}

    static double[] of(List<Universe.Member> members, double average) {
        double target = average * members.size();
        double lo = 0, hi = 1e4;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (total(members, mid) < target) lo = mid; else hi = mid;
        }
        double[] rates = new double[members.size()];
        for (int i = 0; i < rates.length; i++) rates[i] = rate(members.get(i), lo);
        return rates;
    }

    private static double total(List<Universe.Member> members, double factor) {
        double sum = 0;
        for (Universe.Member m : members) sum += rate(m, factor);
        return sum;
    }

    private static double rate(Universe.Member m, double factor) {
        if (m.kind() == Universe.Kind.INDEX) return 1.0;
        return Math.max(MIN, Math.min(MAX, m.weight() * factor));
    }

    /**
     * How busy each minute is, from the real day the market follows: trading is heavier when prices move, so a
     * minute's activity is its range against the average range (bounded to 0.4-2.5x), normalised to average 1 over
     * the minutes generated.
     */
    static double[] activity(PricePath market, int fromSlot, int toSlot) {
        double[] a = new double[RealCandles.SLOTS];
        double sum = 0;
        int n = 0;
        for (int s = fromSlot; s < toSlot; s++) {
            sum += market.high(s) - market.low(s);
            n++;
        }
        double mean = n == 0 ? 0 : sum / n;
        double total = 0;
        for (int s = fromSlot; s < toSlot; s++) {
            a[s] = mean <= 0 ? 1 : Math.max(0.4, Math.min(2.5, (market.high(s) - market.low(s)) / mean));
            total += a[s];
        }
        for (int s = fromSlot; s < toSlot; s++) a[s] = a[s] * n / total;
        return a;
    }
}
