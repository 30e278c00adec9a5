package com.tradesignal.job.candles;

import com.tradesignal.job.bars.MinuteBar;

import java.util.TreeMap;

/**
 * Everything the candle builder keeps for one instrument (public so that callers of {@link CandleEngine} outside
 * Flink can hold it; its contents stay private to the package). Bounded: minute bars wait here only until the watermark
 * passes them, and there is at most one open candle per multi-minute interval.
 */
public final class CandleBuilderState {
    static final long UNKNOWN = Long.MIN_VALUE;

    /** The tradingsymbol the ticks carried, if any. */
    String symbol;
    /** IST epoch day that {@link #baselineVolume} and {@link #preOpenPrice} belong to. */
    long day = UNKNOWN;
    /** Cumulative day volume already attributed to candles (or to the pre-open); UNKNOWN before the day's first bar. */
    long baselineVolume = UNKNOWN;
    /** The pre-open auction's price for {@link #day}, NaN if it did not print. */
    double preOpenPrice = Double.NaN;
    /** Minute bars waiting for the watermark, by minute start. */
    final TreeMap<Long, MinuteBar> pending = new TreeMap<>();
    /** Open 3m, 5m and 15m candles, indexed like {@link CandleEngine#AGGREGATES}; null where none is open. */
    final OpenCandle[] open = new OpenCandle[CandleEngine.AGGREGATES.length];

    boolean isIdle() {
        if (!pending.isEmpty()) return false;
        for (OpenCandle c : open) {
            if (c != null) return false;
        }
        return true;
    }

    CandleBuilderState copy() {
        CandleBuilderState s = new CandleBuilderState();
        s.symbol = symbol;
        s.day = day;
        s.baselineVolume = baselineVolume;
        s.preOpenPrice = preOpenPrice;
        pending.forEach((k, v) -> s.pending.put(k, v.copy()));
        for (int i = 0; i < open.length; i++) {
            s.open[i] = open[i] == null ? null : open[i].copy();
        }
        return s;
    }
}
