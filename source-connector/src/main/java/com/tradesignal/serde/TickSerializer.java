package com.tradesignal.serde;

import com.tradesignal.tick.Tick;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Binary format of {@link Tick}. Version 1: the fields in declaration order, symbol last. Version 2 adds the
 * source's receive time after the symbol (read as 0 from version 1).
 */
public final class TickSerializer extends VersionedSerializer<Tick> {
    private static final long serialVersionUID = 1L;
    public static final SimpleTypeInfo<Tick> TYPE = new SimpleTypeInfo<>(Tick.class, new TickSerializer());

    public TickSerializer() {}

    TickSerializer(int readVersion) {
        super(readVersion);
    }

    @Override public int currentVersion() { return 2; }
    @Override protected TickSerializer forReading(int version) { return new TickSerializer(version); }
    @Override public boolean isImmutableType() { return true; }
    @Override public Tick copy(Tick from) { return from; }

    @Override
    public void serialize(Tick t, DataOutputView out) throws IOException {
        out.writeLong(t.token);
        out.writeLong(t.exchangeTime);
        out.writeDouble(t.lastPrice);
        out.writeLong(t.lastQuantity);
        out.writeDouble(t.averagePrice);
        out.writeLong(t.volume);
        out.writeLong(t.buyQuantity);
        out.writeLong(t.sellQuantity);
        out.writeLong(t.openInterest);
        out.writeDouble(t.dayOpen);
        out.writeDouble(t.dayHigh);
        out.writeDouble(t.dayLow);
        out.writeDouble(t.dayClose);
        out.writeLong(t.lastTradeTime);
        writeNullableString(t.tradingSymbol, out);
        out.writeLong(t.receivedAt);
    }

    @Override
    protected Tick deserialize(int version, DataInputView in) throws IOException {
        return new Tick(in.readLong(), in.readLong(), in.readDouble(), in.readLong(), in.readDouble(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readLong(), readNullableString(in), version >= 2 ? in.readLong() : 0);
    }
}
