package com.tradesignal.source.replay.split;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Version 1: file count, then per file its path, byte offset and line number; then shard index and count. */
public final class TickShardSplitSerializer implements SimpleVersionedSerializer<TickShardSplit> {
    public static final TickShardSplitSerializer INSTANCE = new TickShardSplitSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(TickShardSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64 + 64 * split.files().size());
        out.writeInt(split.files().size());
        for (int i = 0; i < split.files().size(); i++) {
            out.writeUTF(split.files().get(i));
            out.writeLong(split.byteOffset(i));
            out.writeLong(split.lineNumber(i));
        }
        out.writeInt(split.shardIndex());
        out.writeInt(split.shardCount());
        return out.getCopyOfBuffer();
    }

    @Override
    public TickShardSplit deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown replay split format version " + version + " (this build reads " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int n = in.readInt();
        List<String> files = new ArrayList<>(n);
        long[] offsets = new long[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            files.add(in.readUTF());
            offsets[i] = in.readLong();
            lines[i] = in.readLong();
        }
        return new TickShardSplit(files, in.readInt(), in.readInt(), offsets, lines);
    }
}
