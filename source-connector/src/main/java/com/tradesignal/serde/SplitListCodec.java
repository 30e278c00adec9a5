package com.tradesignal.serde;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a list of splits inside an enumerator checkpoint: a count, then each split as (its serializer's version,
 * length, bytes), so a split format can change version without the enumerator state format changing.
 */
public final class SplitListCodec {
    private SplitListCodec() {
    }

    public static <S> void write(List<S> splits, SimpleVersionedSerializer<S> serializer, DataOutputSerializer out)
            throws IOException {
        out.writeInt(splits.size());
        for (S split : splits) {
            byte[] bytes = serializer.serialize(split);
            out.writeInt(serializer.getVersion());
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    public static <S> List<S> read(SimpleVersionedSerializer<S> serializer, DataInputDeserializer in) throws IOException {
        int n = in.readInt();
        List<S> splits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int version = in.readInt();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            splits.add(serializer.deserialize(version, bytes));
        }
        return splits;
    }
}
