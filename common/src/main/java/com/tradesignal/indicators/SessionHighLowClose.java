package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Running high, low and close of one regular session, the input of the next session's {@link PivotLevels}.
 *
 * <p>Feed it every closed 1-minute candle of the regular session (09:15–15:30 IST) in time order; do not feed
 * pre-open or post-close candles. {@code high} is the maximum high, {@code low} the minimum low, {@code close} the
 * close of the last candle fed. All three are NaN until the first candle. At the end of the session call
 * {@link #toPivots()} for tomorrow's levels and then {@link #reset()}.
 *
 * <p>Candles with a non-finite high, low or close are ignored. Mutable, O(1) per update.
 */
public final class SessionHighLowClose {
    private static final byte FORMAT = 1;

    private double high = Double.NaN;
    private double low = Double.NaN;
    private double close = Double.NaN;
    private int candles;

    public SessionHighLowClose() {
    }

    /** Folds one closed candle of the regular session. */
    public void update(double candleHigh, double candleLow, double candleClose) {
        if (!Double.isFinite(candleHigh) || !Double.isFinite(candleLow) || !Double.isFinite(candleClose)) {
            return;
        }
        if (candles == 0) {
            high = candleHigh;
            low = candleLow;
        } else {
            high = Math.max(high, candleHigh);
            low = Math.min(low, candleLow);
        }
        close = candleClose;
        candles++;
    }

    public void update(Candle candle) {
        update(candle.high(), candle.low(), candle.close());
    }

    /** Highest high so far, NaN before the first candle. */
    public double high() { return high; }
    /** Lowest low so far, NaN before the first candle. */
    public double low() { return low; }
    /** Close of the last candle fed, NaN before the first candle. */
    public double close() { return close; }
    /** Number of candles folded since the last reset. */
    public int candles() { return candles; }
    public boolean isEmpty() { return candles == 0; }

    /** The next session's pivots from this session's H, L, C, or null when no candle was fed. */
    public PivotLevels toPivots() {
        return candles == 0 ? null : PivotLevels.from(high, low, close);
    }

    /** Starts a new session. */
    public void reset() {
        high = Double.NaN;
        low = Double.NaN;
        close = Double.NaN;
        candles = 0;
    }

    public SessionHighLowClose copy() {
        SessionHighLowClose c = new SessionHighLowClose();
        c.high = high;
        c.low = low;
        c.close = close;
        c.candles = candles;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeDouble(high);
        out.writeDouble(low);
        out.writeDouble(close);
        out.writeInt(candles);
    }

    public static SessionHighLowClose readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown SessionHighLowClose format " + format);
        }
        SessionHighLowClose s = new SessionHighLowClose();
        s.high = in.readDouble();
        s.low = in.readDouble();
        s.close = in.readDouble();
        s.candles = in.readInt();
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionHighLowClose s && candles == s.candles && Double.compare(high, s.high) == 0
                && Double.compare(low, s.low) == 0 && Double.compare(close, s.close) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(high);
        h = 31 * h + Double.hashCode(low);
        h = 31 * h + Double.hashCode(close);
        return 31 * h + candles;
    }

    @Override
    public String toString() {
        return "SessionHighLowClose[H=" + high + ", L=" + low + ", C=" + close + ", candles=" + candles + "]";
    }
}
