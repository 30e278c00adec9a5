package com.tradesignal.source.replay.enumerator;

import com.tradesignal.source.replay.split.TickShardSplit;
import com.tradesignal.source.replay.split.TickShardSplitSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
        out.writeInt(state.unassigned().size());
        for (TickShardSplit split : state.unassigned()) {
            byte[] bytes = splits.serialize(split);
            out.writeInt(splits.getVersion());
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public ReplayEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown replay enumerator state version " + version + " (this build reads " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        boolean created = in.readBoolean();
        int n = in.readInt();
        List<TickShardSplit> unassigned = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int splitVersion = in.readInt();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            unassigned.add(splits.deserialize(splitVersion, bytes));
        }
        return new ReplayEnumeratorState(created, unassigned);
    }
}
