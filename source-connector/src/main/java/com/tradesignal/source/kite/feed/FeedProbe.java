package com.tradesignal.source.kite.feed;

import com.tradesignal.tick.Tick;

/**
 * A process-wide hook for benchmarks: told of every tick a {@link KiteFeed} has decoded, with {@link System#nanoTime()}
 * at that moment, before the tick is queued for the Flink reader. {@link Tick#receivedAt} is in milliseconds, too
 * coarse to split a latency of a few milliseconds into stages; this gives the same moment at the JVM's finest
 * resolution.
 *
 * <p>It is static because the feeds are built inside Flink's source readers from serialised options, out of reach of
 * whoever starts the job; it only sees feeds in the same JVM (an embedded MiniCluster). With nothing installed the
 * cost is one volatile read per frame. A listener runs on the socket's thread: it must be quick and never block.
 */
public final class FeedProbe {

    /** What a benchmark installs. */
    @FunctionalInterface
    public interface Listener {
        void onTickDecoded(Tick tick, long decodedNanos);
    }

    private static volatile Listener listener;

    private FeedProbe() {
    }

    /** Installs {@code l} (null removes it); one at a time: a later call replaces an earlier one. */
    public static void install(Listener l) {
        listener = l;
    }

    static Listener current() {
        return listener;
    }
}
