package com.tradesignal.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Swing highs and lows (fractals), their higher-high / lower-low labels, the trend they imply, and break of
 * structure (BOS).
 *
 * <p><b>Swings.</b> With lookback L (default 2, Bill Williams' 5-bar fractal): bar j is a swing high when its high is
 * strictly greater than the highs of the L bars before it and the L bars after it; a swing low when its low is
 * strictly lower than the lows of the L bars on each side. Equal highs (a flat top) or equal lows do not make a swing.
 * A swing at bar j is only known — <em>confirmed</em> — when bar j + L closes, so it is reported L bars late; this
 * class never repaints. One bar may be both a swing high and a swing low (an outside bar). Only the last 2L + 1 bars
 * are kept (a ring buffer), plus the last two swing highs and the last two swing lows.
 *
 * <p><b>Labels.</b> When a swing high is confirmed it is labelled HH (higher high) if strictly above the previous
 * swing high, else LH (lower high; an equal high counts as LH because it made no new high). A swing low is LL
 * (lower low) if strictly below the previous swing low, else HL (an equal low held, so HL). The first swing of each
 * side has no label. {@link #structure()} (output key {@code structure}) is the label of the most recently
 * confirmed swing ("HH", "LH", "HL" or "LL"; "HH/HL"-style with the high's label first when one bar confirmed both;
 * null before any labelled swing). {@link #structurePair()} gives both latest labels, e.g. "HH-HL".
 *
 * <p><b>Trend.</b> {@link #trend()} = +1 when the latest high label is HH and the latest low label is HL, −1 when
 * they are LH and LL, 0 otherwise (including before two swings of each side).
 *
 * <p><b>Break of structure.</b> {@link #bos()} (key {@code bos}) refers to the bar of the last {@link #update}:
 * +1 when its close is strictly above the last confirmed swing high and no earlier close had broken that swing high;
 * −1 likewise for a close strictly below the last confirmed swing low; 0 otherwise. Each swing level is broken at
 * most once; a newly confirmed swing re-arms its side. The bar is checked against the swings known <em>before</em>
 * it (the swings it confirms are added after the check). If one close broke both levels (only possible with
 * crossed levels), +1 wins.
 *
 * <p>Warm-up: swing values are NaN until the first swing of that side is confirmed (at least 2L + 1 bars). Bars with
 * a non-finite high, low or close are ignored. Mutable; O(L) per update (L is small), bounded state.
 */
public final class MarketStructure {
    public static final int DEFAULT_LOOKBACK = 2;
    /** Bar time of bars fed through {@link #update(double, double, double)}. */
    public static final long NO_TIME = Long.MIN_VALUE;
    private static final byte FORMAT = 1;
    private static final int MAX_LOOKBACK = 50;

    private static final int KIND_NONE = 0;
    private static final int KIND_HIGH = 1;
    private static final int KIND_LOW = 2;
    private static final int KIND_BOTH = 3;

    private final int lookback;
    private final double[] highs;
    private final double[] lows;
    private final long[] times;
    private int head;          // index the next bar is written to
    private long bars;         // bars fed so far

    private double swingHigh = Double.NaN;
    private double prevSwingHigh = Double.NaN;
    private long swingHighTime = NO_TIME;
    private long prevSwingHighTime = NO_TIME;
    private long swingHighBar = -1;
    private int highLabel;      // +1 HH, -1 LH, 0 none
    private boolean highBroken;

    private double swingLow = Double.NaN;
    private double prevSwingLow = Double.NaN;
    private long swingLowTime = NO_TIME;
    private long prevSwingLowTime = NO_TIME;
    private long swingLowBar = -1;
    private int lowLabel;       // +1 HL, -1 LL, 0 none
    private boolean lowBroken;

    private int lastKind = KIND_NONE;
    private boolean newSwingHigh;
    private boolean newSwingLow;
    private int bos;

    /** Lookback 2 (5-bar fractals). */
    public MarketStructure() {
        this(DEFAULT_LOOKBACK);
    }

    /** @param lookback L, the bars on each side of a swing, 1..50 */
    public MarketStructure(int lookback) {
        if (lookback < 1 || lookback > MAX_LOOKBACK) {
            throw new IllegalArgumentException("lookback must be in 1.." + MAX_LOOKBACK + ": " + lookback);
        }
        this.lookback = lookback;
        int size = 2 * lookback + 1;
        this.highs = new double[size];
        this.lows = new double[size];
        this.times = new long[size];
    }

    /** Folds a closed bar with unknown time (swing times are then {@link #NO_TIME}). */
    public void update(double high, double low, double close) {
        update(NO_TIME, high, low, close);
    }

    /** Folds a closed bar; {@code barTimeMillis} (e.g. the candle start) names the swings it becomes. */
    public void update(long barTimeMillis, double high, double low, double close) {
        if (!Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            return;
        }
        newSwingHigh = false;
        newSwingLow = false;

        // 1. break of structure against the swings known before this bar
        bos = 0;
        if (!Double.isNaN(swingHigh) && !highBroken && close > swingHigh) {
            highBroken = true;
            bos = 1;
        }
        if (!Double.isNaN(swingLow) && !lowBroken && close < swingLow) {
            lowBroken = true;
            if (bos == 0) {
                bos = -1;
            }
        }

        // 2. push the bar
        int size = highs.length;
        highs[head] = high;
        lows[head] = low;
        times[head] = barTimeMillis;
        head = (head + 1) % size;
        bars++;
        if (bars < size) {
            return;
        }

        // 3. the bar L back from the newest is now confirmable; the ring holds exactly its window
        int center = Math.floorMod(head - 1 - lookback, size);
        double ch = highs[center];
        double cl = lows[center];
        boolean isHigh = true;
        boolean isLow = true;
        for (int i = 0; i < size; i++) {
            if (i == center) {
                continue;
            }
            if (highs[i] >= ch) {
                isHigh = false;
            }
            if (lows[i] <= cl) {
                isLow = false;
            }
        }
        long centerBar = bars - 1 - lookback;
        if (isHigh) {
            prevSwingHigh = swingHigh;
            prevSwingHighTime = swingHighTime;
            swingHigh = ch;
            swingHighTime = times[center];
            swingHighBar = centerBar;
            highLabel = Double.isNaN(prevSwingHigh) ? 0 : (ch > prevSwingHigh ? 1 : -1);
            highBroken = false;
            newSwingHigh = true;
        }
        if (isLow) {
            prevSwingLow = swingLow;
            prevSwingLowTime = swingLowTime;
            swingLow = cl;
            swingLowTime = times[center];
            swingLowBar = centerBar;
            lowLabel = Double.isNaN(prevSwingLow) ? 0 : (cl < prevSwingLow ? -1 : 1);
            lowBroken = false;
            newSwingLow = true;
        }
        if (isHigh && isLow) {
            lastKind = KIND_BOTH;
        } else if (isHigh) {
            lastKind = KIND_HIGH;
        } else if (isLow) {
            lastKind = KIND_LOW;
        }
    }

    public int lookback() { return lookback; }

    /** Bars fed so far. */
    public long bars() { return bars; }

    /** Last confirmed swing high (key {@code swing_high}), NaN before the first. */
    public double swingHigh() { return swingHigh; }
    /** The swing high before {@link #swingHigh()}, NaN before the second. */
    public double previousSwingHigh() { return prevSwingHigh; }
    /** Bar time of the last swing high, {@link #NO_TIME} if unknown or none. */
    public long swingHighTime() { return swingHighTime; }
    public long previousSwingHighTime() { return prevSwingHighTime; }
    /** 0-based bar number of the last swing high (counting bars fed), −1 if none. */
    public long swingHighBar() { return swingHighBar; }

    /** Last confirmed swing low (key {@code swing_low}), NaN before the first. */
    public double swingLow() { return swingLow; }
    /** The swing low before {@link #swingLow()}, NaN before the second. */
    public double previousSwingLow() { return prevSwingLow; }
    public long swingLowTime() { return swingLowTime; }
    public long previousSwingLowTime() { return prevSwingLowTime; }
    /** 0-based bar number of the last swing low, −1 if none. */
    public long swingLowBar() { return swingLowBar; }

    /** True when the last update confirmed a new swing high. */
    public boolean isNewSwingHigh() { return newSwingHigh; }
    /** True when the last update confirmed a new swing low. */
    public boolean isNewSwingLow() { return newSwingLow; }

    /** "HH", "LH" for the last swing high vs the previous one, null before two swing highs. */
    public String highLabel() {
        return highLabel > 0 ? "HH" : highLabel < 0 ? "LH" : null;
    }

    /** "HL", "LL" for the last swing low vs the previous one, null before two swing lows. */
    public String lowLabel() {
        return lowLabel > 0 ? "HL" : lowLabel < 0 ? "LL" : null;
    }

    /** Label of the most recently confirmed swing (key {@code structure}); see the class comment. */
    public String structure() {
        switch (lastKind) {
            case KIND_HIGH:
                return highLabel();
            case KIND_LOW:
                return lowLabel();
            case KIND_BOTH: {
                String h = highLabel();
                String l = lowLabel();
                if (h == null) {
                    return l;
                }
                return l == null ? h : h + "/" + l;
            }
            default:
                return null;
        }
    }

    /**
     * Both latest labels as {@code "<high label>-<low label>"}, e.g. {@code "HH-HL"} or {@code "LH-LL"}; only the
     * known one while the other side has fewer than two swings; null when neither is labelled.
     */
    public String structurePair() {
        String h = highLabel();
        String l = lowLabel();
        if (h == null) {
            return l;
        }
        return l == null ? h : h + "-" + l;
    }

    /** +1 on HH and HL, −1 on LH and LL, else 0. */
    public int trend() {
        if (highLabel > 0 && lowLabel > 0) {
            return 1;
        }
        if (highLabel < 0 && lowLabel < 0) {
            return -1;
        }
        return 0;
    }

    /** Break of structure on the last bar: +1 up, −1 down, 0 none. */
    public int bos() { return bos; }

    /**
     * The known swings as named levels for {@link SupportResistance}: last and previous swing high and low, named
     * like {@code "swing high 09:42"} (IST bar time) when the bar time is known.
     */
    public List<SupportResistance.Level> levels() {
        List<SupportResistance.Level> out = new ArrayList<>(4);
        if (!Double.isNaN(swingHigh)) {
            out.add(SupportResistance.Level.swingHigh(swingHigh, swingHighTime));
        }
        if (!Double.isNaN(prevSwingHigh)) {
            out.add(SupportResistance.Level.swingHigh(prevSwingHigh, prevSwingHighTime));
        }
        if (!Double.isNaN(swingLow)) {
            out.add(SupportResistance.Level.swingLow(swingLow, swingLowTime));
        }
        if (!Double.isNaN(prevSwingLow)) {
            out.add(SupportResistance.Level.swingLow(prevSwingLow, prevSwingLowTime));
        }
        return out;
    }

    /** Forgets all bars and swings. */
    public void reset() {
        Arrays.fill(highs, 0);
        Arrays.fill(lows, 0);
        Arrays.fill(times, 0);
        head = 0;
        bars = 0;
        swingHigh = Double.NaN;
        prevSwingHigh = Double.NaN;
        swingHighTime = NO_TIME;
        prevSwingHighTime = NO_TIME;
        swingHighBar = -1;
        highLabel = 0;
        highBroken = false;
        swingLow = Double.NaN;
        prevSwingLow = Double.NaN;
        swingLowTime = NO_TIME;
        prevSwingLowTime = NO_TIME;
        swingLowBar = -1;
        lowLabel = 0;
        lowBroken = false;
        lastKind = KIND_NONE;
        newSwingHigh = false;
        newSwingLow = false;
        bos = 0;
    }

    public MarketStructure copy() {
        MarketStructure c = new MarketStructure(lookback);
        System.arraycopy(highs, 0, c.highs, 0, highs.length);
        System.arraycopy(lows, 0, c.lows, 0, lows.length);
        System.arraycopy(times, 0, c.times, 0, times.length);
        c.head = head;
        c.bars = bars;
        c.swingHigh = swingHigh;
        c.prevSwingHigh = prevSwingHigh;
        c.swingHighTime = swingHighTime;
        c.prevSwingHighTime = prevSwingHighTime;
        c.swingHighBar = swingHighBar;
        c.highLabel = highLabel;
        c.highBroken = highBroken;
        c.swingLow = swingLow;
        c.prevSwingLow = prevSwingLow;
        c.swingLowTime = swingLowTime;
        c.prevSwingLowTime = prevSwingLowTime;
        c.swingLowBar = swingLowBar;
        c.lowLabel = lowLabel;
        c.lowBroken = lowBroken;
        c.lastKind = lastKind;
        c.newSwingHigh = newSwingHigh;
        c.newSwingLow = newSwingLow;
        c.bos = bos;
        return c;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(lookback);
        for (int i = 0; i < highs.length; i++) {
            out.writeDouble(highs[i]);
            out.writeDouble(lows[i]);
            out.writeLong(times[i]);
        }
        out.writeInt(head);
        out.writeLong(bars);
        out.writeDouble(swingHigh);
        out.writeDouble(prevSwingHigh);
        out.writeLong(swingHighTime);
        out.writeLong(prevSwingHighTime);
        out.writeLong(swingHighBar);
        out.writeByte(highLabel);
        out.writeBoolean(highBroken);
        out.writeDouble(swingLow);
        out.writeDouble(prevSwingLow);
        out.writeLong(swingLowTime);
        out.writeLong(prevSwingLowTime);
        out.writeLong(swingLowBar);
        out.writeByte(lowLabel);
        out.writeBoolean(lowBroken);
        out.writeByte(lastKind);
        out.writeBoolean(newSwingHigh);
        out.writeBoolean(newSwingLow);
        out.writeByte(bos);
    }

    public static MarketStructure readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown MarketStructure format " + format);
        }
        int lookback = in.readInt();
        if (lookback < 1 || lookback > MAX_LOOKBACK) {
            throw new IOException("corrupt MarketStructure lookback " + lookback);
        }
        MarketStructure m = new MarketStructure(lookback);
        for (int i = 0; i < m.highs.length; i++) {
            m.highs[i] = in.readDouble();
            m.lows[i] = in.readDouble();
            m.times[i] = in.readLong();
        }
        m.head = in.readInt();
        m.bars = in.readLong();
        if (m.head < 0 || m.head >= m.highs.length || m.bars < 0) {
            throw new IOException("corrupt MarketStructure ring position " + m.head + "/" + m.bars);
        }
        m.swingHigh = in.readDouble();
        m.prevSwingHigh = in.readDouble();
        m.swingHighTime = in.readLong();
        m.prevSwingHighTime = in.readLong();
        m.swingHighBar = in.readLong();
        m.highLabel = in.readByte();
        m.highBroken = in.readBoolean();
        m.swingLow = in.readDouble();
        m.prevSwingLow = in.readDouble();
        m.swingLowTime = in.readLong();
        m.prevSwingLowTime = in.readLong();
        m.swingLowBar = in.readLong();
        m.lowLabel = in.readByte();
        m.lowBroken = in.readBoolean();
        m.lastKind = in.readByte();
        m.newSwingHigh = in.readBoolean();
        m.newSwingLow = in.readBoolean();
        m.bos = in.readByte();
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MarketStructure m)) {
            return false;
        }
        if (lookback != m.lookback || head != m.head || bars != m.bars || highLabel != m.highLabel
                || lowLabel != m.lowLabel || highBroken != m.highBroken || lowBroken != m.lowBroken
                || lastKind != m.lastKind || newSwingHigh != m.newSwingHigh || newSwingLow != m.newSwingLow
                || bos != m.bos || swingHighTime != m.swingHighTime || prevSwingHighTime != m.prevSwingHighTime
                || swingLowTime != m.swingLowTime || prevSwingLowTime != m.prevSwingLowTime
                || swingHighBar != m.swingHighBar || swingLowBar != m.swingLowBar) {
            return false;
        }
        return Double.compare(swingHigh, m.swingHigh) == 0 && Double.compare(prevSwingHigh, m.prevSwingHigh) == 0
                && Double.compare(swingLow, m.swingLow) == 0 && Double.compare(prevSwingLow, m.prevSwingLow) == 0
                && Arrays.equals(highs, m.highs) && Arrays.equals(lows, m.lows) && Arrays.equals(times, m.times);
    }

    @Override
    public int hashCode() {
        int h = lookback;
        h = 31 * h + head;
        h = 31 * h + Long.hashCode(bars);
        h = 31 * h + Double.hashCode(swingHigh);
        h = 31 * h + Double.hashCode(prevSwingHigh);
        h = 31 * h + Double.hashCode(swingLow);
        h = 31 * h + Double.hashCode(prevSwingLow);
        h = 31 * h + highLabel;
        h = 31 * h + lowLabel;
        h = 31 * h + bos;
        h = 31 * h + Arrays.hashCode(highs);
        h = 31 * h + Arrays.hashCode(lows);
        return 31 * h + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "MarketStructure[L=" + lookback + ", bars=" + bars + ", swingHigh=" + swingHigh + " (" + highLabel()
                + "), swingLow=" + swingLow + " (" + lowLabel() + "), trend=" + trend() + ", bos=" + bos + "]";
    }
}
