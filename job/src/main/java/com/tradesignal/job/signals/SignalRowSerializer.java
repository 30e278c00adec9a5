package com.tradesignal.job.signals;

import com.tradesignal.candle.Candle;
import com.tradesignal.job.candles.CandleSerializer;
import com.tradesignal.serde.SimpleTypeInfo;
import com.tradesignal.serde.VersionedSerializer;
import com.tradesignal.signals.SignalVote;
import com.tradesignal.signals.Verdict;
import com.tradesignal.signals.Vote;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Version 1: the candle ({@link CandleSerializer} v1), the number count and numbers, the text count and nullable
 * texts, the vote count (−1 for none) and each vote's name, ordinal and reason, then a verdict flag and verdict.
 * Counts are written so a newer build with more keys can still read rows written by this one.
 */
public final class SignalRowSerializer extends VersionedSerializer<SignalRow> {
    private static final long serialVersionUID = 1L;
    public static final SignalRowSerializer INSTANCE = new SignalRowSerializer();
    public static final SimpleTypeInfo<SignalRow> TYPE = new SimpleTypeInfo<>(SignalRow.class, INSTANCE);
    private static final CandleSerializer CANDLES = new CandleSerializer();

    public SignalRowSerializer() {}

    private SignalRowSerializer(int readVersion) {
        super(readVersion);
    }

    @Override public int currentVersion() { return 1; }
    @Override protected SignalRowSerializer forReading(int version) { return new SignalRowSerializer(version); }
    @Override public boolean isImmutableType() { return false; }
    @Override public SignalRow copy(SignalRow from) { return from.copy(); }

    @Override
    public void serialize(SignalRow r, DataOutputView out) throws IOException {
        CANDLES.serialize(r.candle, out);
        out.writeInt(r.numbers.length);
        for (double d : r.numbers) out.writeDouble(d);
        out.writeInt(r.texts.length);
        for (String t : r.texts) writeNullableString(t, out);
        if (r.votes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(r.votes.size());
            for (SignalVote v : r.votes) {
                out.writeUTF(v.name());
                out.writeByte(v.vote().ordinal());
                out.writeUTF(v.reason());
            }
        }
        out.writeBoolean(r.verdict != null);
        if (r.verdict != null) {
            Verdict v = r.verdict;
            out.writeInt(v.bullish());
            out.writeInt(v.bearish());
            out.writeInt(v.neutral());
            out.writeByte(v.direction().ordinal());
            out.writeDouble(v.confidence());
            out.writeUTF(v.summary());
        }
    }

    @Override
    protected SignalRow deserialize(int version, DataInputView in) throws IOException {
        Candle candle = CANDLES.deserialize(in);
        double[] numbers = new double[NumberKey.values().length];
        Arrays.fill(numbers, Double.NaN);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            double d = in.readDouble();
            if (i < numbers.length) numbers[i] = d;
        }
        String[] texts = new String[TextKey.values().length];
        int t = in.readInt();
        for (int i = 0; i < t; i++) {
            String s = readNullableString(in);
            if (i < texts.length) texts[i] = s;
        }
        List<SignalVote> votes = null;
        int voteCount = in.readInt();
        if (voteCount >= 0) {
            votes = new ArrayList<>(voteCount);
            Vote[] kinds = Vote.values();
            for (int i = 0; i < voteCount; i++) {
                votes.add(new SignalVote(in.readUTF(), kinds[in.readByte()], in.readUTF()));
            }
        }
        Verdict verdict = null;
        if (in.readBoolean()) {
            verdict = new Verdict(in.readInt(), in.readInt(), in.readInt(), Vote.values()[in.readByte()], in.readDouble(), in.readUTF());
        }
        return new SignalRow(candle, numbers, texts, votes, verdict);
    }
}
