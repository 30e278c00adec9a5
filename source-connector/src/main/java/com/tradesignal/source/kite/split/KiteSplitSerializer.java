package com.tradesignal.source.kite.split;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Version 1: split id, underlyings, extra tokens, last exchange time, then (token, cumulative volume) pairs in token
 * order so that equal splits serialize to equal bytes.
 */
public final class KiteSplitSerializer implements SimpleVersionedSerializer<KiteSplit> {
    public static final KiteSplitSerializer INSTANCE = new KiteSplitSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(KiteSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64 + 16 * split.lastCumulativeVolume().size());
        write(split, out);
        return out.getCopyOfBuffer();
    }

    void write(KiteSplit split, DataOutputSerializer out) throws IOException {
        out.writeUTF(split.splitId());
        out.writeInt(split.underlyings().size());
        for (String u : split.underlyings()) {
            out.writeUTF(u);
        }
        out.writeInt(split.extraTokens().size());
        for (long t : split.extraTokens()) {
            out.writeLong(t);
        }
        out.writeLong(split.lastExchangeTime());
        Map<Long, Long> sorted = new TreeMap<>(split.lastCumulativeVolume());
        out.writeInt(sorted.size());
        for (Map.Entry<Long, Long> e : sorted.entrySet()) {
            out.writeLong(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    @Override
    public KiteSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown Kite split version " + version + " (this build reads " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        String id = in.readUTF();
        int nu = in.readInt();
        List<String> underlyings = new ArrayList<>(nu);
        for (int i = 0; i < nu; i++) {
            underlyings.add(in.readUTF());
        }
        int nt = in.readInt();
        List<Long> extra = new ArrayList<>(nt);
        for (int i = 0; i < nt; i++) {
            extra.add(in.readLong());
        }
        long last = in.readLong();
        int nv = in.readInt();
        Map<Long, Long> volumes = new HashMap<>(nv * 2);
        for (int i = 0; i < nv; i++) {
            volumes.put(in.readLong(), in.readLong());
        }
        return new KiteSplit(id, underlyings, extra, last, volumes);
    }
}
