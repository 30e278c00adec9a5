/**
 * The per-underlying analyses and the 13-signal verdict. No Flink here.
 *
 * <p>For each underlying (NIFTY, BANKNIFTY, SENSEX) and candle interval the job assembles a {@link
 * com.tradesignal.signals.MarketSnapshot} on every closed index candle, asks {@link
 * com.tradesignal.signals.SignalEngine#evaluate} for 13 {@link com.tradesignal.signals.SignalVote}s, tallies them with
 * {@link com.tradesignal.signals.Verdict#of} and writes both with {@link com.tradesignal.signals.SignalsJson}.
 * The stateful inputs that are not plain indicators live here too, each mutable with O(1) updates, bounded state and
 * {@code writeTo}/{@code readFrom}/{@code copy} for checkpointing: {@link com.tradesignal.signals.VolumeAnalysis}
 * (future's volume vs its rolling average), {@link com.tradesignal.signals.OiBuildUpTracker} (future's price/OI
 * quadrant) and {@link com.tradesignal.signals.PutCallRatio} (ATM-centred PCR of the nearest expiry).
 *
 * <p>Rules, thresholds and the JSON shape: {@code docs/signals-parts/votes.md}.
 */
package com.tradesignal.signals;
