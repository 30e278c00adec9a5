package com.tradesignal.source.replay.reader;

import com.tradesignal.source.replay.ReplaySettings;
import com.tradesignal.source.replay.split.TickShardSplit;
import com.tradesignal.source.replay.split.TickShardSplitState;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

import java.util.Map;

/**
 * Reads a replay's splits on one fetcher thread ({@link TickFileSplitReader}) and hands ticks to Flink from the task
 * thread without ever blocking it.
 */
public final class ReplaySourceReader
        extends SingleThreadMultiplexSourceReaderBase<PositionedTick, Tick, TickShardSplit, TickShardSplitState> {

    public ReplaySourceReader(SourceReaderContext context, ReplaySettings settings) {
        this(context, settings, context.metricGroup().addGroup("tradesignal").counter("badLinesSkipped", new ThreadSafeSimpleCounter()));
    }

    private ReplaySourceReader(SourceReaderContext context, ReplaySettings settings, Counter badLines) {
        super(() -> new TickFileSplitReader(settings, badLines), new TickRecordEmitter(), new Configuration(), context);
    }

    @Override
    public void start() {
        // Splits are pushed by the enumerator when this reader registers; nothing to request.
    }

    @Override
    protected void onSplitFinished(Map<String, TickShardSplitState> finishedSplitIds) {}

    @Override
    protected TickShardSplitState initializedState(TickShardSplit split) {
        return new TickShardSplitState(split);
    }

    @Override
    protected TickShardSplit toSplitType(String splitId, TickShardSplitState state) {
        return state.toSplit();
    }
}
