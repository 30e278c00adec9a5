package com.tradesignal.job.candles;

import com.tradesignal.candle.Candle;
import com.tradesignal.job.bars.MinuteBar;
import com.tradesignal.market.SessionHours;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimerService;
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
 *
 * <p>The rules themselves live in {@link CandleEngine}; this function keeps its state in Flink and maps its
 * timers onto event-time timers.
 */
public final class CandleBuilder extends KeyedProcessFunction<Long, MinuteBar, Candle> {
    private static final long serialVersionUID = 1L;

    private final SessionHours hours;
    private final Map<Long, String> symbols;

    private transient ValueState<CandleBuilderState> state;
    private transient CandleEngine engine;
    private transient FlinkOutput output;
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
        engine = new CandleEngine(hours, symbols);
        output = new FlinkOutput();
    }

    @Override
    public void processElement(MinuteBar bar, Context ctx, Collector<Candle> out) throws Exception {
        if (CandleEngine.isLate(bar, ctx.timerService().currentWatermark())) {
            lateTicks.inc(bar.ticks);
            return;
        }
        CandleBuilderState s = engine.add(state.value(), bar, output.to(ctx.timerService(), out));
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Candle> out) throws Exception {
        CandleBuilderState s = state.value();
        if (s == null) {
            return;
        }
        if (engine.onTimer(ctx.getCurrentKey(), s, timestamp, output.to(ctx.timerService(), out))) {
            state.clear(); // the day is done: nothing of it stays in state
        } else {
            state.update(s);
        }
    }

    /** Ticks of bars that arrived after the watermark had passed their minute (this subtask). */
    public long lateTicksDropped() {
        return lateTicks.getCount();
    }

    /** Ticks outside the pre-open and the normal market (this subtask). */
    public long outsideSessionTicks() {
        return outsideSessionTicks.getCount();
    }

    /** The engine's output onto this call's timer service and collector; one instance, re-pointed per call. */
    private final class FlinkOutput implements CandleEngine.Output {
        private TimerService timers;
        private Collector<Candle> out;

        FlinkOutput to(TimerService timers, Collector<Candle> out) {
            this.timers = timers;
            this.out = out;
            return this;
        }

        @Override
        public void candle(Candle c) {
            candlesClosed.inc();
            out.collect(c);
        }

        @Override
        public void timer(long time) {
            timers.registerEventTimeTimer(time);
        }

        @Override
        public void outsideSession(int ticks) {
            outsideSessionTicks.inc(ticks);
        }
    }
}
