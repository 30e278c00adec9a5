package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * SuperTrend, exactly as TradingView's {@code ta.supertrend(factor, atrPeriod)} reference code (default ATR 10,
 * factor 3); output keys {@code supertrend} (the line) and {@code supertrend_direction}.
 *
 * <p><b>Direction sign — differs from TradingView.</b> {@link #direction()} returns <b>+1 for an uptrend</b> (price
 * above the line, the line is the lower band, TradingView's −1, plotted green) and <b>−1 for a downtrend</b>
 * (price below the line, the line is the upper band, TradingView's +1, plotted red); 0 until warm.
 * {@link #tradingViewDirection()} gives TradingView's sign (= −direction()) for comparing with a Pine script.
 *
 * <p><b>Formula</b> (per closed candle, after the ATR is warm):
 * <pre>
 * src = (H + L)/2;  atr = {@link Atr}(atrPeriod)  (Pine ta.atr: RMA of TR, SMA seed, bar-0 TR = H − L)
 * upper = src + factor·atr;  lower = src − factor·atr
 * lower := lower &gt; prevLower or close[1] &lt; prevLower ? lower : prevLower   // final lower band only ratchets up
 * upper := upper &lt; prevUpper or close[1] &gt; prevUpper ? upper : prevUpper   // final upper band only ratchets down
 * first ATR bar               → downtrend
 * else if prevLine == prevUpper (previous bar was a downtrend) → close &gt; upper ? uptrend : downtrend
 * else                        → close &lt; lower ? downtrend : uptrend
 * line = uptrend ? lower : upper
 * </pre>
 * prevLower/prevUpper are the previous bar's <em>final</em> bands, 0 on the first ATR bar (Pine's {@code nz}).
 * The ratchet uses the previous close; a flip needs the current close strictly beyond the current final band.
 * {@code prevLine == prevUpper} is an exact double comparison, as in Pine: it works because the carried value is
 * the same double. In the degenerate case upper == lower (ATR 0, e.g. perfectly flat prices) this reads the
 * previous bar as a downtrend whatever it was — kept for TradingView parity.
 *
 * <p><b>Warm-up.</b> NaN/0 until the ATR is warm: the first value is on bar index atrPeriod−1 (bar 9 for the
 * default) and <b>starts in a downtrend</b> (Pine: {@code na(atr[1]) → direction 1}). {@link #flipped()} is false on
 * that first bar. Pine's reference script itself returns 0 (not na) on bar 0 through its {@code nz}; this class
 * returns NaN there.
 *
 * <p><b>Where implementations differ.</b> ta4j 0.17/0.18 ({@code SuperTrendIndicator}) starts in an <em>uptrend</em>
 * (returns the lower band at the first bar) and computes bands from bar 0 with its MMA-seeded ATR; its flip rules
 * (stay down while close ≤ upper, stay up while close ≥ lower) are the same as Pine's, so the two agree once both
 * are in the same direction and the ATR seeds have decayed. mytradingSignal used factor 2, not 3.
 *
 * <p>A candle with a non-finite price is ignored (state unchanged).
 */
public final class SuperTrend {
    public static final int DEFAULT_ATR_PERIOD = 10;
    public static final double DEFAULT_FACTOR = 3.0;
    private static final byte FORMAT = 1;

    private final double factor;
    private final Atr atr;
    private double prevClose = Double.NaN;
    /** Final bands of the latest bar; 0 before the ATR is warm (Pine's nz of na). */
    private double upper;
    private double lower;
    private double line = Double.NaN;
    private int direction;
    private boolean flipped;

    /** SuperTrend(ATR 10, factor 3), TradingView's defaults. */
    public SuperTrend() {
        this(DEFAULT_ATR_PERIOD, DEFAULT_FACTOR);
    }

    /**
     * @param atrPeriod ATR length ≥ 1
     * @param factor    band multiplier, finite and ≥ 0
     */
    public SuperTrend(int atrPeriod, double factor) {
        this(new Atr(atrPeriod), factor);
    }

    private SuperTrend(Atr atr, double factor) {
        if (!(factor >= 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("SuperTrend factor must be finite and >= 0, was " + factor);
        }
        this.atr = atr;
        this.factor = factor;
    }

    /** Folds one closed candle; returns the SuperTrend line after it (NaN until warm). */
    public double update(double high, double low, double close) {
        if (!Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            return line;
        }
        boolean hadAtr = atr.isWarm();
        double a = atr.update(high, low, close);
        double closeBefore = prevClose;
        prevClose = close;
        flipped = false;
        if (!atr.isWarm()) {
            return line;
        }
        double src = (high + low) / 2;
        double up = src + factor * a;
        double lo = src - factor * a;
        double prevLower = lower;
        double prevUpper = upper;
        // NaN closeBefore (no previous candle, only possible with atrPeriod 1) compares false, as Pine's na.
        lo = lo > prevLower || closeBefore < prevLower ? lo : prevLower;
        up = up < prevUpper || closeBefore > prevUpper ? up : prevUpper;
        int tvDirection;
        if (!hadAtr) {
            tvDirection = 1;
        } else if (line == prevUpper) {
            tvDirection = close > up ? -1 : 1;
        } else {
            tvDirection = close < lo ? 1 : -1;
        }
        int newDirection = -tvDirection;
        flipped = hadAtr && newDirection != direction;
        direction = newDirection;
        lower = lo;
        upper = up;
        line = newDirection == 1 ? lo : up;
        return line;
    }

    /** Folds the candle's high, low and close. */
    public double update(Candle candle) {
        return update(candle.high(), candle.low(), candle.close());
    }

    /** The SuperTrend line (key {@code supertrend}): the lower band in an uptrend, the upper band in a downtrend. */
    public double value() {
        return line;
    }

    /**
     * Project sign (key {@code supertrend_direction}): +1 uptrend (price above the line), −1 downtrend, 0 until warm.
     * The opposite of TradingView's sign.
     */
    public int direction() {
        return direction;
    }

    /** TradingView's sign: −1 uptrend, +1 downtrend, 0 until warm. */
    public int tradingViewDirection() {
        return -direction;
    }

    /** True on the bar whose close changed the direction (never on the first warm bar). */
    public boolean flipped() {
        return flipped;
    }

    /** Final (ratcheted) upper band of the latest bar, NaN until warm. */
    public double upperBand() {
        return isWarm() ? upper : Double.NaN;
    }

    /** Final (ratcheted) lower band of the latest bar, NaN until warm. */
    public double lowerBand() {
        return isWarm() ? lower : Double.NaN;
    }

    /** The ATR used for the bands, NaN until warm. */
    public double atr() {
        return atr.value();
    }

    /** True once the ATR is warm (atrPeriod candles). */
    public boolean isWarm() {
        return atr.isWarm();
    }

    /** Candles folded so far. */
    public long barsSeen() {
        return atr.barsSeen();
    }

    public int atrPeriod() {
        return atr.period();
    }

    public double factor() {
        return factor;
    }

    public SuperTrend copy() {
        SuperTrend c = new SuperTrend(atr.copy(), factor);
        c.prevClose = prevClose;
        c.upper = upper;
        c.lower = lower;
        c.line = line;
        c.direction = direction;
        c.flipped = flipped;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeDouble(factor);
        out.writeDouble(prevClose);
        out.writeDouble(upper);
        out.writeDouble(lower);
        out.writeDouble(line);
        out.writeByte(direction);
        out.writeBoolean(flipped);
        atr.writeTo(out);
    }

    public static SuperTrend readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown SuperTrend format " + format);
        }
        double factor = in.readDouble();
        double prevClose = in.readDouble();
        double upper = in.readDouble();
        double lower = in.readDouble();
        double line = in.readDouble();
        int direction = in.readByte();
        boolean flipped = in.readBoolean();
        Atr atr = Atr.readFrom(in);
        if (!(factor >= 0) || !Double.isFinite(factor) || direction < -1 || direction > 1) {
            throw new IOException("corrupt SuperTrend state: factor " + factor + ", direction " + direction);
        }
        SuperTrend s = new SuperTrend(atr, factor);
        s.prevClose = prevClose;
        s.upper = upper;
        s.lower = lower;
        s.line = line;
        s.direction = direction;
        s.flipped = flipped;
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuperTrend s && Double.compare(factor, s.factor) == 0
                && Double.compare(prevClose, s.prevClose) == 0 && Double.compare(upper, s.upper) == 0
                && Double.compare(lower, s.lower) == 0 && Double.compare(line, s.line) == 0
                && direction == s.direction && flipped == s.flipped && atr.equals(s.atr);
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(factor);
        h = 31 * h + Double.hashCode(prevClose);
        h = 31 * h + Double.hashCode(upper);
        h = 31 * h + Double.hashCode(lower);
        h = 31 * h + Double.hashCode(line);
        h = 31 * h + direction;
        h = 31 * h + Boolean.hashCode(flipped);
        return 31 * h + atr.hashCode();
    }

    @Override
    public String toString() {
        return "SuperTrend[" + atr.period() + "," + factor + ": line=" + line + ", direction=" + direction
                + ", flipped=" + flipped + ", bars=" + barsSeen() + "]";
    }
}
