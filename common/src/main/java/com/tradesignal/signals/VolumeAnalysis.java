package com.tradesignal.signals;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Rolling volume statistics of one instrument's candles (for an index: its near-month future, since an index has
 * no volume). One per instrument and candle interval; O(1) per candle; state is a ring buffer of {@code window}
 * volumes.
 *
 * <p>Convention (the chart one, Pine's {@code volume / ta.sma(volume, 20)}): the average is the simple mean of the
 * last {@code window} candle volumes <em>including</em> the latest, and {@link #ratio()} = latest ÷ that average.
 * Because the latest candle is part of its own baseline, the ratio can never exceed {@code window}, and a 2.0 spike
 * needs the candle to be about 2.1× the previous 19 candles' average. Until {@code window} candles have been seen
 * the ratio is NaN: a spike against a 3-candle baseline is noise. The buffer rolls across sessions (the first
 * candles of a day compare with the end of the previous day); call {@link #reset()} to start over.
 */
public final class VolumeAnalysis {
    /** Candles in the rolling average. */
    public static final int DEFAULT_WINDOW = 20;
    /** {@link #ratio()} at or above this is a spike. */
    public static final double SPIKE_RATIO = 2.0;

    private static final int FORMAT_VERSION = 1;

    private final long[] volumes;
    private int next;
    private int count;
    private long sum;

    public VolumeAnalysis() {
        this(DEFAULT_WINDOW);
    }

    public VolumeAnalysis(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        this.volumes = new long[window];
    }

    /** Adds the volume of the candle that just closed (rise of the day's cumulative volume over the candle). */
    public void add(long candleVolume) {
        if (candleVolume < 0) {
            throw new IllegalArgumentException("candle volume must not be negative, was " + candleVolume);
        }
        if (count == volumes.length) {
            sum -= volumes[next];
        } else {
            count++;
        }
        volumes[next] = candleVolume;
        sum += candleVolume;
        next = (next + 1) % volumes.length;
    }

    public int window() {
        return volumes.length;
    }

    /** Candles in the buffer, at most {@link #window()}. */
    public int count() {
        return count;
    }

    /** True once {@link #window()} candles have been added. */
    public boolean isWarm() {
        return count == volumes.length;
    }

    /** The latest candle's volume; −1 before the first. */
    public long last() {
        return count == 0 ? -1 : volumes[(next - 1 + volumes.length) % volumes.length];
    }

    /** Mean volume over the window (including the latest candle); NaN until the window is full. */
    public double average() {
        return isWarm() ? (double) sum / volumes.length : Double.NaN;
    }

    /** Latest ÷ {@link #average()}; NaN until the window is full or when the average is 0. */
    public double ratio() {
        double average = average();
        return average > 0 ? last() / average : Double.NaN;
    }

    /** {@link #ratio()} ≥ {@link #SPIKE_RATIO}; false while the ratio is NaN. */
    public boolean isSpike() {
        return ratio() >= SPIKE_RATIO;
    }

    /**
     * Order-book imbalance {@code (buy − sell)/(buy + sell)} in −1..+1 from Kite's total pending buy and sell
     * quantities (resting orders, not trades). NaN when either is NaN or negative, or both are 0.
     */
    public static double imbalance(double buyQuantity, double sellQuantity) {
        if (!(buyQuantity >= 0) || !(sellQuantity >= 0) || buyQuantity + sellQuantity == 0) {
            return Double.NaN;
        }
        return (buyQuantity - sellQuantity) / (buyQuantity + sellQuantity);
    }

    /** Empties the buffer. */
    public void reset() {
        Arrays.fill(volumes, 0);
        next = 0;
        count = 0;
        sum = 0;
    }

    public VolumeAnalysis copy() {
        VolumeAnalysis c = new VolumeAnalysis(volumes.length);
        System.arraycopy(volumes, 0, c.volumes, 0, volumes.length);
        c.next = next;
        c.count = count;
        c.sum = sum;
        return c;
    }

    /** Format version 1: version byte, window, count, then the {@code count} volumes oldest first. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeInt(volumes.length);
        out.writeInt(count);
        int oldest = (next - count + volumes.length) % volumes.length;
        for (int i = 0; i < count; i++) {
            out.writeLong(volumes[(oldest + i) % volumes.length]);
        }
    }

    public static VolumeAnalysis readFrom(DataInput in) throws IOException {
        Serde.checkVersion(in.readByte(), FORMAT_VERSION, "VolumeAnalysis");
        int window = in.readInt();
        int count = in.readInt();
        if (window < 1 || count < 0 || count > window) {
            throw new IOException("VolumeAnalysis: corrupt state (window " + window + ", count " + count + ")");
        }
        VolumeAnalysis v = new VolumeAnalysis(window);
        for (int i = 0; i < count; i++) {
            v.add(in.readLong());
        }
        return v;
    }

    /** Same window and the same volumes in the same order (where the ring buffer starts does not matter). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VolumeAnalysis)) {
            return false;
        }
        VolumeAnalysis v = (VolumeAnalysis) o;
        return Arrays.equals(inOrder(), v.inOrder()) && volumes.length == v.volumes.length;
    }

    @Override
    public int hashCode() {
        return 31 * volumes.length + Arrays.hashCode(inOrder());
    }

    private long[] inOrder() {
        long[] ordered = new long[count];
        int oldest = (next - count + volumes.length) % volumes.length;
        for (int i = 0; i < count; i++) {
            ordered[i] = volumes[(oldest + i) % volumes.length];
        }
        return ordered;
    }

    @Override
    public String toString() {
        return "VolumeAnalysis[window=" + volumes.length + ", count=" + count + ", last=" + last()
                + ", ratio=" + ratio() + "]";
    }
}
