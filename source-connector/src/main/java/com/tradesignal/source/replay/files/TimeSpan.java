package com.tradesignal.source.replay.files;

/**
 * The earliest and latest tick timestamps (epoch millis) found in a set of tick files, for progress display.
 * Either bound is null when it could not be determined; it is a best-effort estimate, not a guarantee.
 */
public record TimeSpan(Long earliest, Long latest) {
    public static final TimeSpan UNKNOWN = new TimeSpan(null, null);
}
