package com.tradesignal.publisher.market;

/**
 * The last traded price of an underlying's index or of its near-month future, as the job's sink hands it over: one
 * per tick, latest value wins.
 *
 * @param underlying    NIFTY, BANKNIFTY or SENSEX
 * @param kind          the index itself, or the future that stands in for its volume
 * @param previousClose the previous session's close (Kite's {@code close} field), NaN when the tick has none
 * @param exchangeTime  the exchange timestamp, epoch millis
 * @param receivedWall  wall-clock millis when the source took the tick off the feed; what tick-to-publish latency is measured from
 */
public record PriceTick(String underlying, Kind kind, String symbol, long token, double lastPrice, double previousClose,
                        long exchangeTime, long receivedWall) {

    public enum Kind { INDEX, FUTURE }

    /** Prices of the same underlying and kind replace each other in the inbox. */
    String conflationKey() {
        return underlying + (kind == Kind.INDEX ? "/index" : "/future");
    }
}
