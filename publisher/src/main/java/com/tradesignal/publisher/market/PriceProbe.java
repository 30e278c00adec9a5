package com.tradesignal.publisher.market;

/**
 * Told of every price the board is offered, with {@link System#nanoTime()} at that moment: the hand-over from the job
 * to the publisher, for benchmarks that split a tick's latency into stages. It runs on the offering thread (the job's
 * sink), so it must be quick and never block.
 */
@FunctionalInterface
public interface PriceProbe {
    void onPriceOffered(PriceTick price, long offeredNanos);
}
