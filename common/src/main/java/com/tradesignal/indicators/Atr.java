package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Average true range, as Pine's {@code ta.atr(N) = ta.rma(ta.tr(true), N)}; output key {@code atr_14}.
 *
 * <p><b>Formula.</b> TR<sub>t</sub> = max(H − L, |H − C<sub>t−1</sub>|, |L − C<sub>t−1</sub>|); on the very first
 * bar, which has no previous close, TR = H − L (Pine's {@code ta.tr(true)}). ATR = {@link Rma}<sub>N</sub>(TR):
 * α = 1/N, seeded with the simple average of the first N true ranges.
 *
 * <p><b>Warm-up.</b> NaN for the first N−1 bars; the first ATR is on the N-th bar (index N−1), as TradingView.
 * <ul>
 *   <li>TA-Lib starts TR at bar 1 (no bar-0 TR), seeds with the mean of TR[1..N] and outputs from index N — one bar
 *       later than TradingView, and with a different seed.</li>
 *   <li>ta4j 0.17/0.18: {@code ATRIndicator} = {@code MMAIndicator}(TR) with TR(0) = H − L, seeded with TR(0)
 *       and output from index 0.</li>
 * </ul>
 * The seed differences decay by (1 − 1/N) per bar (below 10<sup>−6</sup> of the seed difference after ≈ 14·N bars).
 *
 * <p>Gaps count fully: an opening gap enters through |H − C<sub>t−1</sub>| or |L − C<sub>t−1</sub>|, so the first
 * candle of a session carries the overnight gap (there is no session reset). Flat prices give TR = ATR = 0.
 * A candle with a non-finite price is ignored (state unchanged).
 */
public final class Atr {
    public static final int DEFAULT_PERIOD = 14;
    private static final byte FORMAT = 1;

    private final int period;
    private final Rma average;
    private double prevClose = Double.NaN;
    private double trueRange = Double.NaN;

    /** ATR(14). */
    public Atr() {
        this(DEFAULT_PERIOD);
    }

    /** @param period N ≥ 1 */
    public Atr(int period) {
        this(period, new Rma(period));
    }

    private Atr(int period, Rma average) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be >= 1, was " + period);
        }
        this.period = period;
        this.average = average;
    }

    /** Folds one closed candle; returns the ATR after it (NaN until warm). */
    public double update(double high, double low, double close) {
        if (!Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            return average.value();
        }
        double tr = Double.isNaN(prevClose)
                ? high - low
                : Math.max(Math.max(high - low, Math.abs(high - prevClose)), Math.abs(low - prevClose));
        trueRange = tr;
        prevClose = close;
        return average.update(tr);
    }

    /** Folds the candle's high, low and close. */
    public double update(Candle candle) {
        return update(candle.high(), candle.low(), candle.close());
    }

    /** ATR after the latest candle, NaN until {@link #isWarm()}. */
    public double value() {
        return average.value();
    }

    /** True range of the latest candle (NaN before the first one). */
    public double trueRange() {
        return trueRange;
    }

    /** True once N candles have been seen. */
    public boolean isWarm() {
        return average.isWarm();
    }

    /** Candles folded so far. */
    public long barsSeen() {
        return average.barsSeen();
    }

    public int period() {
        return period;
    }

    public Atr copy() {
        Atr c = new Atr(period, average.copy());
        c.prevClose = prevClose;
        c.trueRange = trueRange;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(period);
        out.writeDouble(prevClose);
        out.writeDouble(trueRange);
        average.writeTo(out);
    }

    public static Atr readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown Atr format " + format);
        }
        int period = in.readInt();
        double prevClose = in.readDouble();
        double trueRange = in.readDouble();
        Rma average = Rma.readFrom(in);
        if (period < 1 || average.period() != period) {
            throw new IOException("corrupt Atr state: period " + period + ", average period " + average.period());
        }
        Atr a = new Atr(period, average);
        a.prevClose = prevClose;
        a.trueRange = trueRange;
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Atr a && period == a.period && Double.compare(prevClose, a.prevClose) == 0
                && Double.compare(trueRange, a.trueRange) == 0 && average.equals(a.average);
    }

    @Override
    public int hashCode() {
        int h = period;
        h = 31 * h + Double.hashCode(prevClose);
        h = 31 * h + Double.hashCode(trueRange);
        return 31 * h + average.hashCode();
    }

    @Override
    public String toString() {
        return "Atr[" + period + ": value=" + value() + ", tr=" + trueRange + ", bars=" + barsSeen() + "]";
    }
}
