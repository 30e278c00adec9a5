package com.tradesignal.source.replay.reader;

import com.tradesignal.source.replay.split.TickShardSplitState;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/** Emits the tick (its timestamp comes from the job's watermark strategy) and moves the split's file position. */
final class TickRecordEmitter implements RecordEmitter<PositionedTick, Tick, TickShardSplitState> {
    @Override
    public void emitRecord(PositionedTick record, SourceOutput<Tick> output, TickShardSplitState state) {
        output.collect(record.tick());
        state.emitted(record.fileIndex(), record.byteOffsetAfter(), record.lineNumberAfter());
    }
}
