package com.tradesignal.job.bars;

import com.tradesignal.serde.SimpleTypeInfo;
import com.tradesignal.serde.VersionedSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Binary format of {@link MinuteBar}. Version 1: all fields in declaration order. */
public final class MinuteBarSerializer extends VersionedSerializer<MinuteBar> {
    private static final long serialVersionUID = 1L;
    public static final MinuteBarSerializer INSTANCE = new MinuteBarSerializer();
    public static final SimpleTypeInfo<MinuteBar> TYPE = new SimpleTypeInfo<>(MinuteBar.class, INSTANCE);

    public MinuteBarSerializer() {}

    private MinuteBarSerializer(int readVersion) {
        super(readVersion);
    }

    @Override public int currentVersion() { return 1; }
    @Override protected MinuteBarSerializer forReading(int version) { return new MinuteBarSerializer(version); }
    @Override public boolean isImmutableType() { return false; }
    @Override public MinuteBar copy(MinuteBar from) { return from.copy(); }

    @Override
    public void serialize(MinuteBar b, DataOutputView out) throws IOException {
        out.writeLong(b.token);
        writeNullableString(b.symbol, out);
        out.writeLong(b.minuteStart);
        out.writeLong(b.firstTime);
        out.writeDouble(b.open);
        out.writeLong(b.lastTime);
        out.writeDouble(b.close);
        out.writeDouble(b.high);
        out.writeDouble(b.low);
        out.writeLong(b.minVolume);
        out.writeLong(b.maxVolume);
        out.writeLong(b.openInterest);
        out.writeDouble(b.averagePrice);
        out.writeLong(b.buyQuantity);
        out.writeLong(b.sellQuantity);
        out.writeInt(b.ticks);
    }

    @Override
    protected MinuteBar deserialize(int version, DataInputView in) throws IOException {
        MinuteBar b = new MinuteBar();
        b.token = in.readLong();
        b.symbol = readNullableString(in);
        b.minuteStart = in.readLong();
        b.firstTime = in.readLong();
        b.open = in.readDouble();
        b.lastTime = in.readLong();
        b.close = in.readDouble();
        b.high = in.readDouble();
        b.low = in.readDouble();
        b.minVolume = in.readLong();
        b.maxVolume = in.readLong();
        b.openInterest = in.readLong();
        b.averagePrice = in.readDouble();
        b.buyQuantity = in.readLong();
        b.sellQuantity = in.readLong();
        b.ticks = in.readInt();
        return b;
    }
}
