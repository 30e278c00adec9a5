package com.tradesignal.indicators;

import java.util.Locale;

/**
 * Classifies a closed candle by its body and wicks (and, for engulfing, the previous candle's body). Stateless.
 *
 * <p>Definitions, with O, H, L, C the candle and O′, C′ the previous candle's open and close:
 * range = H − L; body = |C − O|; upper wick = H − max(O, C); lower wick = min(O, C) − L.
 *
 * <p>Rules, tested in this order (the first that matches wins):
 * <ol>
 *   <li>Any of O, H, L, C not finite → {@link Intent#NEUTRAL}.</li>
 *   <li>range ≤ 0 (H == L: a single price, zero body) → {@link Intent#INDECISION}.</li>
 *   <li>{@link Intent#BULLISH_ENGULFING}: previous candle bearish (C′ &lt; O′), this one bullish (C &gt; O), and its body
 *       covers the previous body: O ≤ C′ and C ≥ O′, with at least one of the two strict (TA-Lib's CDLENGULFING
 *       rule). {@link Intent#BEARISH_ENGULFING} mirrored: C′ &gt; O′, C &lt; O, O ≥ C′, C ≤ O′, one strict.
 *       Skipped when O′ or C′ is NaN (no previous candle) or the previous body is zero.</li>
 *   <li>{@link Intent#STRONG_BULL}: C &gt; O, body ≥ 70 % of range and upper wick ≤ 10 % of range (close at the top);
 *       {@link Intent#STRONG_BEAR}: C &lt; O, body ≥ 70 % of range, lower wick ≤ 10 % of range (marubozu-like).</li>
 *   <li>{@link Intent#BULLISH_REJECTION} (hammer, dragonfly doji; the colour does not matter): lower wick ≥ 2 × body,
 *       lower wick ≥ 2 × upper wick and lower wick ≥ 50 % of range. {@link Intent#BEARISH_REJECTION} (shooting star,
 *       inverted hammer shape, gravestone doji) mirrored with the upper wick. The shape alone decides: an inverted
 *       hammer after a fall, which some read as bullish, is classified as a bearish (upper-wick) rejection.</li>
 *   <li>{@link Intent#INDECISION} (doji, spinning top, long-legged doji): body ≤ 10 % of range.</li>
 *   <li>{@link Intent#NEUTRAL} otherwise.</li>
 * </ol>
 * Percent comparisons allow a relative slack of 1e-9 of the range so that exact textbook shapes built from decimal
 * prices are not lost to rounding. Strong and rejection candles cannot overlap (body ≥ 70 % leaves wicks ≤ 30 %);
 * rejection is tested before indecision so a dragonfly/gravestone doji reads as a rejection, a doji with balanced
 * wicks as indecision.
 */
public final class CandleIntent {
    /** Body share of the range for a strong candle. */
    public static final double STRONG_BODY = 0.70;
    /** Maximum close-side wick share of the range for a strong candle. */
    public static final double STRONG_CLOSE_WICK = 0.10;
    /** Rejection wick must be at least this many bodies long ... */
    public static final double REJECTION_WICK_TO_BODY = 2.0;
    /** ... at least this many times the opposite wick ... */
    public static final double REJECTION_WICK_TO_OTHER_WICK = 2.0;
    /** ... and at least this share of the range. */
    public static final double REJECTION_WICK_SHARE = 0.50;
    /** Maximum body share of the range for indecision. */
    public static final double INDECISION_BODY = 0.10;
    private static final double SLACK = 1e-9;

    private CandleIntent() {
    }

    /** The intent of a closed candle, with its direction and a one-line description. */
    public enum Intent {
        STRONG_BULL(1, "strong bullish candle: large body closing near the high"),
        STRONG_BEAR(-1, "strong bearish candle: large body closing near the low"),
        BULLISH_REJECTION(1, "bullish rejection: long lower wick, sellers pushed back (hammer-like)"),
        BEARISH_REJECTION(-1, "bearish rejection: long upper wick, buyers pushed back (shooting-star-like)"),
        INDECISION(0, "indecision: tiny body relative to range (doji / spinning top)"),
        BULLISH_ENGULFING(1, "bullish engulfing: bullish body engulfs the previous bearish body"),
        BEARISH_ENGULFING(-1, "bearish engulfing: bearish body engulfs the previous bullish body"),
        NEUTRAL(0, "neutral: no clear intent");

        private final int direction;
        private final String description;

        Intent(int direction, String description) {
            this.direction = direction;
            this.description = description;
        }

        /** +1 bullish, −1 bearish, 0 neither. */
        public int direction() { return direction; }

        /** One human-readable line. */
        public String description() { return description; }

        /** The name in lower case with spaces, e.g. {@code "bullish engulfing"}, {@code "strong bull"}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * Classifies the candle O, H, L, C; {@code prevOpen}/{@code prevClose} are the previous candle's (NaN when there
     * is none, which disables the engulfing rules). See the class comment for the rules.
     */
    public static Intent classify(double prevOpen, double prevClose, double open, double high, double low,
                                  double close) {
        if (!Double.isFinite(open) || !Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            return Intent.NEUTRAL;
        }
        double range = high - low;
        if (!(range > 0)) {
            return Intent.INDECISION;
        }
        double slack = SLACK * range;
        double body = Math.abs(close - open);
        double upperWick = high - Math.max(open, close);
        double lowerWick = Math.min(open, close) - low;

        if (Double.isFinite(prevOpen) && Double.isFinite(prevClose)) {
            if (prevClose < prevOpen && close > open && open <= prevClose && close >= prevOpen
                    && (open < prevClose || close > prevOpen)) {
                return Intent.BULLISH_ENGULFING;
            }
            if (prevClose > prevOpen && close < open && open >= prevClose && close <= prevOpen
                    && (open > prevClose || close < prevOpen)) {
                return Intent.BEARISH_ENGULFING;
            }
        }

        if (body >= STRONG_BODY * range - slack) {
            if (close > open && upperWick <= STRONG_CLOSE_WICK * range + slack) {
                return Intent.STRONG_BULL;
            }
            if (close < open && lowerWick <= STRONG_CLOSE_WICK * range + slack) {
                return Intent.STRONG_BEAR;
            }
        }

        if (lowerWick >= REJECTION_WICK_TO_BODY * body - slack
                && lowerWick >= REJECTION_WICK_TO_OTHER_WICK * upperWick - slack
                && lowerWick >= REJECTION_WICK_SHARE * range - slack) {
            return Intent.BULLISH_REJECTION;
        }
        if (upperWick >= REJECTION_WICK_TO_BODY * body - slack
                && upperWick >= REJECTION_WICK_TO_OTHER_WICK * lowerWick - slack
                && upperWick >= REJECTION_WICK_SHARE * range - slack) {
            return Intent.BEARISH_REJECTION;
        }

        if (body <= INDECISION_BODY * range + slack) {
            return Intent.INDECISION;
        }
        return Intent.NEUTRAL;
    }

    /** {@link #classify} without a previous candle (no engulfing). */
    public static Intent classify(double open, double high, double low, double close) {
        return classify(Double.NaN, Double.NaN, open, high, low, close);
    }
}
