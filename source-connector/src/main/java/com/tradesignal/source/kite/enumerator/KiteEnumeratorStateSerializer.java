package com.tradesignal.source.kite.enumerator;

import com.tradesignal.source.kite.split.KiteSplit;
import com.tradesignal.source.kite.split.KiteSplitSerializer;
import com.tradesignal.serde.SplitListCodec;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;

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
        SplitListCodec.write(state.unassigned(), splits, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public KiteEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown Kite enumerator state version " + version + " (this build reads " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        boolean created = in.readBoolean();
        return new KiteEnumeratorState(created, SplitListCodec.read(splits, in));
    }
}
