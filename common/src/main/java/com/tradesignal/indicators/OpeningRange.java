package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Opening range: the high and low of the first M minutes of the regular session (default 15; 5 and 30 are the
 * other common choices), and the breakout of a later candle's close beyond it.
 *
 * <p>Window: {@code [sessionOpen, sessionOpen + M minutes)}, anchored to the session open (09:15 IST on a regular
 * day), not to the clock; pre-open candles (start &lt; session open) are ignored. For M = 15 on a regular day that is
 * the 09:15..09:29 one-minute candles (labelled 09:16..09:30 by vendors who stamp the end of the minute).
 *
 * <p>Feeding: one call per closed candle, in time order, with the session's open instant. A change of the
 * session open starts a new day (the range is cleared). Candles should be 1-minute candles (any candle length that
 * divides M works; a candle that starts inside the window is counted in full).
 *
 * <p>Warm-up and completeness: the range is only final once its window is over, so {@link #high()} and {@link #low()}
 * are NaN (output keys {@code orb_high}/{@code orb_low} are null) until {@link #isComplete()}. The range completes
 * when a candle that ends at or after the window end is fed (normally the 09:29 candle for M = 15; if that minute is
 * missing, the first candle after the window), or when {@link #advanceTo(long)} passes the window end. A window in
 * which no candle arrived never completes: the day has no opening range. Candles of the window arriving after
 * completion are ignored (the range is fixed for the day). {@link #formingHigh()}/{@link #formingLow()} expose the
 * partial range while it is being built.
 *
 * <p>Breakout (trigger = candle close, the usual ORB convention): {@link #breakout(double)} is +1 for a close
 * strictly above the range high, −1 strictly below the range low, 0 inside or on the boundary and 0 while the range
 * is not complete.
 */
public final class OpeningRange {
    public static final int DEFAULT_MINUTES = 15;
    private static final long MINUTE_MS = 60_000L;
    private static final long NO_SESSION = Long.MIN_VALUE;
    private static final byte FORMAT = 1;

    private final int minutes;
    private long sessionOpen = NO_SESSION;
    private double formingHigh = Double.NaN;
    private double formingLow = Double.NaN;
    private int windowCandles;
    private boolean complete;

    /** A 15-minute opening range. */
    public OpeningRange() {
        this(DEFAULT_MINUTES);
    }

    /** @param minutes window length in minutes, 1..375 (5, 15 and 30 are usual) */
    public OpeningRange(int minutes) {
        if (minutes < 1 || minutes > 375) {
            throw new IllegalArgumentException("opening range minutes must be in 1..375: " + minutes);
        }
        this.minutes = minutes;
    }

    public int minutes() { return minutes; }

    /** Session open of the day being tracked, or {@link Long#MIN_VALUE} before the first candle. */
    public long sessionOpenMillis() { return sessionOpen; }

    /** End of the window (exclusive), or {@link Long#MIN_VALUE} before the first candle. */
    public long windowEndMillis() {
        return sessionOpen == NO_SESSION ? NO_SESSION : sessionOpen + minutes * MINUTE_MS;
    }

    /**
     * Folds a closed 1-minute candle.
     *
     * @return {@link #breakout(double)} of this candle's close (0 for candles inside the window)
     */
    public int update(long sessionOpenMillis, long candleStartMillis, double high, double low, double close) {
        return update(sessionOpenMillis, candleStartMillis, candleStartMillis + MINUTE_MS, high, low, close);
    }

    /** Folds a closed candle of any length (see the class comment). */
    public int update(Candle candle, long sessionOpenMillis) {
        return update(sessionOpenMillis, candle.start(), candle.end(), candle.high(), candle.low(), candle.close());
    }

    /**
     * Folds a closed candle {@code [candleStartMillis, candleEndMillis)}.
     *
     * @return {@link #breakout(double)} of this candle's close (0 for candles inside the window)
     */
    public int update(long sessionOpenMillis, long candleStartMillis, long candleEndMillis, double high, double low,
                      double close) {
        if (sessionOpenMillis != sessionOpen) {
            startSession(sessionOpenMillis);
        }
        if (candleStartMillis < sessionOpen) {
            return 0; // pre-open
        }
        long windowEnd = sessionOpen + minutes * MINUTE_MS;
        if (candleStartMillis < windowEnd) {
            if (!complete && Double.isFinite(high) && Double.isFinite(low)) {
                if (windowCandles == 0) {
                    formingHigh = high;
                    formingLow = low;
                } else {
                    formingHigh = Math.max(formingHigh, high);
                    formingLow = Math.min(formingLow, low);
                }
                windowCandles++;
            }
            if (candleEndMillis >= windowEnd && windowCandles > 0) {
                complete = true;
            }
            return 0;
        }
        if (windowCandles > 0) {
            complete = true;
        }
        return breakout(close);
    }

    /** Completes the range once {@code timeMillis} (e.g. the watermark) reaches the window end. */
    public void advanceTo(long timeMillis) {
        if (sessionOpen != NO_SESSION && windowCandles > 0 && timeMillis >= windowEndMillis()) {
            complete = true;
        }
    }

    /** Clears the range and tracks the session that opens at {@code sessionOpenMillis}. */
    public void startSession(long sessionOpenMillis) {
        sessionOpen = sessionOpenMillis;
        formingHigh = Double.NaN;
        formingLow = Double.NaN;
        windowCandles = 0;
        complete = false;
    }

    /** True once the window is over and at least one candle fell in it. */
    public boolean isComplete() { return complete; }

    /** Opening range high (key {@code orb_high}), NaN until {@link #isComplete()}. */
    public double high() { return complete ? formingHigh : Double.NaN; }

    /** Opening range low (key {@code orb_low}), NaN until {@link #isComplete()}. */
    public double low() { return complete ? formingLow : Double.NaN; }

    /** The high of the window so far (final once complete), NaN before the first window candle. */
    public double formingHigh() { return formingHigh; }

    /** The low of the window so far (final once complete), NaN before the first window candle. */
    public double formingLow() { return formingLow; }

    /** Candles of the window folded so far. */
    public int windowCandles() { return windowCandles; }

    /** +1 if {@code close} is above the range high, −1 below the range low, else 0; 0 while not complete. */
    public int breakout(double close) {
        if (!complete || Double.isNaN(close)) {
            return 0;
        }
        if (close > formingHigh) {
            return 1;
        }
        if (close < formingLow) {
            return -1;
        }
        return 0;
    }

    public OpeningRange copy() {
        OpeningRange c = new OpeningRange(minutes);
        c.sessionOpen = sessionOpen;
        c.formingHigh = formingHigh;
        c.formingLow = formingLow;
        c.windowCandles = windowCandles;
        c.complete = complete;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(minutes);
        out.writeLong(sessionOpen);
        out.writeDouble(formingHigh);
        out.writeDouble(formingLow);
        out.writeInt(windowCandles);
        out.writeBoolean(complete);
    }

    public static OpeningRange readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown OpeningRange format " + format);
        }
        OpeningRange r = new OpeningRange(in.readInt());
        r.sessionOpen = in.readLong();
        r.formingHigh = in.readDouble();
        r.formingLow = in.readDouble();
        r.windowCandles = in.readInt();
        r.complete = in.readBoolean();
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpeningRange r && minutes == r.minutes && sessionOpen == r.sessionOpen
                && Double.compare(formingHigh, r.formingHigh) == 0 && Double.compare(formingLow, r.formingLow) == 0
                && windowCandles == r.windowCandles && complete == r.complete;
    }

    @Override
    public int hashCode() {
        int h = minutes;
        h = 31 * h + Long.hashCode(sessionOpen);
        h = 31 * h + Double.hashCode(formingHigh);
        h = 31 * h + Double.hashCode(formingLow);
        h = 31 * h + windowCandles;
        return 31 * h + Boolean.hashCode(complete);
    }

    @Override
    public String toString() {
        return "OpeningRange[" + minutes + "m, high=" + high() + ", low=" + low() + ", complete=" + complete + "]";
    }
}
