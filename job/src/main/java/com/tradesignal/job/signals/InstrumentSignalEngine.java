package com.tradesignal.job.signals;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import com.tradesignal.indicators.CandleIntent;
import com.tradesignal.indicators.Ema;
import com.tradesignal.indicators.PivotLevels;
import com.tradesignal.indicators.SupportResistance;
import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;

import java.util.ArrayList;
import java.util.List;

import static com.tradesignal.job.signals.NumberKey.*;

/**
 * The per-instrument signal rules of {@link InstrumentSignals} (see there) as plain code over one instrument's
 * {@link InstrumentSignalState}: the Flink function keeps the state in keyed state and calls this once per candle,
 * and the benchmark's single-threaded loop calls it with states of its own. One copy of the rules for both.
 */
public final class InstrumentSignalEngine {
    private final SessionHours hours;
    private final int openingRangeMinutes;

    public InstrumentSignalEngine(SessionHours hours, int openingRangeMinutes) {
        this.hours = hours;
        this.openingRangeMinutes = openingRangeMinutes;
    }

    /** The state of an instrument that has not had a candle yet. */
    public InstrumentSignalState newState() {
        return new InstrumentSignalState(openingRangeMinutes);
    }

    /** Updates the instrument's state ({@link #newState()} at first) with one closed candle and returns its row. */
    public SignalRow onCandle(InstrumentSignalState s, Candle c) {
        long day = MarketTime.istEpochDay(c.start());
        long open = hours.openMillis(day);
        if (c.interval() == CandleInterval.M1) {
            if (day != s.day) {
                if (!s.session.isEmpty()) {
                    s.pivots = s.session.toPivots(); // yesterday's regular session makes today's pivots
                }
                s.session.reset();
                s.vwap.reset();
                s.openingRange.startSession(open);
                s.day = day;
            }
            s.session.update(c);
            s.vwap.update(c);
            s.openingRange.update(c, open);
        }
        IntervalIndicators ind = s.intervals[c.interval().ordinal()];
        double previousClose = ind.previousClose;
        double previousEma9 = ind.ema9.value();
        double previousEma21 = ind.ema21.value();
        ind.update(c);
        CandleIntent.Intent intent = CandleIntent.classify(ind.previousOpen, ind.previousClose, c.open(), c.high(), c.low(), c.close());
        ind.rememberCandle(c);
        return row(c, s, ind, intent, previousClose, previousEma9, previousEma21);
    }

    /**
     * +1 when the fast EMA crossed above the slow one on this candle, −1 when it crossed below, 0 when neither;
     * NaN until both were warm on the previous candle.
     */
    static double cross(Ema fast, Ema slow) {
        double f0 = fast.previous(), s0 = slow.previous(), f1 = fast.value(), s1 = slow.value();
        if (Double.isNaN(f0) || Double.isNaN(s0) || Double.isNaN(f1) || Double.isNaN(s1)) return Double.NaN;
        if (f0 <= s0 && f1 > s1) return 1;
        if (f0 >= s0 && f1 < s1) return -1;
        return 0;
    }

    private static SignalRow row(Candle c, InstrumentSignalState s, IntervalIndicators ind, CandleIntent.Intent intent,
                                 double previousClose, double previousEma9, double previousEma21) {
        SignalRow r = new SignalRow(c);
        r.set(EMA_9, ind.ema9.value()).set(EMA_21, ind.ema21.value()).set(EMA_50, ind.ema50.value())
                .set(EMA_200, ind.ema200.value()).set(RSI_14, ind.rsi.value()).set(ATR_14, ind.atr.value())
                .set(EMA_CROSS_9_21, cross(ind.ema9, ind.ema21)).set(EMA_CROSS_21_50, cross(ind.ema21, ind.ema50))
                .set(EMA_CROSS_50_200, cross(ind.ema50, ind.ema200));
        if (ind.superTrend.isWarm()) {
            r.set(SUPERTREND, ind.superTrend.value()).set(SUPERTREND_DIRECTION, ind.superTrend.direction());
        }
        if (ind.psar.isWarm()) {
            r.set(PSAR, ind.psar.value()).set(PSAR_DIRECTION, ind.psar.isLong() ? 1 : -1);
        }
        r.set(ROC_10, ind.roc.value());
        r.set(VWAP, s.vwap.vwap()).set(VWAP_UPPER_1, s.vwap.upper(1)).set(VWAP_LOWER_1, s.vwap.lower(1))
                .set(VWAP_UPPER_2, s.vwap.upper(2)).set(VWAP_LOWER_2, s.vwap.lower(2));
        PivotLevels p = s.pivots;
        if (p != null) {
            r.set(PIVOT, p.pivot()).set(R1, p.r1()).set(R2, p.r2()).set(R3, p.r3())
                    .set(S1, p.s1()).set(S2, p.s2()).set(S3, p.s3())
                    .set(CAM_R1, p.camR1()).set(CAM_R2, p.camR2()).set(CAM_R3, p.camR3()).set(CAM_R4, p.camR4())
                    .set(CAM_S1, p.camS1()).set(CAM_S2, p.camS2()).set(CAM_S3, p.camS3()).set(CAM_S4, p.camS4())
                    .set(FIB_R1, p.fibR1()).set(FIB_R2, p.fibR2()).set(FIB_R3, p.fibR3())
                    .set(FIB_S1, p.fibS1()).set(FIB_S2, p.fibS2()).set(FIB_S3, p.fibS3())
                    .set(CPR_TC, p.cprTc()).set(CPR_BC, p.cprBc());
        }
        r.set(ORB_HIGH, s.openingRange.high()).set(ORB_LOW, s.openingRange.low());
        r.set(SWING_HIGH, ind.structure.swingHigh()).set(SWING_LOW, ind.structure.swingLow());
        if (ind.structure.bars() > 0) {
            r.set(BOS, ind.structure.bos());
        }
        List<SupportResistance.Level> levels = new ArrayList<>(ind.structure.levels());
        if (p != null) {
            levels.addAll(p.levels());
        }
        SupportResistance.Nearest nearest = SupportResistance.nearest(c.close(), levels);
        if (nearest.support() != null) {
            r.set(SUPPORT, nearest.support().price()).set(TextKey.SUPPORT_NAME, nearest.support().name());
        }
        if (nearest.resistance() != null) {
            r.set(RESISTANCE, nearest.resistance().price()).set(TextKey.RESISTANCE_NAME, nearest.resistance().name());
        }
        r.set(EXCHANGE_VWAP, c.averagePrice());
        r.set(TextKey.STRUCTURE, ind.structure.structure());
        r.set(TextKey.CANDLE_INTENT, intent.name().toLowerCase(java.util.Locale.ROOT));
        r.set(PREVIOUS_CLOSE, previousClose).set(PREVIOUS_EMA_9, previousEma9).set(PREVIOUS_EMA_21, previousEma21)
                .set(STRUCTURE_TREND, ind.structure.trend()).set(CANDLE_INTENT_DIRECTION, intent.direction());
        return r;
    }
}
