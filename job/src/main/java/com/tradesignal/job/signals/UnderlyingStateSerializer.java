package com.tradesignal.job.signals;

import com.tradesignal.serde.VersionedSerializer;
import com.tradesignal.signals.OiBuildUpTracker;
import com.tradesignal.signals.PutCallRatio;
import com.tradesignal.signals.VolumeAnalysis;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Version 1: the followed future token, per interval the future's
 * latest row ({@link SignalRowSerializer} v1, flagged), volume analysis and OI tracker, then the option expiry and the chain (flagged).
 */
public final class UnderlyingStateSerializer extends VersionedSerializer<UnderlyingState> {
    private static final long serialVersionUID = 1L;
    static final UnderlyingStateSerializer INSTANCE = new UnderlyingStateSerializer();
    private static final SignalRowSerializer ROWS = SignalRowSerializer.INSTANCE;

    public UnderlyingStateSerializer() {}

    private UnderlyingStateSerializer(int readVersion) {
        super(readVersion);
    }

    @Override public int currentVersion() { return 1; }
    @Override protected UnderlyingStateSerializer forReading(int version) { return new UnderlyingStateSerializer(version); }
    @Override public boolean isImmutableType() { return false; }
    @Override public UnderlyingState copy(UnderlyingState from) { return from.copy(); }

    @Override
    public void serialize(UnderlyingState s, DataOutputView out) throws IOException {
        out.writeLong(s.futureToken);
        out.writeInt(UnderlyingState.INTERVALS);
        for (int i = 0; i < UnderlyingState.INTERVALS; i++) {
            out.writeBoolean(s.futureRows[i] != null);
            if (s.futureRows[i] != null) ROWS.serialize(s.futureRows[i], out);
            s.volume[i].writeTo(out);
            s.openInterest[i].writeTo(out);
        }
        out.writeLong(s.optionExpiry);
        out.writeBoolean(s.chain != null);
        if (s.chain != null) s.chain.writeTo(out);
    }

    @Override
    protected UnderlyingState deserialize(int version, DataInputView in) throws IOException {
        UnderlyingState s = new UnderlyingState();
        s.futureToken = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            if (in.readBoolean()) s.futureRows[i] = ROWS.deserialize(in);
            s.volume[i] = VolumeAnalysis.readFrom(in);
            s.openInterest[i] = OiBuildUpTracker.readFrom(in);
        }
        s.optionExpiry = in.readLong();
        s.chain = in.readBoolean() ? PutCallRatio.readFrom(in) : null;
        return s;
    }
}
