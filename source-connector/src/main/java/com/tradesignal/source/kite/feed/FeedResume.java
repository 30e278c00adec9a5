package com.tradesignal.source.kite.feed;

import java.util.Map;

/**
 * Where a feed left off, from the checkpoint: the last exchange time it emitted and each token's last cumulative day
 * volume. A feed restarted inside the same session reports the gap since then and backfills it.
 */
public record FeedResume(long lastExchangeTime, Map<Long, Long> lastCumulativeVolume) {
    public static final long NONE = Long.MIN_VALUE;

    public FeedResume {
        lastCumulativeVolume = Map.copyOf(lastCumulativeVolume);
    }

    public static FeedResume fresh() {
        return new FeedResume(NONE, Map.of());
    }

    public static FeedResume of(long lastExchangeTime, Map<Long, Long> volumes) {
        return new FeedResume(lastExchangeTime, volumes);
    }
}
