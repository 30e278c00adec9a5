package com.tradesignal.source.kite.split;

import org.apache.flink.api.connector.source.SourceSplit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One live connection's share of the feed: the underlyings whose index, near-month future and option window it
 * subscribes, plus explicitly configured extra tokens. Kite allows 3000 instruments per connection and 3 connections
 * per API key, so a job has at most three of these.
 *
 * <p>A split names underlyings, not tokens: the tokens are resolved from each day's instrument dump by the reader,
 * so the near-month future rolls after expiry without the split changing. Because a split owns whole instruments,
 * the minute-bar folder chained to the source sees all of an instrument's ticks.
 *
 * <p>The resume fields are the checkpointed position: the last exchange time emitted and each token's last
 * cumulative day volume. After a restore the reader reports and backfills the gap since then, and backfilled
 * candles continue the cumulative volume where the live ticks left it.
 *
 * @param splitId stable id, also the feed's name in status files and metrics ({@code kite-0}, ...)
 * @param underlyings derivative names, e.g. NIFTY, BANKNIFTY, SENSEX
 * @param extraTokens further instrument tokens to subscribe as they are
 * @param lastExchangeTime the last exchange time emitted from this split, or {@link #NO_TIME}
 * @param lastCumulativeVolume last cumulative day volume per token (tokens with volume only)
 */
public record KiteSplit(String splitId, List<String> underlyings, List<Long> extraTokens, long lastExchangeTime,
                        Map<Long, Long> lastCumulativeVolume) implements SourceSplit {

    public static final long NO_TIME = com.tradesignal.source.kite.feed.FeedResume.NONE;

    public KiteSplit {
        Objects.requireNonNull(splitId, "splitId");
        underlyings = List.copyOf(underlyings);
        extraTokens = List.copyOf(extraTokens);
        lastCumulativeVolume = Map.copyOf(lastCumulativeVolume);
    }

    /** A split that has emitted nothing yet. */
    public static KiteSplit fresh(String splitId, List<String> underlyings, List<Long> extraTokens) {
        return new KiteSplit(splitId, underlyings, extraTokens, NO_TIME, Map.of());
    }

    @Override
    public String splitId() {
        return splitId;
    }

    public boolean hasResumePoint() {
        return lastExchangeTime != NO_TIME;
    }
}
