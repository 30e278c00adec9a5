/**
 * The project's own market simulator: deterministic, seeded sessions of ticks for the three indices and simulated
 * near-month futures. These are the data behind {@code ./tradesignal demo}, benchmarks and tests.
 *
 * <p>Nothing here is real market data, and nothing here is copied from it. Only a few summary numbers (volatility,
 * correlation, intraday shape) were measured on real one-minute candles to make a simulated day look like a real
 * one. Anything that shows these ticks must label them <em>simulated</em>. The futures
 * ({@code NIFTY-SIM-FUT}, ...) are invented contracts with simulator-owned tokens.
 *
 * <ul>
 *   <li>{@link com.tradesignal.sim.SimulatedInstrument}: the instrument set ({@code defaults()}, {@code synthetic(n)}
 *       for load tests).</li>
 *   <li>{@link com.tradesignal.sim.SimulatedSession}: one trading day of ticks, lazily, in exchange-time order.</li>
 *   <li>{@link com.tradesignal.sim.TickCsvWriter}: writes ticks in the replay CSV format.</li>
 * </ul>
 */
package com.tradesignal.sim;
