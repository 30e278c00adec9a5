package com.tradesignal.signals;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;

/**
 * Classifies each candle of a future (or option) into an {@link OiBuildUp} quadrant against the previous candle.
 * One per instrument and candle interval; O(1) per update; state is two numbers and the last result.
 *
 * <p>Feed it the candle's close and the open interest at the candle's close. An OI of 0 or less means "no OI on this
 * candle" (a {@code Candle} without OI carries 0): the candle gets no classification and the previous OI stays the
 * reference. Across a session boundary the first candle compares with the previous session's last one (an
 * overnight change); call {@link #reset()} at the session start if that is not wanted.
 */
public final class OiBuildUpTracker {
    private static final int FORMAT_VERSION = 1;

    private double previousPrice = Double.NaN;
    private double previousOi = Double.NaN;
    private OiBuildUp buildUp;
    private double priceChangePercent = Double.NaN;
    private double oiChangePercent = Double.NaN;

    /**
     * Takes one candle and returns its quadrant (also available as {@link #buildUp()}), or null when there is no
     * previous candle yet, the OI is unknown, the price did not move or the OI change is below
     * {@link OiBuildUp#MIN_OI_CHANGE_PERCENT}.
     */
    public OiBuildUp update(double close, long openInterest) {
        if (!(close > 0)) {
            throw new IllegalArgumentException("close must be a positive price, was " + close);
        }
        double oi = openInterest > 0 ? openInterest : Double.NaN;
        priceChangePercent = OiBuildUp.percentChange(previousPrice, close);
        oiChangePercent = OiBuildUp.percentChange(previousOi, oi);
        buildUp = OiBuildUp.classify(previousPrice, close, previousOi, oi);
        previousPrice = close;
        if (!Double.isNaN(oi)) {
            previousOi = oi;
        }
        return buildUp;
    }

    /** The last candle's quadrant, or null. */
    public OiBuildUp buildUp() {
        return buildUp;
    }

    /** The last candle's price change in percent, NaN if unknown. */
    public double priceChangePercent() {
        return priceChangePercent;
    }

    /** The last candle's OI change in percent, NaN if unknown. */
    public double oiChangePercent() {
        return oiChangePercent;
    }

    /** Forgets everything (e.g. at a session start). */
    public void reset() {
        previousPrice = Double.NaN;
        previousOi = Double.NaN;
        buildUp = null;
        priceChangePercent = Double.NaN;
        oiChangePercent = Double.NaN;
    }

    public OiBuildUpTracker copy() {
        OiBuildUpTracker c = new OiBuildUpTracker();
        c.previousPrice = previousPrice;
        c.previousOi = previousOi;
        c.buildUp = buildUp;
        c.priceChangePercent = priceChangePercent;
        c.oiChangePercent = oiChangePercent;
        return c;
    }

    /**
     * Format version 1: version byte, previous price, previous OI, build-up ordinal (−1 for none), the two changes.
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeDouble(previousPrice);
        out.writeDouble(previousOi);
        out.writeByte(buildUp == null ? -1 : buildUp.ordinal());
        out.writeDouble(priceChangePercent);
        out.writeDouble(oiChangePercent);
    }

    public static OiBuildUpTracker readFrom(DataInput in) throws IOException {
        Serde.checkVersion(in.readByte(), FORMAT_VERSION, "OiBuildUpTracker");
        OiBuildUpTracker t = new OiBuildUpTracker();
        t.previousPrice = in.readDouble();
        t.previousOi = in.readDouble();
        int ordinal = in.readByte();
        t.buildUp = ordinal < 0 ? null : OiBuildUp.values()[ordinal];
        t.priceChangePercent = in.readDouble();
        t.oiChangePercent = in.readDouble();
        return t;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OiBuildUpTracker)) {
            return false;
        }
        OiBuildUpTracker t = (OiBuildUpTracker) o;
        return Double.compare(previousPrice, t.previousPrice) == 0
                && Double.compare(previousOi, t.previousOi) == 0
                && buildUp == t.buildUp
                && Double.compare(priceChangePercent, t.priceChangePercent) == 0
                && Double.compare(oiChangePercent, t.oiChangePercent) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(previousPrice, previousOi, buildUp, priceChangePercent, oiChangePercent);
    }

    @Override
    public String toString() {
        return "OiBuildUpTracker[previousPrice=" + previousPrice + ", previousOi=" + previousOi
                + ", buildUp=" + buildUp + "]";
    }
}
