package com.tradesignal.signals;

/**
 * The four price/open-interest quadrants F&amp;O traders read from a future (or an option) between two candles.
 *
 * <table>
 *   <caption>quadrants</caption>
 *   <tr><th></th><th>OI up (new positions)</th><th>OI down (positions closed)</th></tr>
 *   <tr><th>price up</th><td>{@link #LONG_BUILDUP} (bullish)</td><td>{@link #SHORT_COVERING} (bullish)</td></tr>
 *   <tr><th>price down</th><td>{@link #SHORT_BUILDUP} (bearish)</td><td>{@link #LONG_UNWINDING} (bearish)</td></tr>
 * </table>
 *
 * <p>Thresholds: any non-zero price change counts (a one-tick move is a move); an OI change counts only when
 * {@code |ΔOI| ≥} {@link #MIN_OI_CHANGE_PERCENT} % of the previous OI, because the exchange revises OI in small
 * steps all day and a change of a few lots on a book of lakhs of contracts says nothing about positioning.
 */
public enum OiBuildUp {
    /** Price up, OI up: fresh longs. Bullish. */
    LONG_BUILDUP(Vote.BULLISH, "long build-up", "price up, OI up"),
    /** Price down, OI up: fresh shorts. Bearish. */
    SHORT_BUILDUP(Vote.BEARISH, "short build-up", "price down, OI up"),
    /** Price down, OI down: longs exiting. Bearish. */
    LONG_UNWINDING(Vote.BEARISH, "long unwinding", "price down, OI down"),
    /** Price up, OI down: shorts exiting. Bullish. */
    SHORT_COVERING(Vote.BULLISH, "short covering", "price up, OI down");

    /** An OI change smaller than this percentage of the previous OI is treated as no change. */
    public static final double MIN_OI_CHANGE_PERCENT = 0.01;

    private final Vote vote;
    private final String label;
    private final String meaning;

    OiBuildUp(Vote vote, String label, String meaning) {
        this.vote = vote;
        this.label = label;
        this.meaning = meaning;
    }

    /** BULLISH for long build-up and short covering, BEARISH for short build-up and long unwinding. */
    public Vote vote() {
        return vote;
    }

    /** For people: {@code long build-up}, {@code short covering}, ... */
    public String label() {
        return label;
    }

    /** {@code price up, OI up} and so on. */
    public String meaning() {
        return meaning;
    }

    /**
     * The quadrant of a price change and an OI change (any units; only the signs matter). Null when either change
     * is zero or NaN: no move, no quadrant. No threshold is applied here; see
     * {@link #classify(double, double, double, double)}.
     */
    public static OiBuildUp classify(double priceChange, double oiChange) {
        if (Double.isNaN(priceChange) || Double.isNaN(oiChange) || priceChange == 0 || oiChange == 0) {
            return null;
        }
        if (priceChange > 0) {
            return oiChange > 0 ? LONG_BUILDUP : SHORT_COVERING;
        }
        return oiChange > 0 ? SHORT_BUILDUP : LONG_UNWINDING;
    }

    /**
     * The quadrant between two candles, with the OI threshold: null when a value is NaN or not positive, when the
     * price did not change, or when {@code |ΔOI|/previousOi < } {@link #MIN_OI_CHANGE_PERCENT} %.
     */
    public static OiBuildUp classify(double previousPrice, double price, double previousOi, double oi) {
        double oiChangePercent = percentChange(previousOi, oi);
        if (Double.isNaN(oiChangePercent) || Math.abs(oiChangePercent) < MIN_OI_CHANGE_PERCENT) {
            return null;
        }
        return classify(percentChange(previousPrice, price), oiChangePercent);
    }

    /** {@code 100·(now − before)/before}; NaN unless both are positive numbers. */
    static double percentChange(double before, double now) {
        if (!(before > 0) || !(now > 0)) {
            return Double.NaN;
        }
        return 100.0 * (now - before) / before;
    }
}
