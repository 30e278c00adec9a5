package com.tradesignal.job.signals;

import com.tradesignal.candle.Candle;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.market.MarketTime;
import com.tradesignal.signals.MarketSnapshot;
import com.tradesignal.signals.OiBuildUp;
import com.tradesignal.signals.PutCallRatio;
import com.tradesignal.signals.SignalEngine;
import com.tradesignal.signals.SignalVote;
import com.tradesignal.signals.Verdict;
import com.tradesignal.signals.VolumeAnalysis;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.tradesignal.job.signals.NumberKey.*;

/**
 * The per-underlying rules of {@link UnderlyingSignals} (see there) as plain code over one underlying's
 * {@link UnderlyingState}: the Flink function buffers rows until the watermark and hands each due batch here, and
 * the benchmark's single-threaded loop does the same with its own buffer. One copy of the rules for both.
 */
public final class UnderlyingSignalEngine {
    private final UnderlyingMap map;

    public UnderlyingSignalEngine(UnderlyingMap map) {
        this.map = map;
    }

    /** The state of an underlying that has not had a row yet. */
    public UnderlyingState newState() {
        return new UnderlyingState();
    }

    /** When a row is processed: once the watermark reaches the end of its candle. */
    public static long due(SignalRow row) {
        return row.candle.end() - 1;
    }

    /**
     * Processes the rows of one underlying that became due at the same time, in a fixed order (so the result does
     * not depend on the order they arrived in), and passes on each index row with its votes. Sorts {@code due}.
     */
    public void onDue(String underlying, UnderlyingState s, List<SignalRow> due, Consumer<SignalRow> out) {
        due.sort(Comparator.comparingInt((SignalRow r) -> kindOrder(map.role(r.candle.token()).kind()))
                .thenComparingInt(r -> r.candle.interval().ordinal())
                .thenComparingLong(r -> r.candle.token()));
        for (SignalRow r : due) {
            UnderlyingMap.Role role = map.role(r.candle.token());
            long day = MarketTime.istEpochDay(r.candle.start());
            switch (role.kind()) {
                case OPTION -> onOption(s, underlying, day, r.candle);
                case FUTURE -> onFuture(s, underlying, day, r);
                case INDEX -> out.accept(withVotes(s, underlying, r));
            }
        }
    }

    /** Rows closing at the same time: options first, then the future, then the index that uses both. */
    private static int kindOrder(UnderlyingMap.Kind kind) {
        return switch (kind) {
            case OPTION -> 0;
            case FUTURE -> 1;
            case INDEX -> 2;
        };
    }

    private void onOption(UnderlyingState s, String underlying, long day, Candle c) {
        long expiry = map.nearestOptionExpiry(underlying, day);
        if (expiry < 0) return;
        if (s.chain == null || s.optionExpiry != expiry) {
            s.optionExpiry = expiry;
            s.chain = new PutCallRatio(UnderlyingMap.day(expiry), Math.max(PutCallRatio.DEFAULT_MAX_CONTRACTS,
                    map.options(underlying, expiry).size()));
            for (Map.Entry<Long, UnderlyingMap.Role> o : map.options(underlying, expiry)) {
                s.chain.register(o.getKey(), o.getValue().strike(), o.getValue().put() ? InstrumentType.PE : InstrumentType.CE);
            }
        }
        if (c.openInterest() > 0) {
            s.chain.updateOi(c.token(), c.openInterest());
        }
    }

    private void onFuture(UnderlyingState s, String underlying, long day, SignalRow r) {
        Long nearMonth = map.nearMonthFuture(underlying, day).orElse(null);
        if (nearMonth == null || nearMonth != r.candle.token()) return; // far months do not stand in for the index
        s.followFuture(nearMonth);
        int i = r.candle.interval().ordinal();
        s.futureRows[i] = r;
        s.volume[i].add(r.candle.volume());
        s.openInterest[i].update(r.candle.close(), r.candle.openInterest());
    }

