package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Wilder's Parabolic SAR, exactly as the reference code of TradingView's {@code ta.sar(start, inc, max)}
 * (defaults 0.02, 0.02, 0.2); output key {@code psar}. {@link #value()} is the SAR TradingView plots on the
 * current bar.
 *
 * <p><b>Algorithm</b> (Pine v6 reference, one closed candle at a time; EP = extreme point, AF = acceleration):
 * <ol>
 *   <li>Bar 0: no value (NaN).</li>
 *   <li>Bar 1 initialises: long if close &gt; close[1] (EP = high, SAR = low[1]), otherwise — including an
 *       unchanged close — short (EP = low, SAR = high[1]); AF = start.</li>
 *   <li>Every bar from 1 on: SAR := SAR + AF·(EP − SAR).</li>
 *   <li>Reversal, <b>strict</b>: long and SAR &gt; low ⇒ short with SAR = max(high, EP), EP = low, AF = start;
 *       short and SAR &lt; high ⇒ long with SAR = min(low, EP), EP = high, AF = start. A bar that only touches the
 *       SAR does not reverse it. Reversal is tested on bar 1 too.</li>
 *   <li>Otherwise (not bar 1, no reversal): a new extreme (high &gt; EP long, low &lt; EP short) moves EP and
 *       AF := min(AF + inc, max).</li>
 *   <li>Clamp with the two <em>previous</em> bars: long ⇒ SAR := min(SAR, low[1], low[2]); short ⇒
 *       SAR := max(SAR, high[1], high[2]) (only [1] on bar 1). The clamp also applies on a reversal bar.</li>
 * </ol>
 * The stored SAR is carried to the next bar as is (after the clamp).
 *
 * <p><b>Warm-up.</b> NaN on bar 0; a value from bar 1 (the second candle). {@link #flipped()} is true on a bar where
 * step 4 reversed the position, except on bar 1 (no earlier plotted direction). {@link #isLong()} is true while the
 * SAR is below price.
 *
 * <p><b>Where implementations differ.</b>
 * <ul>
 *   <li>TA-Lib: reversal is <em>inclusive</em> ({@code low <= sar}); the clamp uses today's and yesterday's
 *       lows/highs; initial direction from bar 1's −DM, initial SAR = bar 0 low/high, EP = bar 1 high/low; the
 *       reversal SAR is the EP clamped to the two-bar range.</li>
 *   <li>ta4j 0.17/0.18: bar 0 NaN; bar 1 SAR = low[0] (long) / high[0] (short) with EP = bar 0's high/low and no
 *       reversal test on bar 1; long reverses when low &lt; SAR (strict) but short reverses when high ≥ SAR (inclusive); the
 *       reversal SAR is the old EP (not max(high, EP)).</li>
 * </ul>
 * So SAR values, and sometimes the bar of a flip, differ between libraries for a while after the start and after
 * such edge bars; this class follows TradingView.
 *
 * <p>A candle with a non-finite price is ignored (state unchanged).
 */
public final class ParabolicSar {
    public static final double DEFAULT_START = 0.02;
    public static final double DEFAULT_INCREMENT = 0.02;
    public static final double DEFAULT_MAX = 0.2;
    private static final byte FORMAT = 1;

    private final double start;
    private final double increment;
    private final double max;
    private long barsSeen;
    private double result = Double.NaN;
    private double extreme = Double.NaN;
    private double acceleration = Double.NaN;
    private boolean below;
    private boolean flipped;
    private double high1 = Double.NaN;
    private double low1 = Double.NaN;
    private double high2 = Double.NaN;
    private double low2 = Double.NaN;
    private double close1 = Double.NaN;

    /** Parabolic SAR(0.02, 0.02, 0.2), TradingView's defaults. */
    public ParabolicSar() {
        this(DEFAULT_START, DEFAULT_INCREMENT, DEFAULT_MAX);
    }

    /**
     * @param start     initial acceleration factor, &gt; 0
     * @param increment acceleration step on each new extreme, ≥ 0
     * @param max       acceleration cap, ≥ start
     */
    public ParabolicSar(double start, double increment, double max) {
        if (!(start > 0) || !(increment >= 0) || !(max >= start) || !Double.isFinite(max)
                || !Double.isFinite(increment)) {
            throw new IllegalArgumentException(
                    "Parabolic SAR needs 0 < start <= max and increment >= 0, was " + start + ", " + increment + ", "
                            + max);
        }
        this.start = start;
        this.increment = increment;
        this.max = max;
    }

    /** Folds one closed candle; returns the SAR for this bar (NaN on the first candle). */
    public double update(double high, double low, double close) {
        if (!Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            return result;
        }
        long bar = barsSeen++;
        flipped = false;
        if (bar == 0) {
            shift(high, low, close);
            return result;
        }
        boolean firstTrendBar = false;
        if (bar == 1) {
            if (close > close1) {
                below = true;
                extreme = high;
                result = low1;
            } else {
                below = false;
                extreme = low;
                result = high1;
            }
            firstTrendBar = true;
            acceleration = start;
        }
        result = result + acceleration * (extreme - result);
        if (below) {
            if (result > low) {
                firstTrendBar = true;
                below = false;
                result = Math.max(high, extreme);
                extreme = low;
                acceleration = start;
                flipped = bar > 1;
            }
        } else {
            if (result < high) {
                firstTrendBar = true;
                below = true;
                result = Math.min(low, extreme);
                extreme = high;
                acceleration = start;
                flipped = bar > 1;
            }
        }
        if (!firstTrendBar) {
            if (below) {
                if (high > extreme) {
                    extreme = high;
                    acceleration = Math.min(acceleration + increment, max);
                }
            } else {
                if (low < extreme) {
                    extreme = low;
                    acceleration = Math.min(acceleration + increment, max);
                }
            }
        }
        if (below) {
            result = Math.min(result, low1);
            if (bar > 1) {
                result = Math.min(result, low2);
            }
        } else {
            result = Math.max(result, high1);
            if (bar > 1) {
                result = Math.max(result, high2);
            }
        }
        shift(high, low, close);
        return result;
    }

    private void shift(double high, double low, double close) {
        high2 = high1;
        low2 = low1;
        high1 = high;
        low1 = low;
        close1 = close;
    }

    /** Folds the candle's high, low and close. */
    public double update(Candle candle) {
        return update(candle.high(), candle.low(), candle.close());
    }

    /** The SAR for the latest bar as TradingView plots it, NaN until {@link #isWarm()}. */
    public double value() {
        return result;
    }

    /** True while long (SAR below price); meaningful only once warm. */
    public boolean isLong() {
        return below;
    }

    /** True on the bar whose candle reversed the SAR (never on the first warm bar). */
    public boolean flipped() {
        return flipped;
    }

    /** Current extreme point (highest high while long, lowest low while short), NaN until warm. */
    public double extremePoint() {
        return extreme;
    }

    /** Current acceleration factor, NaN until warm. */
    public double accelerationFactor() {
        return acceleration;
    }

    /** True from the second candle on. */
    public boolean isWarm() {
        return barsSeen >= 2;
    }

    /** Candles folded so far. */
    public long barsSeen() {
        return barsSeen;
    }

    public double start() {
        return start;
    }

    public double increment() {
        return increment;
    }

    public double max() {
        return max;
    }

    public ParabolicSar copy() {
        ParabolicSar c = new ParabolicSar(start, increment, max);
        c.barsSeen = barsSeen;
        c.result = result;
        c.extreme = extreme;
        c.acceleration = acceleration;
        c.below = below;
        c.flipped = flipped;
        c.high1 = high1;
        c.low1 = low1;
        c.high2 = high2;
        c.low2 = low2;
        c.close1 = close1;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeDouble(start);
        out.writeDouble(increment);
        out.writeDouble(max);
        out.writeLong(barsSeen);
        out.writeDouble(result);
        out.writeDouble(extreme);
        out.writeDouble(acceleration);
        out.writeBoolean(below);
        out.writeBoolean(flipped);
        out.writeDouble(high1);
        out.writeDouble(low1);
        out.writeDouble(high2);
        out.writeDouble(low2);
        out.writeDouble(close1);
    }

    public static ParabolicSar readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown ParabolicSar format " + format);
        }
        double start = in.readDouble();
        double increment = in.readDouble();
        double max = in.readDouble();
        ParabolicSar s;
        try {
            s = new ParabolicSar(start, increment, max);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt ParabolicSar state: " + e.getMessage(), e);
        }
        s.barsSeen = in.readLong();
        if (s.barsSeen < 0) {
            throw new IOException("corrupt ParabolicSar state: barsSeen " + s.barsSeen);
        }
        s.result = in.readDouble();
        s.extreme = in.readDouble();
        s.acceleration = in.readDouble();
        s.below = in.readBoolean();
        s.flipped = in.readBoolean();
        s.high1 = in.readDouble();
        s.low1 = in.readDouble();
        s.high2 = in.readDouble();
        s.low2 = in.readDouble();
        s.close1 = in.readDouble();
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParabolicSar s && Double.compare(start, s.start) == 0
                && Double.compare(increment, s.increment) == 0 && Double.compare(max, s.max) == 0
                && barsSeen == s.barsSeen && Double.compare(result, s.result) == 0
                && Double.compare(extreme, s.extreme) == 0 && Double.compare(acceleration, s.acceleration) == 0
                && below == s.below && flipped == s.flipped && Double.compare(high1, s.high1) == 0
                && Double.compare(low1, s.low1) == 0 && Double.compare(high2, s.high2) == 0
                && Double.compare(low2, s.low2) == 0 && Double.compare(close1, s.close1) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(start);
        h = 31 * h + Double.hashCode(increment);
        h = 31 * h + Double.hashCode(max);
        h = 31 * h + Long.hashCode(barsSeen);
        h = 31 * h + Double.hashCode(result);
        h = 31 * h + Double.hashCode(extreme);
        h = 31 * h + Double.hashCode(acceleration);
        h = 31 * h + Boolean.hashCode(below);
        h = 31 * h + Boolean.hashCode(flipped);
        h = 31 * h + Double.hashCode(high1);
        h = 31 * h + Double.hashCode(low1);
        h = 31 * h + Double.hashCode(high2);
        h = 31 * h + Double.hashCode(low2);
        return 31 * h + Double.hashCode(close1);
    }

    @Override
    public String toString() {
        return "ParabolicSar[" + start + "," + increment + "," + max + ": sar=" + result + ", long=" + below
                + ", ep=" + extreme + ", af=" + acceleration + ", flipped=" + flipped + ", bars=" + barsSeen + "]";
    }
}
