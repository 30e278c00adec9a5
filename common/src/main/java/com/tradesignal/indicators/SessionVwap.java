package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Session-anchored volume-weighted average price with standard-deviation bands, as TradingView's
 * {@code ta.vwap(hlc3, anchor = new day, stdev_mult)}.
 *
 * <p>Per closed candle i of the session: p<sub>i</sub> = (high + low + close)/3 (hlc3), weight v<sub>i</sub> = the
 * candle's volume.
 * <ul>
 *   <li>VWAP = Σ v·p / Σ v</li>
 *   <li>σ = sqrt(max(0, Σ v·p² / Σ v − VWAP²)) — the volume-weighted <em>population</em> standard deviation of
 *       the candle prices about the VWAP</li>
 *   <li>upper(k) = VWAP + k·σ, lower(k) = VWAP − k·σ (output keys for k = 1 and 2: {@code vwap_upper_1},
 *       {@code vwap_lower_1}, {@code vwap_upper_2}, {@code vwap_lower_2})</li>
 * </ul>
 *
 * <p>Numerics: the textbook form subtracts two numbers near p² ≈ 3.5·10<sup>8</sup> (NIFTY) to get a variance that
 * may be 1 or less, which loses most significant digits in doubles (and gives σ &gt; 0 for a constant price). This
 * class therefore keeps the weighted running mean and the weighted sum of squared deviations (West's weighted
 * form of Welford's algorithm): W += v; δ = p − mean; mean += δ·v/W; M2 += v·δ·(p − mean<sub>new</sub>);
 * σ² = M2/W. This is algebraically the formula above.
 *
 * <p>Warm-up and conventions: all outputs are NaN while Σ v = 0 — in particular always for an index, whose ticks
 * carry no volume (the job feeds the near-month future's candles for an index). The first candle with volume gives
 * VWAP = its hlc3 and σ = 0. Candles with volume ≤ 0 or NaN, or a non-finite price, are ignored (a zero-volume
 * candle carries no weight anyway). Call {@link #reset()} at the start of every session (anchor = session open).
 */
public final class SessionVwap {
    private static final byte FORMAT = 1;

    private double sumVolume;
    private double mean = Double.NaN;
    private double m2;
    private int candles;

    public SessionVwap() {
    }

    /** Folds one closed candle: source hlc3, weight {@code volume}. */
    public void update(double high, double low, double close, double volume) {
        updatePrice((high + low + close) / 3.0, volume);
    }

    /** Folds one closed candle (hlc3, its volume). */
    public void update(Candle candle) {
        update(candle.high(), candle.low(), candle.close(), candle.volume());
    }

    /** Folds one observation with an explicit source price. */
    public void updatePrice(double price, double volume) {
        if (!(volume > 0) || !Double.isFinite(price) || !Double.isFinite(volume)) {
            return;
        }
        double newSum = sumVolume + volume;
        if (candles == 0) {
            mean = price;
            m2 = 0;
        } else {
            double delta = price - mean;
            double r = delta * (volume / newSum);
            mean += r;
            m2 += sumVolume * delta * r; // = v·δ·(p − mean_new) = v·δ²·W_old/W_new ≥ 0
        }
        sumVolume = newSum;
        candles++;
    }

    /** VWAP (key {@code vwap}), NaN while Σ v = 0. */
    public double vwap() {
        return sumVolume > 0 ? mean : Double.NaN;
    }

    /** Volume-weighted population σ of hlc3 about the VWAP, NaN while Σ v = 0. */
    public double sigma() {
        return sumVolume > 0 ? Math.sqrt(Math.max(0.0, m2 / sumVolume)) : Double.NaN;
    }

    /** VWAP + k·σ, NaN while Σ v = 0. */
    public double upper(double k) {
        return vwap() + k * sigma();
    }

    /** VWAP − k·σ, NaN while Σ v = 0. */
    public double lower(double k) {
        return vwap() - k * sigma();
    }

    /** Σ v over the session so far. */
    public double sumVolume() { return sumVolume; }

    /** Candles with volume folded since the last reset. */
    public int candles() { return candles; }

    /** Starts a new session. */
    public void reset() {
        sumVolume = 0;
        mean = Double.NaN;
        m2 = 0;
        candles = 0;
    }

    public SessionVwap copy() {
        SessionVwap c = new SessionVwap();
        c.sumVolume = sumVolume;
        c.mean = mean;
        c.m2 = m2;
        c.candles = candles;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeDouble(sumVolume);
        out.writeDouble(mean);
        out.writeDouble(m2);
        out.writeInt(candles);
    }

    public static SessionVwap readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown SessionVwap format " + format);
        }
        SessionVwap v = new SessionVwap();
        v.sumVolume = in.readDouble();
        v.mean = in.readDouble();
        v.m2 = in.readDouble();
        v.candles = in.readInt();
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionVwap v && candles == v.candles && Double.compare(sumVolume, v.sumVolume) == 0
                && Double.compare(mean, v.mean) == 0 && Double.compare(m2, v.m2) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(sumVolume);
        h = 31 * h + Double.hashCode(mean);
        h = 31 * h + Double.hashCode(m2);
        return 31 * h + candles;
    }

    @Override
    public String toString() {
        return "SessionVwap[vwap=" + vwap() + ", sigma=" + sigma() + ", volume=" + sumVolume + ", candles=" + candles
                + "]";
    }
}
