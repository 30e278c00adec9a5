package com.tradesignal.publisher.market;

/** What the numbers on the screen are, whatever the feed is doing: the label that keeps simulated data from looking live. */
public enum DataSource {
    /** Kite's own feed. */
    LIVE,
    /** Recorded ticks played back. */
    REPLAY,
    /** TradeSignal's own market simulator. */
    SIMULATED
}
