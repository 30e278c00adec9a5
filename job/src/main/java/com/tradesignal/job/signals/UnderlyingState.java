package com.tradesignal.job.signals;

import com.tradesignal.candle.CandleInterval;
import com.tradesignal.signals.OiBuildUpTracker;
import com.tradesignal.signals.PutCallRatio;
import com.tradesignal.signals.VolumeAnalysis;

/**
 * What the signal engine keeps per underlying: the near-month future's latest row, volume and OI trackers per interval,
 * and the option chain's open interest for the PCR. Bounded: the chain
 * is one expiry. (Rows waiting for the watermark are kept beside it, in a map by due time.)
 */
public final class UnderlyingState {
    static final int INTERVALS = CandleInterval.values().length;

    /** The future contract the trackers below follow; they restart when the near-month contract rolls. */
    long futureToken = -1;
    final SignalRow[] futureRows = new SignalRow[INTERVALS];
    final VolumeAnalysis[] volume = new VolumeAnalysis[INTERVALS];
    final OiBuildUpTracker[] openInterest = new OiBuildUpTracker[INTERVALS];
    long optionExpiry = -1;
    PutCallRatio chain;

    UnderlyingState() {
        for (int i = 0; i < INTERVALS; i++) {
            volume[i] = new VolumeAnalysis(VolumeAnalysis.DEFAULT_WINDOW);
            openInterest[i] = new OiBuildUpTracker();
        }
    }

    void followFuture(long token) {
        if (token != futureToken) {
            futureToken = token;
            for (int i = 0; i < INTERVALS; i++) {
                futureRows[i] = null;
                volume[i].reset();
                openInterest[i].reset();
            }
        }
    }

    UnderlyingState copy() {
        UnderlyingState s = new UnderlyingState();
        s.futureToken = futureToken;
        for (int i = 0; i < INTERVALS; i++) {
            s.futureRows[i] = futureRows[i] == null ? null : futureRows[i].copy();
            s.volume[i] = volume[i].copy();
            s.openInterest[i] = openInterest[i].copy();
        }
        s.optionExpiry = optionExpiry;
        s.chain = chain == null ? null : chain.copy();
        return s;
    }
}
