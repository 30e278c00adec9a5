package com.tradesignal.job.signals;

import com.tradesignal.serde.VersionedSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Version 1: {@link InstrumentSignalState#writeTo}, built from each indicator's own {@code writeTo} format. */
public final class InstrumentSignalStateSerializer extends VersionedSerializer<InstrumentSignalState> {
    private static final long serialVersionUID = 1L;
    static final InstrumentSignalStateSerializer INSTANCE = new InstrumentSignalStateSerializer();

    public InstrumentSignalStateSerializer() {}

    private InstrumentSignalStateSerializer(int readVersion) {
        super(readVersion);
    }

    @Override public int currentVersion() { return 1; }
    @Override protected InstrumentSignalStateSerializer forReading(int version) { return new InstrumentSignalStateSerializer(version); }
    @Override public boolean isImmutableType() { return false; }
    @Override public InstrumentSignalState copy(InstrumentSignalState from) { return from.copy(); }

    @Override
    public void serialize(InstrumentSignalState s, DataOutputView out) throws IOException {
        s.writeTo(out);
    }

    @Override
    protected InstrumentSignalState deserialize(int version, DataInputView in) throws IOException {
        return InstrumentSignalState.readFrom(in);
    }
}
