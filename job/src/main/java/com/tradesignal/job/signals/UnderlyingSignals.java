package com.tradesignal.job.signals;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;

/**
 * Per underlying (NIFTY, BANKNIFTY, SENSEX): puts the index's rows together with its near-month future (VWAP,
 * volume, OI build-up, since an index has no volume) and its option chain (PCR), and adds the 13 votes and the
 * verdict to each index row.
 *
 * <p>Rows of the index, the future and the options reach this operator from different subtasks in any order, so
 * they wait in state and are processed at the watermark in event-time order (options, then the future, then the
 * index, for rows closing at the same time). The output is therefore the same on every run and after a restore.
 * The rules are in {@link UnderlyingSignalEngine}; this function keeps the state and the waiting rows.
 */
public final class UnderlyingSignals extends KeyedProcessFunction<String, SignalRow, SignalRow> {
    private static final long serialVersionUID = 1L;

    private final UnderlyingMap map;
    private transient ValueState<UnderlyingState> state;
    /** Rows waiting for the watermark, by the time they become due; a map so adding a row is one small write. */
    private transient MapState<Long, List<SignalRow>> pending;
    private transient UnderlyingSignalEngine engine;

    public UnderlyingSignals(UnderlyingMap map) {
        this.map = map;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("underlying-signals", UnderlyingStateSerializer.INSTANCE));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("underlying-pending-rows",
                LongSerializer.INSTANCE, new ListSerializer<>(SignalRowSerializer.INSTANCE)));
        engine = new UnderlyingSignalEngine(map);
    }

    @Override
    public void processElement(SignalRow row, Context ctx, Collector<SignalRow> out) throws Exception {
        long due = UnderlyingSignalEngine.due(row);
        List<SignalRow> rows = pending.get(due);
        if (rows == null) rows = new ArrayList<>(4);
        rows.add(row);
        pending.put(due, rows);
        ctx.timerService().registerEventTimeTimer(due);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SignalRow> out) throws Exception {
        List<SignalRow> due = pending.get(timestamp);
        if (due == null) return;
        pending.remove(timestamp);
        UnderlyingState s = state.value();
        if (s == null) s = engine.newState();
        engine.onDue(ctx.getCurrentKey(), s, due, out::collect);
        state.update(s);
    }
}
