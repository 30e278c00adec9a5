package com.tradesignal.source.kite.split;

import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;

import java.util.HashMap;
import java.util.Map;

/**
 * The mutable resume position of a {@link KiteSplit} while its reader runs: updated for every emitted tick (two
 * field writes and, for instruments with volume, one map put), turned back into a split at each checkpoint.
 */
public final class KiteSplitState {
    private final KiteSplit split;
    private long lastExchangeTime;
    private final Map<Long, Long> lastCumulativeVolume;

    public KiteSplitState(KiteSplit split) {
        this.split = split;
        this.lastExchangeTime = split.lastExchangeTime();
        this.lastCumulativeVolume = new HashMap<>(split.lastCumulativeVolume());
    }

    public void observe(Tick tick) {
        if (lastExchangeTime != KiteSplit.NO_TIME
                && MarketTime.istEpochDay(tick.exchangeTime) != MarketTime.istEpochDay(lastExchangeTime)) {
            // Cumulative day volume starts from zero each session.
            lastCumulativeVolume.clear();
        }
        if (tick.exchangeTime > lastExchangeTime) {
            lastExchangeTime = tick.exchangeTime;
        }
        if (tick.volume > 0) {
            lastCumulativeVolume.put(tick.token, tick.volume);
        }
    }

    public KiteSplit toSplit() {
        return new KiteSplit(split.splitId(), split.underlyings(), split.extraTokens(), lastExchangeTime,
                lastCumulativeVolume);
    }

    public String splitId() {
        return split.splitId();
    }

    public long lastExchangeTime() {
        return lastExchangeTime;
    }
}
