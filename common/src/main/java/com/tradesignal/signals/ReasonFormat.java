package com.tradesignal.signals;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for vote reasons: {@code 18,812.5}, {@code +0.12%}, {@code 2.4x}. Locale-independent. */
final class ReasonFormat {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
    // One per thread, built once: parsing the pattern cost more than formatting, and the votes are formatted for
    // every index candle. DecimalFormat is not thread-safe, hence per thread.
    private static final ThreadLocal<DecimalFormat> PRICE = ThreadLocal.withInitial(() -> new DecimalFormat("#,##0.##", SYMBOLS));
    private static final ThreadLocal<DecimalFormat> NUMBER = ThreadLocal.withInitial(() -> new DecimalFormat("0.##", SYMBOLS));

    private ReasonFormat() {
    }

    /** A price with thousands separators and up to 2 decimals: {@code 18,812.5}, {@code 25,000}. */
    static String price(double v) {
        return PRICE.get().format(v);
    }

    /** A plain number with up to 2 decimals: {@code 65.3}, {@code 60}. */
    static String number(double v) {
        return NUMBER.get().format(v);
    }

    /** A signed percentage with 2 decimals: {@code +0.12%}, {@code -0.05%}. */
    static String percent(double v) {
        return signedFixed(noNegativeZero(v), 2) + "%";
    }

    /** A signed number with 2 decimals: {@code +0.35}. */
    static String signed(double v) {
        return signedFixed(noNegativeZero(v), 2);
    }

    /** Rounds to 2 decimals and turns {@code -0.00} into {@code 0.00}, so a tiny negative prints as {@code +0.00}. */
    private static double noNegativeZero(double v) {
        double rounded = Math.round(v * 100.0) / 100.0;
        return rounded == 0 ? 0.0 : rounded;
    }

    /** A ratio with 2 decimals: {@code 1.35}. */
    static String ratio(double v) {
        return fixed(v, 2);
    }

    /** A multiple with 1 decimal: {@code 2.4x}. */
    static String times(double v) {
        return fixed(v, 1) + "x";
    }

    /**
     * What {@code String.format(Locale.ROOT, "%.Nf", v)} prints, without a Formatter (which parses its pattern and
     * builds locale symbols on every call, and the votes are formatted for every index candle): the shortest decimal
     * digits of the double (as {@link Double#toString}), rounded half-up to {@code decimals}, which is the rule
     * Formatter applies. NaN and infinities print as Formatter prints them.
     */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        String digits = new java.math.BigDecimal(Double.toString(v)).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
        if ((v < 0 || (v == 0 && 1 / v < 0)) && !digits.startsWith("-")) {
            return "-" + digits; // Formatter keeps the sign of -0.0 and of a negative that rounds to zero
        }
        return digits;
    }

    /** {@code String.format(Locale.ROOT, "%+.Nf", v)}. */
    static String signedFixed(double v, int decimals) {
        String s = fixed(v, decimals);
        return s.startsWith("-") || Double.isNaN(v) ? s : "+" + s;
    }

    /** {@code 100·(value − reference)/reference}. */
    static double percentFrom(double reference, double value) {
        return 100.0 * (value - reference) / reference;
    }
}
