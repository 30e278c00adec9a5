package com.tradesignal.job.bars;

import com.tradesignal.tick.Tick;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folds ticks into one-minute bars per instrument, in plain memory, chained right after the source.
 *
 * <p>Why: a keyed-state access costs microseconds on RocksDB, and ticks arrive by the hundred thousand per second.
 * A source split owns whole instruments, so this operator sees all ticks of its instruments and can fold them
 * without keyed state; only the finished bars (one per instrument and minute) go on to the keyed candle builder.
 *
 * <p>A minute's bar is emitted when the watermark passes the end of the minute, just before the watermark is
 * forwarded, so downstream timers always see the bar first. Late-tick policy: a tick is folded as long as its
 * minute's bar is still open, even if it is behind the watermark; a tick for a minute already emitted is dropped
 * and counted in {@code tradesignal.lateTicksDropped}. (Its volume is not lost: candle volume is the rise of the
 * cumulative day volume, which the next ticks carry.)
 *
 * <p>Open bars are checkpointed as operator list state. After a rescaled restore a bar may come back on another
 * subtask than its instrument's later ticks; the candle builder merges such partial bars.
 */
public final class MinuteBarFolder extends AbstractStreamOperator<MinuteBar> implements OneInputStreamOperator<Tick, MinuteBar> {
    private static final long serialVersionUID = 1L;
    private static final Comparator<MinuteBar> EMIT_ORDER =
            Comparator.comparingLong((MinuteBar b) -> b.minuteStart).thenComparingLong(b -> b.token);

    /** Open bars per instrument, oldest first; usually one, two across a minute boundary with disorder. */
    private transient BarsByToken open;
    private transient ListState<MinuteBar> checkpointedBars;
    private transient long watermark;
    private transient long maxEventTime;
    private transient Counter ticksFolded;
    private transient Counter lateTicks;

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        open = new BarsByToken();
        watermark = Long.MIN_VALUE;
        maxEventTime = Long.MIN_VALUE;
        checkpointedBars = context.getOperatorStateStore()
                .getListState(new ListStateDescriptor<>("open-minute-bars", MinuteBarSerializer.INSTANCE));
        if (context.isRestored()) {
            for (MinuteBar bar : checkpointedBars.get()) {
                barFor(bar.token, bar.minuteStart, bar);
            }
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        MetricGroup metrics = getMetricGroup().addGroup("tradesignal");
        ticksFolded = metrics.counter("ticksFolded");
        lateTicks = metrics.counter("lateTicksDropped");
        metrics.gauge("eventTimeMillis", () -> maxEventTime);
    }

    @Override
    public void processElement(StreamRecord<Tick> record) {
        Tick t = record.getValue();
        long minute = Math.floorDiv(t.exchangeTime, 60_000L) * 60_000L;
        if (minute + 59_999L <= watermark) {
            lateTicks.inc();
            return;
        }
        ticksFolded.inc();
        if (t.exchangeTime > maxEventTime) {
            maxEventTime = t.exchangeTime;
        }
        List<MinuteBar> bars = open.get(t.token);
        if (bars != null && !bars.isEmpty()) {
            MinuteBar newest = bars.get(bars.size() - 1);
            if (newest.minuteStart == minute) { // the common case: the instrument's current minute
                newest.fold(t);
                return;
            }
        }
        MinuteBar bar = MinuteBar.of(t);
        barFor(t.token, minute, bar);
    }

    /** Adds {@code bar} to the instrument's open bars, merging it into an open bar of the same minute. */
    private void barFor(long token, long minute, MinuteBar bar) {
        List<MinuteBar> bars = open.getOrCreate(token);
        int i = bars.size();
        while (i > 0 && bars.get(i - 1).minuteStart > minute) {
            i--;
        }
        if (i > 0 && bars.get(i - 1).minuteStart == minute) {
            bars.get(i - 1).merge(bar);
        } else {
            bars.add(i, bar);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        long wm = mark.getTimestamp();
        if (wm > watermark) {
            watermark = wm;
            List<MinuteBar> due = new ArrayList<>();
            open.forEachList(bars -> {
                while (!bars.isEmpty() && bars.get(0).minuteStart + 59_999L <= wm) {
                    due.add(bars.remove(0));
                }
            });
            if (!due.isEmpty()) {
                due.sort(EMIT_ORDER);
                for (MinuteBar bar : due) {
                    output.collect(new StreamRecord<>(bar, bar.minuteStart));
                }
            }
            if (wm == Long.MAX_VALUE) {
                open.clear();
            }
        }
        super.processWatermark(mark);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<MinuteBar> all = new ArrayList<>();
        open.forEachList(all::addAll);
        checkpointedBars.update(all);
    }

    /** Ticks dropped because their minute had already been emitted. */
    public long lateTicksDropped() {
        return lateTicks.getCount();
    }

    /** Bars not yet emitted. */
    public int openBarCount() {
        int[] n = {0};
        open.forEachList(bars -> n[0] += bars.size());
        return n[0];
    }
}
