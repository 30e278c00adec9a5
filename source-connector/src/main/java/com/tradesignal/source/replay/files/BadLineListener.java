package com.tradesignal.source.replay.files;

/**
 * Told about each line that {@link BadLinePolicy#SKIP} skipped, so the caller can count and log them instead of
 * losing data silently. Called on the reading thread; keep it cheap.
 */
@FunctionalInterface
public interface BadLineListener {
    /** A listener that ignores skipped lines. */
    BadLineListener IGNORE = problem -> { };

    void skipped(TickFormatException problem);
}
