package com.tradesignal.bench.replay;

import com.tradesignal.candle.Candle;
import com.tradesignal.job.TradeSignalJob;
import com.tradesignal.job.bars.MinuteBar;
import com.tradesignal.job.bars.OpenMinuteBars;
import com.tradesignal.job.candles.CandleBuilderState;
import com.tradesignal.job.candles.CandleEngine;
import com.tradesignal.job.signals.InstrumentSignalEngine;
import com.tradesignal.job.signals.InstrumentSignalState;
import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.signals.UnderlyingMap;
import com.tradesignal.job.signals.UnderlyingSignalEngine;
import com.tradesignal.job.signals.UnderlyingState;
import com.tradesignal.tick.Tick;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job's dataflow (minute bars, candles, instrument signals, underlying signals) on one thread, calling the
 * same engines as the Flink operators, with the watermark the job's strategy would give: the newest exchange time
 * seen minus the out-of-orderness bound minus 1 ms, advanced after every tick (the job emits it periodically; for
 * input in time order that changes when results come out, not what they are).
 *
 * <p>At each watermark step the stages run in the order the job's operators see that watermark: due minute bars
 * go to the candle engine, candle timers fire in time order (each closed candle goes through the instrument engine
 * at once), then the underlyings' rows that became due are processed in due order. Per instrument and per
 * underlying the engines therefore see exactly the inputs, in the order, that the job's keyed operators see.
 */
final class PlainLoopPipeline implements CandleEngine.Output {
    /** Where the results go: the lines of candles.jsonl and signals.jsonl. */
    interface Sink {
        void candle(Candle c);

        void signal(SignalRow row);
    }

    private final Sink sink;
    private final long outOfOrdernessMillis;
    private final UnderlyingMap underlyings;
    private final OpenMinuteBars bars = new OpenMinuteBars();
    private final CandleEngine candleEngine;
    private final InstrumentSignalEngine instrumentEngine;
    private final UnderlyingSignalEngine underlyingEngine;
    private final Map<Long, CandleBuilderState> candleStates = new HashMap<>();
    private final Map<Long, InstrumentSignalState> instrumentStates = new HashMap<>();
    private final Map<String, UnderlyingState> underlyingStates = new HashMap<>();
    private final EventTimers candleTimers = new EventTimers();
    /** Rows for the underlying engine, by due time, then underlying: the job keeps them in keyed map state. */
    private final TreeMap<Long, Map<String, List<SignalRow>>> pendingRows = new TreeMap<>();

    private long maxEventTime = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    /** The instrument the candle engine is working on (its timers are registered for it). */
    private long currentToken;

    private long ticks;
    private long lateTicks;
    private long outsideSessionTicks;
    private long candles;
    private long signalRows;

    PlainLoopPipeline(TradeSignalJob.Settings settings, Sink sink) {
        this.sink = sink;
        this.outOfOrdernessMillis = settings.outOfOrderness().toMillis();
        this.underlyings = settings.underlyings();
        this.candleEngine = new CandleEngine(settings.hours(), settings.symbols());
        this.instrumentEngine = new InstrumentSignalEngine(settings.hours(), settings.openingRangeMinutes());
        this.underlyingEngine = new UnderlyingSignalEngine(underlyings);
    }

    void tick(Tick t) {
        ticks++;
        if (!bars.add(t)) {
            lateTicks++;
        }
        if (t.exchangeTime > maxEventTime) {
            maxEventTime = t.exchangeTime;
            advance(maxEventTime - outOfOrdernessMillis - 1);
        }
    }

    /** The end of the input: the job's final watermark closes everything still open. */
    void finish() {
        advance(Long.MAX_VALUE);
    }

    private void advance(long wm) {
        if (wm <= watermark) {
            return;
        }
        long before = watermark; // what the candle stage has seen while the bars of this step reach it
        bars.advance(wm, bar -> onBar(bar, before));
        watermark = wm;
        if (candleTimers.next() <= wm) {
            candleTimers.fireUpTo(wm, this::onCandleTimer);
        }
        while (!pendingRows.isEmpty() && pendingRows.firstKey() <= wm) {
            pendingRows.pollFirstEntry().getValue().forEach((underlying, rows) -> underlyingEngine.onDue(underlying,
                    underlyingStates.computeIfAbsent(underlying, u -> underlyingEngine.newState()), rows, this::signal));
        }
    }

    private void onBar(MinuteBar bar, long candleWatermark) {
        if (CandleEngine.isLate(bar, candleWatermark)) {
            lateTicks += bar.ticks;
            return;
        }
        currentToken = bar.token;
        candleStates.put(bar.token, candleEngine.add(candleStates.get(bar.token), bar, this));
    }

    private void onCandleTimer(long token, long time) {
        CandleBuilderState s = candleStates.get(token);
        if (s == null) {
            return;
        }
        currentToken = token;
        if (candleEngine.onTimer(token, s, time, this)) {
            candleStates.remove(token);
        }
    }

    @Override
    public void candle(Candle c) {
        candles++;
        sink.candle(c);
        SignalRow row = instrumentEngine.onCandle(
                instrumentStates.computeIfAbsent(c.token(), k -> instrumentEngine.newState()), c);
        if (!underlyings.isIndex(c.token())) {
            signal(row);
        }
        if (underlyings.feedsUnderlying(c)) {
            String underlying = underlyings.role(c.token()).underlying();
            pendingRows.computeIfAbsent(UnderlyingSignalEngine.due(row), d -> new HashMap<>(4))
                    .computeIfAbsent(underlying, u -> new ArrayList<>(4)).add(row);
        }
    }

    private void signal(SignalRow row) {
        signalRows++;
        sink.signal(row);
    }

    @Override
    public void timer(long time) {
        candleTimers.register(currentToken, time);
    }

    @Override
    public void outsideSession(int n) {
        outsideSessionTicks += n;
    }

    long ticks() { return ticks; }
    long lateTicks() { return lateTicks; }
    long outsideSessionTicks() { return outsideSessionTicks; }
    long candles() { return candles; }
    long signalRows() { return signalRows; }
}
