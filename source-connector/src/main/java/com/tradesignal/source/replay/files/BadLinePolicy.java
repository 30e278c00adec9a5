package com.tradesignal.source.replay.files;

/**
 * What to do with a malformed line in a tick file.
 *
 * <p>A malformed CSV header is never skippable: without it nothing in that file can be read, so it always fails.
 */
public enum BadLinePolicy {
    /** Stop with a {@link TickFormatException} at the first bad line: the safe default for backtests. */
    FAIL,
    /** Report the line to the {@link BadLineListener} and carry on: for large, slightly dirty recordings. */
    SKIP
}
