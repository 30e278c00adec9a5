package com.tradesignal.source.kite.feed;

import com.tradesignal.tick.Tick;

/** What a {@link KiteFeed} hands to its reader. */
public sealed interface FeedEvent {

    /** A tick from the socket, or rebuilt from a historical minute candle to fill a gap ({@code backfilled}). */
    record TickEvent(Tick tick, boolean backfilled) implements FeedEvent {
    }

    /**
     * The feed closed for the day (or was stopped) at this market time: the watermark may advance to it, so the
     * session's last candles close although no tick will come after them.
     */
    record MarketClosed(long marketMillis) implements FeedEvent {
    }
}
