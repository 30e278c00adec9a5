package com.tradesignal.signals;

import java.util.Locale;

/** One signal's opinion about the next move of an underlying. */
public enum Vote {
    BULLISH,
    BEARISH,
    NEUTRAL;

    /** As written in JSON: {@code bullish}, {@code bearish}, {@code neutral}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** +1 bullish, −1 bearish, 0 neutral. */
    public int sign() {
        return this == BULLISH ? 1 : this == BEARISH ? -1 : 0;
    }

    /** BULLISH for a positive sign, BEARISH for a negative one, NEUTRAL for 0. */
    public static Vote ofSign(int sign) {
        return sign > 0 ? BULLISH : sign < 0 ? BEARISH : NEUTRAL;
    }

    /** The inverse of {@link #label()}, case-insensitive. */
    public static Vote fromLabel(String label) {
        for (Vote v : values()) {
            if (v.label().equalsIgnoreCase(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown vote '" + label + "' (expected bullish, bearish or neutral)");
    }
}
