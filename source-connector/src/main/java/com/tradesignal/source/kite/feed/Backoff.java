package com.tradesignal.source.kite.feed;

import java.time.Duration;
import java.util.Random;

/**
 * Reconnect delays: exponential (initial · 2^attempt, capped) with full jitter (a uniform draw below that), so many
 * clients dropped at once by the same outage do not all come back in the same instant. A successful connection that
 * delivered data resets it.
 */
public final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private final Random random;
    private int attempt;

    public Backoff(Duration initial, Duration max, Random random) {
        this.initialMs = Math.max(1, initial.toMillis());
        this.maxMs = Math.max(initialMs, max.toMillis());
        this.random = random;
    }

    /** The ceiling of the next delay, before jitter. */
    public long ceilingMs() {
        long ceiling = initialMs << Math.min(attempt, 30);
        return ceiling <= 0 || ceiling > maxMs ? maxMs : ceiling;
    }

    /** The delay before the next attempt, in [initial/2, ceiling]; counts the attempt. */
    public long nextDelayMs() {
        long ceiling = ceilingMs();
        attempt++;
        long floor = Math.min(initialMs / 2, ceiling);
        return floor + (long) (random.nextDouble() * (ceiling - floor + 1));
    }

    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
