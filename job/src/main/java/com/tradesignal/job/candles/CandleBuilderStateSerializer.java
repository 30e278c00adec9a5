package com.tradesignal.job.candles;

import com.tradesignal.job.bars.MinuteBar;
import com.tradesignal.job.bars.MinuteBarSerializer;
import com.tradesignal.serde.VersionedSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Version 1: symbol, day, baseline volume, pre-open price, the pending minute bars (count, then each in
 * {@link MinuteBarSerializer} v1 format), then per aggregate interval a presence flag and the open candle
 * (start, O, H, L, C, volume, ticks, open interest, exchange VWAP, buy and sell quantity).
 */
public final class CandleBuilderStateSerializer extends VersionedSerializer<CandleBuilderState> {
    private static final long serialVersionUID = 1L;
    static final CandleBuilderStateSerializer INSTANCE = new CandleBuilderStateSerializer();

    public CandleBuilderStateSerializer() {}

    private CandleBuilderStateSerializer(int readVersion) {
        super(readVersion);
    }

    @Override public int currentVersion() { return 1; }
    @Override protected CandleBuilderStateSerializer forReading(int version) { return new CandleBuilderStateSerializer(version); }
    @Override public boolean isImmutableType() { return false; }
    @Override public CandleBuilderState copy(CandleBuilderState from) { return from.copy(); }

    @Override
    public void serialize(CandleBuilderState s, DataOutputView out) throws IOException {
        writeNullableString(s.symbol, out);
        out.writeLong(s.day);
        out.writeLong(s.baselineVolume);
        out.writeDouble(s.preOpenPrice);
        out.writeInt(s.pending.size());
        for (MinuteBar bar : s.pending.values()) {
            MinuteBarSerializer.INSTANCE.serialize(bar, out);
        }
        out.writeInt(s.open.length);
        for (OpenCandle c : s.open) {
            out.writeBoolean(c != null);
            if (c != null) {
                out.writeLong(c.start);
                out.writeDouble(c.open);
                out.writeDouble(c.high);
                out.writeDouble(c.low);
                out.writeDouble(c.close);
                out.writeLong(c.volume);
                out.writeInt(c.ticks);
                out.writeLong(c.openInterest);
                out.writeDouble(c.averagePrice);
                out.writeLong(c.buyQuantity);
                out.writeLong(c.sellQuantity);
            }
        }
    }

    @Override
    protected CandleBuilderState deserialize(int version, DataInputView in) throws IOException {
        CandleBuilderState s = new CandleBuilderState();
        s.symbol = readNullableString(in);
        s.day = in.readLong();
        s.baselineVolume = in.readLong();
        s.preOpenPrice = in.readDouble();
        int pending = in.readInt();
        for (int i = 0; i < pending; i++) {
            MinuteBar bar = MinuteBarSerializer.INSTANCE.deserialize(in);
            s.pending.put(bar.minuteStart, bar);
        }
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            if (in.readBoolean()) {
                OpenCandle c = new OpenCandle();
                c.start = in.readLong();
                c.open = in.readDouble();
                c.high = in.readDouble();
                c.low = in.readDouble();
                c.close = in.readDouble();
                c.volume = in.readLong();
                c.ticks = in.readInt();
                c.openInterest = in.readLong();
                c.averagePrice = in.readDouble();
                c.buyQuantity = in.readLong();
                c.sellQuantity = in.readLong();
                s.open[i] = c;
            }
        }
        return s;
    }
}
