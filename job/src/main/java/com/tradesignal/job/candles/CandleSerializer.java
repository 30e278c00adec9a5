package com.tradesignal.job.candles;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import com.tradesignal.serde.SimpleTypeInfo;
import com.tradesignal.serde.VersionedSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Version 1: token, symbol, interval label, start, O, H, L, C, volume, pre-open price, ticks, open interest,
 * exchange VWAP, buy quantity, sell quantity.
 */
public final class CandleSerializer extends VersionedSerializer<Candle> {
    private static final long serialVersionUID = 1L;
    public static final SimpleTypeInfo<Candle> TYPE = new SimpleTypeInfo<>(Candle.class, new CandleSerializer());

    public CandleSerializer() {}

    private CandleSerializer(int readVersion) {
        super(readVersion);
    }

    @Override public int currentVersion() { return 1; }
    @Override protected CandleSerializer forReading(int version) { return new CandleSerializer(version); }
    @Override public boolean isImmutableType() { return true; }
    @Override public Candle copy(Candle from) { return from; }

    @Override
    public void serialize(Candle c, DataOutputView out) throws IOException {
        out.writeLong(c.token());
        writeNullableString(c.symbol(), out);
        out.writeUTF(c.interval().label());
        out.writeLong(c.start());
        out.writeDouble(c.open());
        out.writeDouble(c.high());
        out.writeDouble(c.low());
        out.writeDouble(c.close());
        out.writeLong(c.volume());
        out.writeDouble(c.preOpenPrice());
        out.writeInt(c.ticks());
        out.writeLong(c.openInterest());
        out.writeDouble(c.averagePrice());
        out.writeLong(c.buyQuantity());
        out.writeLong(c.sellQuantity());
    }

    @Override
    protected Candle deserialize(int version, DataInputView in) throws IOException {
        return new Candle(in.readLong(), readNullableString(in), CandleInterval.fromLabel(in.readUTF()), in.readLong(),
                in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readLong(), in.readDouble(),
                in.readInt(), in.readLong(), in.readDouble(), in.readLong(), in.readLong());
    }
}
