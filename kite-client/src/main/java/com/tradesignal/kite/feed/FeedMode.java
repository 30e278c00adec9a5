package com.tradesignal.kite.feed;

/** Where the feed's data comes from, so no screen ever shows simulated prices as live. */
public enum FeedMode {
    /** Kite's own servers. */
    LIVE,
    /** A simulator (TradeSignal's own, or any endpoint that is not Kite's). */
    SIMULATED
}
