package com.tradesignal.source.replay.enumerator;

import com.tradesignal.source.replay.split.TickShardSplit;
import com.tradesignal.source.replay.split.TickShardSplitSerializer;
import com.tradesignal.serde.SplitListCodec;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;

/** Version 1: the created flag, then each unassigned split as (split format version, length, bytes). */
public final class ReplayEnumeratorStateSerializer implements SimpleVersionedSerializer<ReplayEnumeratorState> {
    private static final int VERSION = 1;
    private final TickShardSplitSerializer splits = TickShardSplitSerializer.INSTANCE;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ReplayEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeBoolean(state.splitsCreated());
        SplitListCodec.write(state.unassigned(), splits, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public ReplayEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown replay enumerator state version " + version + " (this build reads " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        boolean created = in.readBoolean();
        return new ReplayEnumeratorState(created, SplitListCodec.read(splits, in));
    }
}
