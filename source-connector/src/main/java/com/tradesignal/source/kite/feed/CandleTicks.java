package com.tradesignal.source.kite.feed;

import com.tradesignal.kite.rest.HistoricalCandle;
import com.tradesignal.tick.Tick;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one-minute historical candles back into ticks, so a gap's minutes go through the same minute-bar folder and
 * candle builder as live ticks: open at second 0, then the extreme the candle probably reached first (the low for an
 * up candle, the high for a down one) at 15, the other at 30, the close at 45. The minute's OHLC is exact; the path
 * within it is a guess, which no one-minute indicator depends on. Cumulative day volume continues from the last known
 * value, rising by the candle's volume at the close, so the candle builder's volume (the rise of cumulative volume)
 * equals the candle's.
 */
public final class CandleTicks {
    private CandleTicks() {
    }

    /**
     * @param cumulativeVolumeBefore the token's cumulative day volume before the first candle (0 if unknown)
     * @param withVolume whether the instrument trades (futures) rather than being an index (no volume, no OI)
     */
    public static List<Tick> of(long token, List<HistoricalCandle> candles, long cumulativeVolumeBefore, boolean withVolume) {
        List<Tick> out = new ArrayList<>(candles.size() * 4);
        long cumulative = cumulativeVolumeBefore;
        for (HistoricalCandle c : candles) {
            boolean up = c.close() >= c.open();
            double[] path = {c.open(), up ? c.low() : c.high(), up ? c.high() : c.low(), c.close()};
            for (int i = 0; i < 4; i++) {
                long at = c.startMillis() + i * 15_000L;
                Tick.Builder b = Tick.builder(token, at, path[i]);
                if (withVolume) {
                    if (i == 3) {
                        cumulative += Math.max(0, c.volume());
                    }
                    b.volume(cumulative);
                    if (c.openInterest() >= 0) {
                        b.openInterest(c.openInterest());
                    }
                }
                out.add(b.build());
            }
        }
        return out;
    }
}
