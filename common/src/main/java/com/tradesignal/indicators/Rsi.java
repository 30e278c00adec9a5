package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Wilder's relative strength index of closes, as TradingView's built-in "Relative Strength Index" script
 * ({@code ta.rsi}); output key {@code rsi_14}.
 *
 * <p><b>Formula.</b> change<sub>t</sub> = close<sub>t</sub> − close<sub>t−1</sub>;
 * up = RMA<sub>N</sub>(max(change, 0)), down = RMA<sub>N</sub>(max(−change, 0)) ({@link Rma}: α = 1/N, SMA seed);
 * RSI = 100 − 100/(1 + up/down) (= 100·up/(up + down)).
 *
 * <p><b>Warm-up.</b> N changes are needed, so the value is NaN on bars 0..N−1 and the first RSI is on bar index N
 * (the N+1-th close), seeded with the simple averages of the first N gains and losses — as TA-Lib (default mode)
 * and Pine's {@code ta.rma}.
 *
 * <p><b>Flat edge cases (project choice = Pine's built-in RSI script</b>
 * {@code down == 0 ? 100 : up == 0 ? 0 : 100 - 100 / (1 + up / down)}<b>).</b>
 * <ul>
 *   <li>down = 0 ⇒ 100, even when up = 0 too: <b>an all-flat series gives RSI 100</b>;</li>
 *   <li>up = 0 (down &gt; 0) ⇒ 0.</li>
 * </ul>
 * TA-Lib returns <b>0</b> for the flat series (both averages 0), and so does ta4j 0.17/0.18
 * ({@code RSIIndicator}: loss 0 ⇒ 0 if gain is also 0, else 100). Away from that case all agree.
 *
 * <p><b>Seeding differences.</b> ta4j (0.17, 0.18) averages with {@code MMAIndicator} seeded from a zero gain/loss
 * at index 0 and outputs from index 0; TA-Lib's Metastock mode starts one bar earlier. Differences decay by (1 − 1/N) per bar:
 * below 10<sup>−6</sup> of the seed difference after ≈ 14·N bars (≈ 200 bars for N = 14).
 *
 * <p>A non-finite close is ignored (state unchanged).
 */
public final class Rsi {
    public static final int DEFAULT_PERIOD = 14;
    private static final byte FORMAT = 1;

    private final int period;
    private final Rma up;
    private final Rma down;
    private long barsSeen;
    private double prevClose = Double.NaN;
    private double value = Double.NaN;

    /** RSI(14). */
    public Rsi() {
        this(DEFAULT_PERIOD);
    }

    /** @param period N ≥ 1 */
    public Rsi(int period) {
        this(period, new Rma(period), new Rma(period));
    }

    private Rsi(int period, Rma up, Rma down) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be >= 1, was " + period);
        }
        this.period = period;
        this.up = up;
        this.down = down;
    }

    /** Folds one closed candle's close; returns the RSI after it (NaN until warm). */
    public double update(double close) {
        if (!Double.isFinite(close)) {
            return value;
        }
        barsSeen++;
        if (barsSeen == 1) {
            prevClose = close;
            return value;
        }
        double change = close - prevClose;
        prevClose = close;
        double u = up.update(Math.max(change, 0.0));
        double d = down.update(Math.max(-change, 0.0));
        if (Double.isNaN(u) || Double.isNaN(d)) {
            value = Double.NaN;
        } else {
            value = d == 0 ? 100.0 : u == 0 ? 0.0 : 100.0 - 100.0 / (1.0 + u / d);
        }
        return value;
    }

    /** Folds the candle's close. */
    public double update(Candle candle) {
        return update(candle.close());
    }

    /** RSI in [0, 100] after the latest close, NaN until {@link #isWarm()}. */
    public double value() {
        return value;
    }

    /** Wilder average of gains (NaN until warm). */
    public double averageGain() {
        return up.value();
    }

    /** Wilder average of losses, as a positive number (NaN until warm). */
    public double averageLoss() {
        return down.value();
    }

    /** True once N+1 closes (N changes) have been seen. */
    public boolean isWarm() {
        return up.isWarm();
    }

    /** Closes folded so far. */
    public long barsSeen() {
        return barsSeen;
    }

    public int period() {
        return period;
    }

    public Rsi copy() {
        Rsi c = new Rsi(period, up.copy(), down.copy());
        c.barsSeen = barsSeen;
        c.prevClose = prevClose;
        c.value = value;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(period);
        out.writeLong(barsSeen);
        out.writeDouble(prevClose);
        out.writeDouble(value);
        up.writeTo(out);
        down.writeTo(out);
    }

    public static Rsi readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown Rsi format " + format);
        }
        int period = in.readInt();
        long barsSeen = in.readLong();
        double prevClose = in.readDouble();
        double value = in.readDouble();
        Rma up = Rma.readFrom(in);
        Rma down = Rma.readFrom(in);
        if (period < 1 || barsSeen < 0 || up.period() != period || down.period() != period) {
            throw new IOException("corrupt Rsi state: period " + period + ", barsSeen " + barsSeen);
        }
        Rsi r = new Rsi(period, up, down);
        r.barsSeen = barsSeen;
        r.prevClose = prevClose;
        r.value = value;
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rsi r && period == r.period && barsSeen == r.barsSeen
                && Double.compare(prevClose, r.prevClose) == 0 && Double.compare(value, r.value) == 0
                && up.equals(r.up) && down.equals(r.down);
    }

    @Override
    public int hashCode() {
        int h = period;
        h = 31 * h + Long.hashCode(barsSeen);
        h = 31 * h + Double.hashCode(prevClose);
        h = 31 * h + Double.hashCode(value);
        h = 31 * h + up.hashCode();
        return 31 * h + down.hashCode();
    }

    @Override
    public String toString() {
        return "Rsi[" + period + ": value=" + value + ", bars=" + barsSeen + "]";
    }
}