    private SignalRow withVotes(UnderlyingState s, String underlying, SignalRow index) {
        Candle c = index.candle;
        int i = c.interval().ordinal();
        SignalRow future = s.futureRows[i];
        long day = MarketTime.istEpochDay(c.start());
        boolean futureToday = future != null && MarketTime.istEpochDay(future.candle.start()) == day;
        SignalRow row = index.copy();
        MarketSnapshot.Builder snap = MarketSnapshot.builder().underlying(underlying).interval(c.interval().label())
                .close(c.close()).previousClose(index.get(PREVIOUS_CLOSE))
                .emas(index.get(EMA_9), index.get(EMA_21), index.get(EMA_50), index.get(EMA_200))
                .previousEmas(index.get(PREVIOUS_EMA_9), index.get(PREVIOUS_EMA_21))
                .rsi14(index.get(RSI_14))
                .superTrend(index.get(SUPERTREND), direction(index.get(SUPERTREND_DIRECTION)))
                .psar(index.get(PSAR), direction(index.get(PSAR_DIRECTION)))
                .roc10(index.get(ROC_10))
                .structure(direction(index.get(STRUCTURE_TREND)), direction(index.get(BOS)), index.get(TextKey.STRUCTURE))
                .openingRange(index.get(ORB_HIGH), index.get(ORB_LOW))
                .pivots(index.get(PIVOT), index.get(R1), index.get(R2), index.get(R3), index.get(S1), index.get(S2), index.get(S3))
                .nearestSupport(index.get(SUPPORT), index.get(TextKey.SUPPORT_NAME))
                .nearestResistance(index.get(RESISTANCE), index.get(TextKey.RESISTANCE_NAME))
                .candleIntent(index.get(TextKey.CANDLE_INTENT), direction(index.get(CANDLE_INTENT_DIRECTION)));
        if (futureToday) {
            Candle f = future.candle;
            for (NumberKey k : new NumberKey[]{VWAP, VWAP_UPPER_1, VWAP_LOWER_1, VWAP_UPPER_2, VWAP_LOWER_2}) {
                row.set(k, future.get(k));
            }
            row.set(TextKey.VWAP_SOURCE, f.symbol() != null ? f.symbol() : Long.toString(f.token()));
            row.set(FUTURE_CLOSE, f.close());
            VolumeAnalysis volume = s.volume[i];
            double imbalance = VolumeAnalysis.imbalance(f.buyQuantity(), f.sellQuantity());
            row.set(VOLUME_RATIO, volume.ratio()).set(BUY_SELL_IMBALANCE, imbalance);
            OiBuildUp buildUp = s.openInterest[i].buildUp();
            row.set(TextKey.OI_BUILDUP, buildUp == null ? null : buildUp.name().toLowerCase(java.util.Locale.ROOT));
            snap.futureClose(f.close()).futureVwap(future.get(VWAP))
                    .futureVwapBand(future.get(VWAP_LOWER_1), future.get(VWAP_UPPER_1))
                    .volume(volume).imbalance(imbalance).oiBuildUp(s.openInterest[i]);
        }
        if (s.chain != null && s.optionExpiry >= day) {
            double step = map.strikeStep(underlying);
            // One listed strike has no strike step: the window is then that strike alone (any step, 0 strikes each
            // side) rather than an exception that would stop the job.
            double pcr = step > 0 ? s.chain.pcr(c.close(), step) : s.chain.pcr(c.close(), 1, 0);
            row.set(PCR, pcr);
            snap.pcr(pcr);
        }
        List<SignalVote> votes = SignalEngine.evaluate(snap.build());
        row.votes = votes;
        row.verdict = Verdict.of(votes);
        return row;
    }

    private static int direction(double v) {
        return Double.isNaN(v) ? 0 : (int) Math.signum(v);
    }
}
