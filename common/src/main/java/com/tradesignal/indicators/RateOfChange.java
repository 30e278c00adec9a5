package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Momentum as rate of change, Pine's {@code ta.roc(close, N)}; output key {@code roc_10} (N = 10).
 *
 * <p><b>Formula.</b> ROC = 100·(close − close[N]) / close[N], in percent; close[N] is the close N bars ago.
 *
 * <p><b>Warm-up.</b> NaN until N+1 closes have been seen; the first value is on bar index N. A zero close[N] gives
 * NaN (Pine would give ±∞ or na; prices are never 0). TA-Lib's ROC and ta4j's {@code ROCIndicator} use the same
 * formula (ta4j outputs from bar 0 with close[max(0, i−N)], so its first N values are not ROC(N)).
 *
 * <p><b>State.</b> A ring buffer of the last N+1 closes (bounded), O(1) per update. A non-finite close is ignored
 * (state unchanged).
 */
public final class RateOfChange {
    public static final int DEFAULT_PERIOD = 10;
    private static final byte FORMAT = 1;
    /** Keeps the state (and a corrupt stream) bounded. */
    private static final int MAX_PERIOD = 100_000;

    private final int period;
    /** closes[(next + k) % (N+1)] is the close N−k bars ago once full; unfilled slots are NaN. */
    private final double[] closes;
    private int next;
    private long barsSeen;
    private double value = Double.NaN;

    /** ROC(10). */
    public RateOfChange() {
        this(DEFAULT_PERIOD);
    }

    /** @param period N, 1 ≤ N ≤ 100 000 */
    public RateOfChange(int period) {
        if (period < 1 || period > MAX_PERIOD) {
            throw new IllegalArgumentException("ROC period must be in 1.." + MAX_PERIOD + ", was " + period);
        }
        this.period = period;
        this.closes = new double[period + 1];
        Arrays.fill(closes, Double.NaN);
    }

    /** Folds one closed candle's close; returns the ROC after it (NaN until warm). */
    public double update(double close) {
        if (!Double.isFinite(close)) {
            return value;
        }
        closes[next] = close;
        next = next == period ? 0 : next + 1;
        barsSeen++;
        if (barsSeen > period) {
            double base = closes[next]; // the oldest of the N+1 closes: N bars ago
            value = base == 0 ? Double.NaN : 100 * (close - base) / base;
        }
        return value;
    }

    /** Folds the candle's close. */
    public double update(Candle candle) {
        return update(candle.close());
    }

    /** ROC in percent after the latest close, NaN until {@link #isWarm()}. */
    public double value() {
        return value;
    }

    /** The close {@code barsAgo} bars ago (0 = latest), 0 ≤ barsAgo ≤ N; NaN if not seen yet. */
    public double close(int barsAgo) {
        if (barsAgo < 0 || barsAgo > period) {
            throw new IndexOutOfBoundsException("barsAgo " + barsAgo + " outside 0.." + period);
        }
        int len = period + 1;
        return closes[((next - 1 - barsAgo) % len + len) % len];
    }

    /** True once N+1 closes have been seen. */
    public boolean isWarm() {
        return barsSeen > period;
    }

    /** Closes folded so far. */
    public long barsSeen() {
        return barsSeen;
    }

    public int period() {
        return period;
    }

    public RateOfChange copy() {
        RateOfChange c = new RateOfChange(period);
        System.arraycopy(closes, 0, c.closes, 0, closes.length);
        c.next = next;
        c.barsSeen = barsSeen;
        c.value = value;
        return c;
    }

    /** Writes the buffer oldest first, so equal histories give equal bytes whatever the ring position. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(period);
        out.writeLong(barsSeen);
        out.writeDouble(value);
        for (int k = period; k >= 0; k--) {
            out.writeDouble(close(k));
        }
    }

    public static RateOfChange readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown RateOfChange format " + format);
        }
        int period = in.readInt();
        long barsSeen = in.readLong();
        if (period < 1 || period > MAX_PERIOD || barsSeen < 0) {
            throw new IOException("corrupt RateOfChange state: period " + period + ", barsSeen " + barsSeen);
        }
        RateOfChange r = new RateOfChange(period);
        r.barsSeen = barsSeen;
        r.value = in.readDouble();
        for (int i = 0; i <= period; i++) {
            r.closes[i] = in.readDouble();
        }
        r.next = 0; // closes[0] is the oldest, so the next write goes there
        return r;
    }

    /** Equal when period, count, value and the closes in logical order are equal (ring position ignored). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RateOfChange r) || period != r.period || barsSeen != r.barsSeen
                || Double.compare(value, r.value) != 0) {
            return false;
        }
        for (int k = 0; k <= period; k++) {
            if (Double.compare(close(k), r.close(k)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = period;
        h = 31 * h + Long.hashCode(barsSeen);
        h = 31 * h + Double.hashCode(value);
        for (int k = 0; k <= period; k++) {
            h = 31 * h + Double.hashCode(close(k));
        }
        return h;
    }

    @Override
    public String toString() {
        return "RateOfChange[" + period + ": value=" + value + ", bars=" + barsSeen + "]";
    }
}
