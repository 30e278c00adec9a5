package com.tradesignal.serde;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * What a checkpoint remembers about a {@link VersionedSerializer}: its class and the data format version it wrote.
 * Restoring state written in an older format migrates it; a newer format than this build knows is refused with a
 * message instead of being misread.
 */
public final class VersionedSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
    private static final int SNAPSHOT_VERSION = 1;

    private String serializerClass;
    private int dataVersion;

    /** For Flink, which instantiates snapshots reflectively and then calls {@link #readSnapshot}. */
    public VersionedSerializerSnapshot() {}

    VersionedSerializerSnapshot(VersionedSerializer<T> serializer) {
        this.serializerClass = serializer.getClass().getName();
        this.dataVersion = serializer.currentVersion();
    }

    public int dataVersion() {
        return dataVersion;
    }

    @Override
    public int getCurrentVersion() {
        return SNAPSHOT_VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(serializerClass);
        out.writeInt(dataVersion);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        if (readVersion != SNAPSHOT_VERSION) {
            throw new IOException("unknown serializer snapshot version " + readVersion);
        }
        serializerClass = in.readUTF();
        dataVersion = in.readInt();
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> restoreSerializer() {
        try {
            VersionedSerializer<T> current = (VersionedSerializer<T>) Class.forName(serializerClass, true,
                    Thread.currentThread().getContextClassLoader()).getDeclaredConstructor().newInstance();
            return current.forReading(dataVersion);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot restore serializer " + serializerClass, e);
        }
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
        if (!(oldSnapshot instanceof VersionedSerializerSnapshot<T> old) || !old.serializerClass.equals(serializerClass)) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        if (old.dataVersion == dataVersion) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        if (old.dataVersion < dataVersion) {
            return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
        return TypeSerializerSchemaCompatibility.incompatible();
    }
}
