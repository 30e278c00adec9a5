package com.tradesignal.source.kite.reader;

import com.tradesignal.source.kite.feed.FeedEvent;
import com.tradesignal.source.kite.split.KiteSplit;
import com.tradesignal.source.kite.split.KiteSplitState;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

import java.util.Map;

/**
 * The live reader: one fetcher thread runs {@link KiteSplitReader} with all of this reader's connections; the task
 * thread emits through {@link KiteRecordEmitter}. The split state is the resume position that goes into checkpoints.
 */
public final class KiteSourceReader
        extends SingleThreadMultiplexSourceReaderBase<FeedEvent, Tick, KiteSplit, KiteSplitState> {

    public KiteSourceReader(KiteSplitReader.FeedFactory feeds, SourceReaderContext context) {
        super(() -> new KiteSplitReader(feeds, new FeedMetrics(context.metricGroup())), new KiteRecordEmitter(),
                new Configuration(), context);
    }

    @Override
    protected void onSplitFinished(Map<String, KiteSplitState> finishedSplitIds) {
        // A live split never finishes.
    }

    @Override
    protected KiteSplitState initializedState(KiteSplit split) {
        return new KiteSplitState(split);
    }

    @Override
    protected KiteSplit toSplitType(String splitId, KiteSplitState state) {
        return state.toSplit();
    }
}
