package com.tradesignal.serde;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Base of the project's hand-written Flink serializers. Each one names the version of the binary format it
 * writes; a checkpoint or savepoint records that version in its {@link VersionedSerializerSnapshot}, and on restore
 * the serializer is asked to read that version. When a format changes, bump {@link #currentVersion()} and keep
 * reading the old one in {@link #deserialize(int, DataInputView)}: Flink then migrates the state to the new format.
 *
 * <p>We write these by hand instead of letting Flink fall back to Kryo because Kryo's output changes with class
 * layout and would silently break savepoint compatibility, and because it is several times slower on the per-tick path.
 */
public abstract class VersionedSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    /** The format version this serializer reads; writes always use {@link #currentVersion()}. */
    private final int readVersion;

    protected VersionedSerializer() {
        this.readVersion = currentVersion();
    }

    protected VersionedSerializer(int readVersion) {
        if (readVersion < 1 || readVersion > currentVersion()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " cannot read format version " + readVersion
                    + " (this build reads 1.." + currentVersion() + ")");
        }
        this.readVersion = readVersion;
    }

    /** The version of the binary format written now. */
    public abstract int currentVersion();

    /** A serializer that reads format {@code version}, for restoring state written by an older build. */
    protected abstract VersionedSerializer<T> forReading(int version);

    /** Reads a record written in format {@code version}. */
    protected abstract T deserialize(int version, DataInputView in) throws IOException;

    public int readVersion() {
        return readVersion;
    }

    @Override
    public final T deserialize(DataInputView in) throws IOException {
        return deserialize(readVersion, in);
    }

    @Override
    public final T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(readVersion, in);
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this; // stateless
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new VersionedSerializerSnapshot<>(this);
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass() && ((VersionedSerializer<?>) obj).readVersion == readVersion;
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + readVersion;
    }

    /** Writes a nullable string. */
    protected static void writeNullableString(String s, DataOutputView out) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    protected static String readNullableString(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
