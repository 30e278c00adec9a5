package com.tradesignal.kite.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradesignal.tick.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

class KiteFrameEncoderTest {
    private static final long TS = 1625461887000L;
    private static final long CDS_TOKEN = (412_345L << 8) | 3;

    @Test
    void theOfficialFullBodyReEncodesByteForByte() {
        byte[] body = KiteFixtures.packet("ticker_full.packet");
        assertThat(KiteFrameEncoder.encodePacket(KitePacket.decode(body))).isEqualTo(body);
    }

    @Test
    void theOfficialQuoteBodyReEncodesByteForByte() {
        byte[] body = KiteFixtures.packet("ticker_quote.packet");
        assertThat(KiteFrameEncoder.encodePacket(KitePacket.decode(body))).isEqualTo(body);
    }

    @Test
    void aFrameOfBothOfficialBodiesReEncodesByteForByte() {
        byte[] frame = KiteFixtures.frame(KiteFixtures.packet("ticker_full.packet"),
                KiteFixtures.packet("ticker_quote.packet"));
        List<DecodedTick> ticks = new KiteFrameDecoder().decode(frame).ticks();
        assertThat(KiteFrameEncoder.encodeFrame(ticks)).isEqualTo(frame);
        assertThat(frame).startsWith(0x00, 0x02, 0x00, 0xB8);
    }

    @Test
    void everyModeRoundTripsThroughAFrame() {
        DecodedTick full = KitePacket.decode(KiteFixtures.packet("ticker_full.packet"));
        DecodedTick quote = KitePacket.decode(KiteFixtures.packet("ticker_quote.packet"));
        DecodedTick ltp = DecodedTick.ltp(408065L, 1573.15);
        DecodedTick indexQuote = DecodedTick.index(256265L, 18000.5, 17950, 18100, 17900, 17990, 10.5,
                DecodedTick.ABSENT_TIME);
        DecodedTick indexFull = DecodedTick.index(260105L, 43000.05, 42900, 43100, 42800, 42950, -5.25, TS);
        DecodedTick fullWithOi = new DecodedTick(PacketKind.FULL, (13_000L << 8) | 2, 18050.25, 65, 18040.1,
                4_000_000_000L, 123, 456, 18000, 18100, 17950, 17990, Double.NaN, TS - 2000, 12_000_000,
                12_500_000, 11_900_000, TS,
                List.of(new DepthLevel(65, 18050.2, 1), new DepthLevel(130, 18050.15, 65_535)),
                List.of(new DepthLevel(650, 18050.3, 7)));
        List<DecodedTick> ticks = List.of(full, quote, ltp, indexQuote, indexFull, fullWithOi);

        KiteFrameDecoder.Result r = new KiteFrameDecoder().decode(KiteFrameEncoder.encodeFrame(ticks));

        assertThat(r.isClean()).isTrue();
        assertThat(r.ticks()).hasSize(6);
        assertThat(r.ticks().subList(0, 5)).isEqualTo(ticks.subList(0, 5));
        DecodedTick back = r.ticks().get(5);
        assertThat(back.volume()).isEqualTo(4_000_000_000L); // unsigned 32 bit
        assertThat(back.bids()).hasSize(5).startsWith(new DepthLevel(65, 18050.2, 1),
                new DepthLevel(130, 18050.15, 65_535));
        assertThat(back.bids().get(4)).isEqualTo(DepthLevel.EMPTY);
        assertThat(back.asks().get(0)).isEqualTo(new DepthLevel(650, 18050.3, 7));
        assertThat(back.openInterest()).isEqualTo(12_000_000);
        assertThat(back.lastTradeTime()).isEqualTo(TS - 2000);
        assertThat(back.exchangeTime()).isEqualTo(TS);
        assertThat(r.ticks().stream().map(DecodedTick::kind)).containsExactly(PacketKind.FULL, PacketKind.QUOTE,
                PacketKind.LTP, PacketKind.INDEX_QUOTE, PacketKind.INDEX_FULL, PacketKind.FULL);
    }

    @Test
    void aCurrencyTokenIsScaledByTenMillion() {
        DecodedTick usdinr = new DecodedTick(PacketKind.QUOTE, CDS_TOKEN, 83.1234567, 1, 83.1200001, 500, 10, 20,
                83.0, 83.2, 82.9500001, 83.05, Double.NaN, DecodedTick.ABSENT_TIME, 0, 0, 0,
                DecodedTick.ABSENT_TIME, List.of(), List.of());
        byte[] body = KiteFrameEncoder.encodePacket(usdinr);
        assertThat(java.nio.ByteBuffer.wrap(body).getInt(4)).isEqualTo(831_234_567);

        DecodedTick back = new KiteFrameDecoder().decode(KiteFrameEncoder.encodeFrame(usdinr)).ticks().get(0);
        assertThat(back).isEqualTo(usdinr);
        assertThat(back.segment()).isEqualTo(3);
        assertThat(back.tradable()).isTrue();

        DecodedTick ltp = DecodedTick.ltp(CDS_TOKEN, 83.1234567);
        assertThat(KitePacket.decode(KiteFrameEncoder.encodePacket(ltp))).isEqualTo(ltp);
    }

    @Test
    void aTickOfTheNormalizedTypeEncodesInEachLayout() {
        Tick tick = KitePacket.decode(KiteFixtures.packet("ticker_full.packet")).toTick();
        for (PacketKind kind : List.of(PacketKind.FULL, PacketKind.QUOTE, PacketKind.LTP)) {
            DecodedTick back = KitePacket.decode(KiteFrameEncoder.encodePacket(DecodedTick.fromTick(tick, kind)));
            assertThat(back.kind()).isEqualTo(kind);
            assertThat(back.lastPrice()).isEqualTo(1573.7);
        }
        DecodedTick full = KitePacket.decode(KiteFrameEncoder.encodePacket(DecodedTick.fromTick(tick, PacketKind.FULL)));
        assertThat(full.toTick()).isEqualTo(tick);
    }

    @Test
    void theHeartbeatIsOneByte() {
        assertThat(KiteFrameEncoder.heartbeat()).hasSize(1);
        assertThat(new KiteFrameDecoder().decode(KiteFrameEncoder.heartbeat()).isHeartbeat()).isTrue();
    }

    @Test
    void valuesThatDoNotFitTheirFieldAreRefused() {
        DecodedTick tooBig = new DecodedTick(PacketKind.QUOTE, 408065L, 1.0, 0, 1.0, 1L << 32, 0, 0, 1, 1, 1, 1,
                Double.NaN, DecodedTick.ABSENT_TIME, 0, 0, 0, DecodedTick.ABSENT_TIME, List.of(), List.of());
        assertThatThrownBy(() -> KiteFrameEncoder.encodePacket(tooBig))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volume");
        assertThatThrownBy(() -> KiteFrameEncoder.encodePacket(DecodedTick.ltp(CDS_TOKEN, 1000.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last_price");
    }
}
