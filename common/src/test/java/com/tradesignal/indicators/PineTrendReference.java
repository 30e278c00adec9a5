package com.tradesignal.indicators;

/**
 * Naive whole-series re-implementations, written from the Pine v6 reference code ("the same on Pine") of
 * {@code ta.rma}, {@code ta.atr}, {@code ta.rsi} (built-in RSI script), {@code ta.roc}, {@code ta.supertrend} and
 * {@code ta.sar}, plus the TA-Lib-seeded EMA the project chose. Arrays in, arrays out, NaN standing for Pine's
 * {@code na}; history is read by index ({@code x[i - 1]} for Pine's {@code x[1]}), variables declared with
 * {@code var} are plain locals carried over the loop. Deliberately shares no code with the incremental classes.
 */
final class PineTrendReference {
    private PineTrendReference() {
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double nz(double x) {
        return Double.isNaN(x) ? 0.0 : x;
    }

    /** Pine ta.rma: na values skipped; SMA of the first {@code length} non-na values, then α·x + (1 − α)·prev. */
    static double[] rma(double[] src, int length) {
        double alpha = 1.0 / length;
        return smaSeeded(src, length, alpha);
    }

    /** Project EMA: SMA seed of the first {@code length} values (TA-Lib), α = 2/(length + 1). */
    static double[] ema(double[] src, int length) {
        return smaSeeded(src, length, 2.0 / (length + 1));
    }

    private static double[] smaSeeded(double[] src, int length, double alpha) {
        double[] out = nan(src.length);
        int first = 0;
        while (first < src.length && Double.isNaN(src[first])) {
            first++;
        }
        for (int i = first + length - 1; i < src.length; i++) {
            if (i == first + length - 1) {
                double sum = 0;
                for (int j = first; j <= i; j++) {
                    sum += src[j];
                }
                out[i] = sum / length;
            } else {
                out[i] = alpha * src[i] + (1 - alpha) * out[i - 1];
            }
        }
        return out;
    }

    /** Pine ta.tr(true): high − low on the first bar. */
    static double[] trueRange(double[] high, double[] low, double[] close) {
        double[] tr = new double[high.length];
        for (int i = 0; i < high.length; i++) {
            tr[i] = i == 0 ? high[i] - low[i]
                    : Math.max(Math.max(high[i] - low[i], Math.abs(high[i] - close[i - 1])),
                    Math.abs(low[i] - close[i - 1]));
        }
        return tr;
    }

    /** pine_atr: ta.rma(trueRange, length). */
    static double[] atr(double[] high, double[] low, double[] close, int length) {
        return rma(trueRange(high, low, close), length);
    }

    /** TradingView's built-in RSI script: down == 0 ? 100 : up == 0 ? 0 : 100 − 100/(1 + up/down). */
    static double[] rsi(double[] close, int length) {
        int n = close.length;
        double[] u = nan(n);
        double[] d = nan(n);
        for (int i = 1; i < n; i++) {
            double change = close[i] - close[i - 1];
            u[i] = Math.max(change, 0);
            d[i] = -Math.min(change, 0);
        }
        double[] up = rma(u, length);
        double[] down = rma(d, length);
        double[] rsi = nan(n);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(up[i])) {
                rsi[i] = down[i] == 0 ? 100 : up[i] == 0 ? 0 : 100 - (100 / (1 + up[i] / down[i]));
            }
        }
        return rsi;
    }

    /** ta.roc: 100 * (source − source[length]) / source[length]. */
    static double[] roc(double[] close, int length) {
        double[] out = nan(close.length);
        for (int i = length; i < close.length; i++) {
            out[i] = 100 * (close[i] - close[i - length]) / close[i - length];
        }
        return out;
    }

    /** Result of {@link #supertrend}: the line and Pine's direction (−1 up, +1 down). */
    record SuperTrendSeries(double[] line, int[] direction) {
    }

    /** pine_supertrend(factor, atrPeriod), transliterated. */
    static SuperTrendSeries supertrend(double[] high, double[] low, double[] close, double factor, int atrPeriod) {
        int n = high.length;
        double[] atr = atr(high, low, close, atrPeriod);
        double[] upperBand = nan(n);
        double[] lowerBand = nan(n);
        double[] superTrend = nan(n);
        int[] direction = new int[n];
        for (int i = 0; i < n; i++) {
            double src = (high[i] + low[i]) / 2;
            double ub = src + factor * atr[i];
            double lb = src - factor * atr[i];
            double prevLowerBand = i > 0 ? nz(lowerBand[i - 1]) : 0;
            double prevUpperBand = i > 0 ? nz(upperBand[i - 1]) : 0;
            double close1 = i > 0 ? close[i - 1] : Double.NaN;
            // Pine: any comparison with na is false.
            lb = lb > prevLowerBand || close1 < prevLowerBand ? lb : prevLowerBand;
            ub = ub < prevUpperBand || close1 > prevUpperBand ? ub : prevUpperBand;
            lowerBand[i] = lb;
            upperBand[i] = ub;
            double prevSuperTrend = i > 0 ? superTrend[i - 1] : Double.NaN;
            double atr1 = i > 0 ? atr[i - 1] : Double.NaN;
            int dir;
            if (Double.isNaN(atr1)) {
                dir = 1;
            } else if (prevSuperTrend == prevUpperBand) {
                dir = close[i] > ub ? -1 : 1;
            } else {
                dir = close[i] < lb ? 1 : -1;
            }
            superTrend[i] = dir == -1 ? lb : ub;
            direction[i] = dir;
        }
        return new SuperTrendSeries(superTrend, direction);
    }

    /** Result of {@link #sar}: the SAR and whether it is below price (long) on each bar. */
    record SarSeries(double[] sar, boolean[] below) {
    }

    /**
     * Which rules {@link #sar} follows: TradingView's {@code ta.sar} reference code, or ta4j's (0.17 and 0.18)
     * {@code ParabolicSarIndicator} (read from its bytecode), which differs only in the documented conventions.
     */
    enum SarRules { TRADINGVIEW, TA4J }

    /**
     * pine_sar(start, inc, max) transliterated. With {@link SarRules#TA4J} the same loop applies ta4j's
     * conventions instead: bar 1 = low[0]/high[0] with EP = high[0]/low[0] and no step, reversal test or clamp;
     * a short reverses on high ≥ SAR (inclusive); the reversal SAR is the old EP, not max(high, EP)/min(low, EP).
     */
    static SarSeries sar(double[] high, double[] low, double[] close, double start, double inc, double max,
                         SarRules rules) {
        boolean tv = rules == SarRules.TRADINGVIEW;
        int n = high.length;
        double[] out = nan(n);
        boolean[] below = new boolean[n];
        double result = Double.NaN;
        double maxMin = Double.NaN;
        double acceleration = Double.NaN;
        boolean isBelow = false;
        for (int barIndex = 0; barIndex < n; barIndex++) {
            boolean isFirstTrendBar = false;
            if (barIndex == 0) {
                continue; // result := na + na * (...) stays na; every comparison with na is false
            }
            if (barIndex == 1) {
                if (close[1] > close[0]) {
                    isBelow = true;
                    maxMin = tv ? high[1] : high[0];
                    result = low[0];
                } else {
                    isBelow = false;
                    maxMin = tv ? low[1] : low[0];
                    result = high[0];
                }
                isFirstTrendBar = true;
                acceleration = start;
                if (!tv) {
                    out[1] = result;
                    below[1] = isBelow;
                    continue;
                }
            }
            result = result + acceleration * (maxMin - result);
            if (isBelow) {
                if (result > low[barIndex]) {
                    isFirstTrendBar = true;
                    isBelow = false;
                    result = tv ? Math.max(high[barIndex], maxMin) : maxMin;
                    maxMin = low[barIndex];
                    acceleration = start;
                }
            } else {
                if (tv ? result < high[barIndex] : result <= high[barIndex]) {
                    isFirstTrendBar = true;
                    isBelow = true;
                    result = tv ? Math.min(low[barIndex], maxMin) : maxMin;
                    maxMin = high[barIndex];
                    acceleration = start;
                }
            }
            if (!isFirstTrendBar) {
                if (isBelow) {
                    if (high[barIndex] > maxMin) {
                        maxMin = high[barIndex];
                        acceleration = Math.min(acceleration + inc, max);
                    }
                } else {
                    if (low[barIndex] < maxMin) {
                        maxMin = low[barIndex];
                        acceleration = Math.min(acceleration + inc, max);
                    }
                }
            }
            if (isBelow) {
                result = Math.min(result, low[barIndex - 1]);
                if (barIndex > 1) {
                    result = Math.min(result, low[barIndex - 2]);
                }
            } else {
                result = Math.max(result, high[barIndex - 1]);
                if (barIndex > 1) {
                    result = Math.max(result, high[barIndex - 2]);
                }
            }
            out[barIndex] = result;
            below[barIndex] = isBelow;
        }
        return new SarSeries(out, below);
    }
}
