package com.tradesignal.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Wilder's moving average (Pine's {@code ta.rma}, "smoothed"/"modified" moving average), O(1) per value. Used by
 * {@link Rsi} and {@link Atr}.
 *
 * <p><b>Formula.</b> α = 1/N; rma<sub>t</sub> = α·x<sub>t</sub> + (1 − α)·rma<sub>t−1</sub> (Pine's reference
 * expression; Wilder's form (rma<sub>t−1</sub>·(N−1) + x<sub>t</sub>)/N is the same number up to rounding).
 *
 * <p><b>Warm-up.</b> NaN for the first N−1 values; the N-th value is seeded with the simple average of the first
 * N values, as Pine's {@code ta.rma} and TA-Lib's RSI/ATR. ta4j's {@code MMAIndicator} (0.17, 0.18) instead
 * seeds with the value at index 0 and outputs from index 0; the difference decays by (1 − 1/N) per value
 * (below 10<sup>−6</sup> of the seed difference after ≈ 14·N values).
 *
 * <p>A non-finite input is ignored (state unchanged), as Pine ignores {@code na} in {@code ta.rma}.
 */
public final class Rma {
    private static final byte FORMAT = 1;

    private final int period;
    private final double alpha;
    private long count;
    private double seedSum;
    private double value = Double.NaN;

    /** @param period N ≥ 1 */
    public Rma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RMA period must be >= 1, was " + period);
        }
        this.period = period;
        this.alpha = 1.0 / period;
    }

    /** Folds one value; returns the average after it (NaN until warm). */
    public double update(double x) {
        if (!Double.isFinite(x)) {
            return value;
        }
        count++;
        if (count < period) {
            seedSum += x;
        } else if (count == period) {
            seedSum += x;
            value = seedSum / period;
        } else {
            value = alpha * x + (1 - alpha) * value;
        }
        return value;
    }

    /** The average after the latest value, NaN until {@link #isWarm()}. */
    public double value() {
        return value;
    }

    /** True once N values have been seen. */
    public boolean isWarm() {
        return count >= period;
    }

    /** Values folded so far. */
    public long barsSeen() {
        return count;
    }

    public int period() {
        return period;
    }

    public Rma copy() {
        Rma c = new Rma(period);
        c.count = count;
        c.seedSum = seedSum;
        c.value = value;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(period);
        out.writeLong(count);
        out.writeDouble(seedSum);
        out.writeDouble(value);
    }

    public static Rma readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown Rma format " + format);
        }
        int period = in.readInt();
        long count = in.readLong();
        if (period < 1 || count < 0) {
            throw new IOException("corrupt Rma state: period " + period + ", count " + count);
        }
        Rma r = new Rma(period);
        r.count = count;
        r.seedSum = in.readDouble();
        r.value = in.readDouble();
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rma r && period == r.period && count == r.count
                && Double.compare(seedSum, r.seedSum) == 0 && Double.compare(value, r.value) == 0;
    }

    @Override
    public int hashCode() {
        int h = period;
        h = 31 * h + Long.hashCode(count);
        h = 31 * h + Double.hashCode(seedSum);
        return 31 * h + Double.hashCode(value);
    }

    @Override
    public String toString() {
        return "Rma[" + period + ": value=" + value + ", count=" + count + "]";
    }
}
