package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exponential moving average of closes, updated once per closed candle in O(1).
 *
 * <p><b>Formula.</b> α = 2/(N+1); ema<sub>t</sub> = α·x<sub>t</sub> + (1 − α)·ema<sub>t−1</sub> (the expression
 * Pine's {@code ta.ema} reference code uses).
 *
 * <p><b>Warm-up.</b> The value is NaN for the first N−1 closes. On the N-th close (bar index N−1) it is seeded with
 * the simple average of the first N closes; from then on the recursion above applies. Output keys in the job:
 * {@code ema_9}, {@code ema_21}, {@code ema_50}, {@code ema_200}.
 *
 * <p><b>Where implementations differ (seeding only).</b>
 * <ul>
 *   <li>TA-Lib (default compatibility) seeds with the SMA of the first N values, first output at index N−1 —
 *       the same as this class. Pine's {@code ta.rma} also seeds with an SMA.</li>
 *   <li>TradingView's v5/v6 {@code ta.ema} reference code seeds with the <em>first</em> source value
 *       ({@code na(sum[1]) ? src : ...}) and so plots a value from bar 0; the older v4 text used {@code sma}.</li>
 *   <li>ta4j 0.17 and 0.18 seed with the value at index 0 and output from bar 0; ta4j HEAD outputs NaN for N
 *       bars and seeds with the value at index N.</li>
 * </ul>
 * The seed difference decays by the factor (1 − α) every bar, so all of these agree to 10<sup>−6</sup> (relative
 * to the seed difference) after ln(10<sup>−6</sup>)/ln(1 − α) bars ≈ 7·(N+1) bars: ≈ 70 bars for EMA(9),
 * ≈ 1 400 bars for EMA(200). Compare with a TradingView chart only after that many bars of history.
 *
 * <p><b>Crossovers.</b> {@link #previous()} is the value before the latest update, so a caller detects that a fast
 * EMA crossed above a slow one on this bar with
 * {@code fast.previous() <= slow.previous() && fast.value() > slow.value()} (Pine's {@code ta.crossover}); any NaN
 * makes the comparison false, so no cross is reported before both are warm on two consecutive bars.
 *
 * <p><b>Bad input.</b> A non-finite close is ignored: the state is left unchanged (Pine likewise skips
 * {@code na}). State is a handful of numbers; {@link #writeTo}/{@link #readFrom} use a private versioned format.
 */
public final class Ema {
    private static final byte FORMAT = 1;

    private final int period;
    private final double alpha;
    private long barsSeen;
    private double seedSum;
    private double value = Double.NaN;
    private double previous = Double.NaN;

    /** @param period N ≥ 1 */
    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be >= 1, was " + period);
        }
        this.period = period;
        this.alpha = 2.0 / (period + 1);
    }

    /** Folds one closed candle's close; returns the EMA after it (NaN until warm). */
    public double update(double close) {
        if (!Double.isFinite(close)) {
            return value;
        }
        previous = value;
        barsSeen++;
        if (barsSeen < period) {
            seedSum += close;
        } else if (barsSeen == period) {
            seedSum += close;
            value = seedSum / period;
        } else {
            value = alpha * close + (1 - alpha) * value;
        }
        return value;
    }

    /** Folds the candle's close. */
    public double update(Candle candle) {
        return update(candle.close());
    }

    /** The EMA after the latest close, NaN until {@link #isWarm()}. */
    public double value() {
        return value;
    }

    /** The EMA as it was before the latest close (NaN if it was not warm then). */
    public double previous() {
        return previous;
    }

    /** True once N closes have been seen. */
    public boolean isWarm() {
        return barsSeen >= period;
    }

    /** Closes folded so far. */
    public long barsSeen() {
        return barsSeen;
    }

    public int period() {
        return period;
    }

    /** α = 2/(N+1). */
    public double alpha() {
        return alpha;
    }

    public Ema copy() {
        Ema c = new Ema(period);
        c.barsSeen = barsSeen;
        c.seedSum = seedSum;
        c.value = value;
        c.previous = previous;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(period);
        out.writeLong(barsSeen);
        out.writeDouble(seedSum);
        out.writeDouble(value);
        out.writeDouble(previous);
    }

    public static Ema readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown Ema format " + format);
        }
        int period = in.readInt();
        long barsSeen = in.readLong();
        if (period < 1 || barsSeen < 0) {
            throw new IOException("corrupt Ema state: period " + period + ", barsSeen " + barsSeen);
        }
        Ema e = new Ema(period);
        e.barsSeen = barsSeen;
        e.seedSum = in.readDouble();
        e.value = in.readDouble();
        e.previous = in.readDouble();
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ema e && period == e.period && barsSeen == e.barsSeen
                && Double.compare(seedSum, e.seedSum) == 0 && Double.compare(value, e.value) == 0
                && Double.compare(previous, e.previous) == 0;
    }

    @Override
    public int hashCode() {
        int h = period;
        h = 31 * h + Long.hashCode(barsSeen);
        h = 31 * h + Double.hashCode(seedSum);
        h = 31 * h + Double.hashCode(value);
        return 31 * h + Double.hashCode(previous);
    }

    @Override
    public String toString() {
        return "Ema[" + period + ": value=" + value + ", previous=" + previous + ", bars=" + barsSeen + "]";
    }
}
