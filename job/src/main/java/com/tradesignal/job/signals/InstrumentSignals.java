package com.tradesignal.job.signals;

import com.tradesignal.candle.Candle;
import com.tradesignal.market.SessionHours;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per instrument: on each closed candle, updates that interval's indicators (O(1), see docs/signals.md) and the
 * session's pivots, opening range and VWAP (on the 1m candles), and emits the candle with all its values.
 *
 * <p>Runs on the candle builder's output without a new shuffle (the stream is still partitioned by token), and
 * touches keyed state once per candle, never per tick. The 1m candle of a minute arrives before the 3m/5m/15m
 * candles that close with it, so session values are current for all of them. The rules are in
 * {@link InstrumentSignalEngine}; this function keeps the state.
 */
public final class InstrumentSignals extends KeyedProcessFunction<Long, Candle, SignalRow> {
    private static final long serialVersionUID = 1L;

    private final SessionHours hours;
    private final int openingRangeMinutes;
    private transient ValueState<InstrumentSignalState> state;
    private transient InstrumentSignalEngine engine;

    public InstrumentSignals(SessionHours hours, int openingRangeMinutes) {
        this.hours = hours;
        this.openingRangeMinutes = openingRangeMinutes;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("instrument-signals", InstrumentSignalStateSerializer.INSTANCE));
        engine = new InstrumentSignalEngine(hours, openingRangeMinutes);
    }

    @Override
    public void processElement(Candle c, Context ctx, Collector<SignalRow> out) throws Exception {
        InstrumentSignalState s = state.value();
        if (s == null) {
            s = engine.newState();
        }
        SignalRow row = engine.onCandle(s, c);
        state.update(s);
        out.collect(row);
    }
}
