package com.tradesignal.source.kite.enumerator;

import com.tradesignal.source.kite.split.KiteSplit;
import com.tradesignal.source.kite.split.KiteSplitSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Version 1: the created flag, then each unassigned split as (split format version, length, bytes). */
public final class KiteEnumeratorStateSerializer implements SimpleVersionedSerializer<KiteEnumeratorState> {
    private static final int VERSION = 1;
    private final KiteSplitSerializer splits = KiteSplitSerializer.INSTANCE;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(KiteEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeBoolean(state.splitsCreated());
        out.writeInt(state.unassigned().size());
        for (KiteSplit split : state.unassigned()) {
            byte[] bytes = splits.serialize(split);
            out.writeInt(splits.getVersion());
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public KiteEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown Kite enumerator state version " + version + " (this build reads " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        boolean created = in.readBoolean();
        int n = in.readInt();
        List<KiteSplit> unassigned = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int splitVersion = in.readInt();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            unassigned.add(splits.deserialize(splitVersion, bytes));
        }
        return new KiteEnumeratorState(created, unassigned);
    }
}
