package com.tradesignal.source.kite.feed;

import com.tradesignal.instrument.TokenMap;
import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;


/**
 * Where a feed's output stands: the latest exchange time seen and each token's latest cumulative day volume, which
 * starts again from zero on a new IST day. The feed keeps one to measure gaps and continue volumes in backfill; the
 * reader's split state keeps one per split for checkpoints (it advances on the task thread, as records are emitted).
 * Per tick it costs a comparison and, for instruments with volume, one map put.
 */
public final class ResumePosition {
    private long lastExchangeTime;
    /** Per tick, so a primitive-keyed map (see TokenMap). */
    private final TokenMap<Long> cumulativeVolumes;

    public ResumePosition(FeedResume from) {
        this.lastExchangeTime = from.lastExchangeTime();
        this.cumulativeVolumes = TokenMap.of(from.lastCumulativeVolume());
    }

    public void observe(Tick t) {
        if (lastExchangeTime == FeedResume.NONE || t.exchangeTime > lastExchangeTime) {
            if (lastExchangeTime != FeedResume.NONE
                    && MarketTime.istEpochDay(t.exchangeTime) != MarketTime.istEpochDay(lastExchangeTime)) {
                cumulativeVolumes.clear();
            }
            lastExchangeTime = t.exchangeTime;
        }
        if (t.volume > 0) {
            cumulativeVolumes.put(t.token, t.volume);
        }
    }

    /** The latest exchange time seen, or {@link FeedResume#NONE}. */
    public long lastExchangeTime() {
        return lastExchangeTime;
    }

    public boolean hasTime() {
        return lastExchangeTime != FeedResume.NONE;
    }

    /** The token's latest cumulative day volume, 0 if unknown. */
    public long cumulativeVolume(long token) {
        return cumulativeVolumes.getOrDefault(token, 0L);
    }

    public FeedResume snapshot() {
        return new FeedResume(lastExchangeTime, cumulativeVolumes.toMap());
    }
}
