package com.tradesignal.source.kite.split;

import com.tradesignal.source.kite.feed.FeedResume;
import com.tradesignal.source.kite.feed.ResumePosition;
import com.tradesignal.tick.Tick;

/**
 * The mutable resume position of a {@link KiteSplit} while its reader runs: updated for every emitted tick (two
 * field writes and, for instruments with volume, one map put), turned back into a split at each checkpoint.
 */
public final class KiteSplitState {
    private final KiteSplit split;
    private final ResumePosition position;

    public KiteSplitState(KiteSplit split) {
        this.split = split;
        this.position = new ResumePosition(new FeedResume(split.lastExchangeTime(), split.lastCumulativeVolume()));
    }

    public void observe(Tick tick) {
        position.observe(tick);
    }

    public KiteSplit toSplit() {
        FeedResume at = position.snapshot();
        return new KiteSplit(split.splitId(), split.underlyings(), split.extraTokens(), at.lastExchangeTime(),
                at.lastCumulativeVolume());
    }

    public String splitId() {
        return split.splitId();
    }

    public long lastExchangeTime() {
        return position.lastExchangeTime();
    }
}
