package com.tradesignal.job.candles;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import com.tradesignal.job.bars.MinuteBar;
import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.Map;

/**
 * Turns one instrument's minute bars into closed 1m, 3m, 5m and 15m candles, in event time.
 *
 * <p>Rules (documented for users in README "Candles"):
 * <ul>
 *   <li>Candles cover the normal market only, [open, close) of {@link SessionHours} (09:15-15:30 IST), and are
 *       anchored at the open: 3m candles start 09:15, 09:18, 09:21 …</li>
 *   <li>A candle closes when the watermark passes its end. A minute with no ticks makes no 1m candle; a longer
 *       candle is made of the minutes that had ticks.</li>
 *   <li>Pre-open ticks (09:00-09:15) are not part of the 09:15 candle. The pre-open price is kept as the session's
 *       opening print and travels on the first candle of each interval as {@code preOpenPrice}; the pre-open's
 *       volume is not counted in any candle.</li>
 *   <li>Candle volume is the rise of the cumulative day volume since the previous candle, never negative, reset
 *       each day. If the day's first bar comes after the first session minute (the feed joined mid-session),
 *       volume before its first tick is not attributed to any candle.</li>
 *   <li>Ticks outside the pre-open and the normal market are counted ({@code tradesignal.outsideSessionTicks})
 *       and make no candle. A bar for a minute the watermark already passed is dropped and its ticks counted in
 *       {@code tradesignal.lateTicksDropped}.</li>
 * </ul>
 * When the day's session is over and nothing is open, the instrument's state is cleared.
 */
public final class CandleBuilder extends KeyedProcessFunction<Long, MinuteBar, Candle> {
    private static final long serialVersionUID = 1L;
    static final CandleInterval[] AGGREGATES = {CandleInterval.M3, CandleInterval.M5, CandleInterval.M15};

    private final SessionHours hours;
    private final Map<Long, String> symbols;

    private transient ValueState<CandleBuilderState> state;
    private transient Counter candlesClosed;
    private transient Counter outsideSessionTicks;
    private transient Counter lateTicks;

    /**
     * @param hours   the session hours (one set for every day, for now)
     * @param symbols tradingsymbols by token from the instruments dump; they win over symbols carried by the ticks
     */
    public CandleBuilder(SessionHours hours, Map<Long, String> symbols) {
        this.hours = hours;
        this.symbols = symbols;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("candle-builder", CandleBuilderStateSerializer.INSTANCE));
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("tradesignal");
        candlesClosed = metrics.counter("candlesClosed");
        outsideSessionTicks = metrics.counter("outsideSessionTicks");
        lateTicks = metrics.counter("lateTicksDropped");
    }

    @Override
    public void processElement(MinuteBar bar, Context ctx, Collector<Candle> out) throws Exception {
        long minuteDue = bar.minuteStart + 59_999L;
        if (minuteDue <= ctx.timerService().currentWatermark()) {
            lateTicks.inc(bar.ticks);
            return;
        }
        CandleBuilderState s = state.value();
        if (s == null) {
            s = new CandleBuilderState();
        }
        if (bar.symbol != null) {
            s.symbol = bar.symbol;
        }
        MinuteBar waiting = s.pending.get(bar.minuteStart);
        if (waiting == null) {
            s.pending.put(bar.minuteStart, bar);
        } else {
            waiting.merge(bar);
        }
        ctx.timerService().registerEventTimeTimer(minuteDue);
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Candle> out) throws Exception {
        CandleBuilderState s = state.value();
        if (s == null) {
            return;
        }
        long token = ctx.getCurrentKey();
        while (!s.pending.isEmpty() && s.pending.firstKey() + 59_999L <= timestamp) {
            closeMinute(token, s, s.pending.pollFirstEntry().getValue(), ctx, out);
        }
        for (int i = 0; i < AGGREGATES.length; i++) {
            OpenCandle c = s.open[i];
            if (c != null && c.start + AGGREGATES[i].millis() - 1 <= timestamp) {
                emit(out, c.close(token, symbolOf(token, s), AGGREGATES[i], preOpenFor(s, c.start)));
                s.open[i] = null;
            }
        }
        if (s.isIdle() && timestamp >= hours.closeMillis(s.day) - 1) {
            state.clear(); // the day is done: nothing of it stays in state
        } else {
            state.update(s);
        }
    }

    private void closeMinute(long token, CandleBuilderState s, MinuteBar bar, OnTimerContext ctx, Collector<Candle> out) {
        long day = MarketTime.istEpochDay(bar.minuteStart);
        if (day != s.day) {
            s.day = day;
            s.baselineVolume = CandleBuilderState.UNKNOWN;
            s.preOpenPrice = Double.NaN;
            // Even a day that only had pre-open ticks gets cleaned up once its session is over.
            ctx.timerService().registerEventTimeTimer(hours.closeMillis(day) - 1);
        }
        long open = hours.openMillis(day);
        long minute = bar.minuteStart;
        if (minute >= hours.preOpenMillis(day) && minute < open) {
            s.preOpenPrice = bar.close;
            s.baselineVolume = Math.max(s.baselineVolume, bar.maxVolume);
            return;
        }
        if (minute < open || minute >= hours.closeMillis(day)) {
            outsideSessionTicks.inc(bar.ticks);
            s.baselineVolume = Math.max(s.baselineVolume, bar.maxVolume);
            return;
        }
        if (s.baselineVolume == CandleBuilderState.UNKNOWN) {
            s.baselineVolume = minute == open ? 0 : bar.minVolume;
        }
        long volume = Math.max(0, bar.maxVolume - s.baselineVolume);
        s.baselineVolume = Math.max(s.baselineVolume, bar.maxVolume);
        String symbol = symbolOf(token, s);
        Candle oneMinute = new Candle(token, symbol, CandleInterval.M1, minute, bar.open, bar.high, bar.low, bar.close,
                volume, preOpenFor(s, minute), bar.ticks, bar.openInterest, bar.averagePrice, bar.buyQuantity,
                bar.sellQuantity);
        emit(out, oneMinute);
        for (int i = 0; i < AGGREGATES.length; i++) {
            CandleInterval interval = AGGREGATES[i];
            long start = interval.bucketStart(open, minute);
            OpenCandle c = s.open[i];
            if (c != null && c.start != start) { // its end timer has fired already; kept only as a safeguard
                emit(out, c.close(token, symbol, interval, preOpenFor(s, c.start)));
                c = null;
            }
            if (c == null) {
                s.open[i] = OpenCandle.of(start, oneMinute);
                long due = start + interval.millis() - 1;
                if (due > minute + 59_999L) {
                    ctx.timerService().registerEventTimeTimer(due);
                }
            } else {
                c.add(oneMinute);
            }
        }
    }

    private double preOpenFor(CandleBuilderState s, long candleStart) {
        return candleStart == hours.openMillis(s.day) ? s.preOpenPrice : Double.NaN;
    }

    private String symbolOf(long token, CandleBuilderState s) {
        String fromDump = symbols.get(token);
        return fromDump != null ? fromDump : s.symbol;
    }

    /** Ticks of bars that arrived after the watermark had passed their minute (this subtask). */
    public long lateTicksDropped() {
        return lateTicks.getCount();
    }

    /** Ticks outside the pre-open and the normal market (this subtask). */
    public long outsideSessionTicks() {
        return outsideSessionTicks.getCount();
    }

    private void emit(Collector<Candle> out, Candle c) {
        candlesClosed.inc();
        out.collect(c);
    }
}
