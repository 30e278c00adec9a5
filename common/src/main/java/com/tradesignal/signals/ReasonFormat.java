package com.tradesignal.signals;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for vote reasons: {@code 18,812.5}, {@code +0.12%}, {@code 2.4x}. Locale-independent. */
final class ReasonFormat {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private ReasonFormat() {
    }

    /** A price with thousands separators and up to 2 decimals: {@code 18,812.5}, {@code 25,000}. */
    static String price(double v) {
        return new DecimalFormat("#,##0.##", SYMBOLS).format(v);
    }

    /** A plain number with up to 2 decimals: {@code 65.3}, {@code 60}. */
    static String number(double v) {
        return new DecimalFormat("0.##", SYMBOLS).format(v);
    }

    /** A signed percentage with 2 decimals: {@code +0.12%}, {@code -0.05%}. */
    static String percent(double v) {
        return String.format(Locale.ROOT, "%+.2f%%", noNegativeZero(v));
    }

    /** A signed number with 2 decimals: {@code +0.35}. */
    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.2f", noNegativeZero(v));
    }

    /** Rounds to 2 decimals and turns {@code -0.00} into {@code 0.00}, so a tiny negative prints as {@code +0.00}. */
    private static double noNegativeZero(double v) {
        double rounded = Math.round(v * 100.0) / 100.0;
        return rounded == 0 ? 0.0 : rounded;
    }

    /** A ratio with 2 decimals: {@code 1.35}. */
    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A multiple with 1 decimal: {@code 2.4x}. */
    static String times(double v) {
        return String.format(Locale.ROOT, "%.1fx", v);
    }

    /** {@code 100·(value − reference)/reference}. */
    static double percentFrom(double reference, double value) {
        return 100.0 * (value - reference) / reference;
    }
}
