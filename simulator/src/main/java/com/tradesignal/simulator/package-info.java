/**
 * The Kite-protocol simulator behind {@code ./tradesignal simulate} and the live source's tests: a local server that
 * speaks Kite's binary WebSocket ticker and the REST endpoints TradeSignal uses, serving a generated market (always
 * labelled SIMULATED) with fault injection.
 *
 * <ul>
 *   <li>{@link com.tradesignal.simulator.KiteSimulator}: the server, its builder and {@code main};
 *       {@link com.tradesignal.simulator.SimulatorOptions} its command line;</li>
 *   <li>{@code TickerFeed}/{@code TickerConnection}: the ticker (403 before the upgrade, subscriptions, frames,
 *       heartbeats, drop/silence/malformed faults); {@code MalformedFrames} the broken frames;</li>
 *   <li>{@code KiteRestRoutes}/{@code SessionTokens}: login, session exchange, instruments, historical candles;</li>
 *   <li>{@code SimulatedMarket}: the day's market: {@code ServedInstruments} (what is listed),
 *       {@link com.tradesignal.sim.SimulatedSession} (indices and futures), {@code OptionMarket}/{@code OptionPricing}
 *       (option chains), {@code ReplayedCandles} (recorded index days), {@code MinuteHistory} (candles of what was
 *       streamed).</li>
 * </ul>
 */
package com.tradesignal.simulator;
