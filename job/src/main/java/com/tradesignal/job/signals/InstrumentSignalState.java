package com.tradesignal.job.signals;

import com.tradesignal.candle.CandleInterval;
import com.tradesignal.indicators.OpeningRange;
import com.tradesignal.indicators.PivotLevels;
import com.tradesignal.indicators.SessionHighLowClose;
import com.tradesignal.indicators.SessionVwap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Everything the signal engine keeps for one instrument: the indicators of each interval, and the session's
 * pivots (from the previous session), opening range, VWAP and running high/low/close. It lives across days (an
 * EMA 200 on 5-minute candles needs days of history) and has a fixed size.
 */
public final class InstrumentSignalState {
    static final long NO_DAY = Long.MIN_VALUE;

    final IntervalIndicators[] intervals = new IntervalIndicators[CandleInterval.values().length];
    long day = NO_DAY;
    SessionHighLowClose session = new SessionHighLowClose();
    /** Today's pivots, from the previous session; null until a previous session has been seen. */
    PivotLevels pivots;
    OpeningRange openingRange;
    SessionVwap vwap = new SessionVwap();

    InstrumentSignalState(int openingRangeMinutes) {
        for (int i = 0; i < intervals.length; i++) {
            intervals[i] = new IntervalIndicators();
        }
        openingRange = new OpeningRange(openingRangeMinutes);
    }

    private InstrumentSignalState() {}

    InstrumentSignalState copy() {
        InstrumentSignalState s = new InstrumentSignalState();
        for (int i = 0; i < intervals.length; i++) {
            s.intervals[i] = intervals[i].copy();
        }
        s.day = day;
        s.session = session.copy();
        s.pivots = pivots;
        s.openingRange = openingRange.copy();
        s.vwap = vwap.copy();
        return s;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(intervals.length);
        for (IntervalIndicators i : intervals) {
            i.writeTo(out);
        }
        out.writeLong(day);
        session.writeTo(out);
        out.writeBoolean(pivots != null);
        if (pivots != null) {
            pivots.writeTo(out);
        }
        openingRange.writeTo(out);
        vwap.writeTo(out);
    }

    static InstrumentSignalState readFrom(DataInput in) throws IOException {
        InstrumentSignalState s = new InstrumentSignalState();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            s.intervals[i] = IntervalIndicators.readFrom(in);
        }
        s.day = in.readLong();
        s.session = SessionHighLowClose.readFrom(in);
        s.pivots = in.readBoolean() ? PivotLevels.readFrom(in) : null;
        s.openingRange = OpeningRange.readFrom(in);
        s.vwap = SessionVwap.readFrom(in);
        return s;
    }
}
