package com.tradesignal.source.kite.reader;

import com.tradesignal.source.kite.feed.FeedEvent;
import com.tradesignal.source.kite.split.KiteSplitState;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Ticks go out stamped with their exchange time. A {@link FeedEvent.MarketClosed} becomes a watermark at the market
 * time the feed closed, and the split's output goes idle: so the session's last candles close even though no tick
 * will ever come after them, and a closed feed holds no other reader's watermark back.
 */
public final class KiteRecordEmitter implements RecordEmitter<FeedEvent, Tick, KiteSplitState> {

    @Override
    public void emitRecord(FeedEvent event, SourceOutput<Tick> output, KiteSplitState state) {
        if (event instanceof FeedEvent.TickEvent t) {
            Tick tick = t.tick();
            state.observe(tick);
            output.collect(tick, tick.exchangeTime);
        } else if (event instanceof FeedEvent.MarketClosed closed) {
            output.emitWatermark(new Watermark(closed.marketMillis()));
            output.markIdle();
        }
    }
}
