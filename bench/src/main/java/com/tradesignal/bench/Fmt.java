package com.tradesignal.bench;

import java.util.Locale;

/** Number formats for the report. */
public final class Fmt {
    private Fmt() {}

    /** 1,234,567 */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 1,234,567 (rounded) */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** 0.42× */
    public static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    /** milliseconds with enough digits for sub-millisecond values: 0.183, 4.21, 37.5 */
    public static String millis(double ms) {
        if (ms < 1) return String.format(Locale.ROOT, "%.3f", ms);
        if (ms < 10) return String.format(Locale.ROOT, "%.2f", ms);
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    /** 12.3 MiB, 845 KiB, 512 B */
    public static String bytes(long b) {
        if (b >= 1L << 30) return String.format(Locale.ROOT, "%.2f GiB", b / (double) (1L << 30));
        if (b >= 1L << 20) return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        if (b >= 1L << 10) return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        return b + " B";
    }
}
