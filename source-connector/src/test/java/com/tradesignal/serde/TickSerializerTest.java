package com.tradesignal.serde;

import com.tradesignal.tick.Tick;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TickSerializerTest {
    private static final Tick TICK = Tick.builder(256265, 1_795_751_100_000L, 25012.35).lastQuantity(75).averagePrice(25001.1)
            .volume(1_234_500).buyQuantity(900).sellQuantity(1100).openInterest(0).dayOhlc(24990, 25020, 24980, 24950.5)
            .lastTradeTime(1_795_751_099_000L).tradingSymbol("NIFTY 50").receivedAt(1_795_751_100_042L).build();

    @Test
    void aTickRoundTripsWithEveryFieldIncludingItsArrivalTime() throws Exception {
        TickSerializer serializer = new TickSerializer();
        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(TICK, out);
        Tick back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(back).isEqualTo(TICK);
        assertThat(back.receivedAt).isEqualTo(1_795_751_100_042L);
        assertThat(back.tradingSymbol).isEqualTo("NIFTY 50");
    }

    @Test
    void version1BytesFromAnOlderCheckpointReadWithAnUnknownArrivalTime() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(128);
        new TickSerializer().serialize(TICK, out);
        byte[] v2 = out.getCopyOfBuffer();
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - Long.BYTES); // version 1 ended with the symbol
        Tick back = new TickSerializer(1).deserialize(new DataInputDeserializer(v1));
        assertThat(back).isEqualTo(TICK);
        assertThat(back.receivedAt).isZero();
    }

    @Test
    void arrivalTimeIsNotPartOfATicksIdentity() {
        assertThat(TICK.toBuilder().receivedAt(1).build()).isEqualTo(TICK);
        assertThat(TICK.toBuilder().build().receivedAt).isEqualTo(TICK.receivedAt);
    }
}
