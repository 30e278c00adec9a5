package com.tradesignal.kite.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradesignal.tick.Tick;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class KitePacketDecodingTest {
    private static final long TS_MILLIS = 1625461887000L;

    private static DecodedTick decodeFramed(String packetFile, int expectedLength) {
        return decodeFramed(KiteFixtures.packet(packetFile), expectedLength);
    }

    private static DecodedTick decodeFramed(byte[] body, int expectedLength) {
        assertThat(body).hasSize(expectedLength);
        KiteFrameDecoder.Result r = new KiteFrameDecoder().decode(KiteFixtures.frame(body));
        assertThat(r.isClean()).isTrue();
        assertThat(r.ticks()).hasSize(1);
        return r.ticks().get(0);
    }

    private static void assertCommonFields(DecodedTick t, JsonNode j) {
        assertThat(t.mode()).isEqualTo(j.get("mode").asText());
        assertThat(t.tradable()).isEqualTo(j.get("tradable").asBoolean());
        assertThat(t.token()).isEqualTo(j.get("instrument_token").asLong());
        assertThat(t.lastPrice()).isEqualTo(j.get("last_price").asDouble());
        assertThat(t.lastQuantity()).isEqualTo(j.get("last_quantity").asLong());
        assertThat(t.averagePrice()).isEqualTo(j.get("average_price").asDouble());
        assertThat(t.volume()).isEqualTo(j.get("volume").asLong());
        assertThat(t.buyQuantity()).isEqualTo(j.get("buy_quantity").asLong());
        assertThat(t.sellQuantity()).isEqualTo(j.get("sell_quantity").asLong());
        JsonNode ohlc = j.get("ohlc");
        assertThat(t.open()).isEqualTo(ohlc.get("open").asDouble());
        assertThat(t.high()).isEqualTo(ohlc.get("high").asDouble());
        assertThat(t.low()).isEqualTo(ohlc.get("low").asDouble());
        assertThat(t.close()).isEqualTo(ohlc.get("close").asDouble());
    }

    private static long millis(JsonNode isoTime) {
        return OffsetDateTime.parse(isoTime.asText()).toInstant().toEpochMilli();
    }

    private static void assertDepth(List<DepthLevel> levels, JsonNode side) {
        assertThat(levels).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode e = side.get(i);
            assertThat(levels.get(i)).as("level %d", i)
                    .isEqualTo(new DepthLevel(e.get("quantity").asLong(), e.get("price").asDouble(),
                            e.get("orders").asInt()));
        }
    }

    @Test
    void theOfficialFullPacketDecodesToEveryFieldOfTickerFullJson() {
        DecodedTick t = decodeFramed("ticker_full.packet", 184);
        JsonNode j = KiteFixtures.json("ticker_full.json");

        assertThat(t.kind()).isEqualTo(PacketKind.FULL);
        assertCommonFields(t, j);
        assertThat(t.change()).isCloseTo(j.get("change").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.lastTradeTime()).isEqualTo(millis(j.get("last_trade_time"))).isEqualTo(TS_MILLIS);
        assertThat(t.exchangeTime()).isEqualTo(millis(j.get("timestamp"))).isEqualTo(TS_MILLIS);
        assertThat(t.openInterest()).isEqualTo(j.get("oi").asLong());
        assertThat(t.oiDayHigh()).isEqualTo(j.get("oi_day_high").asLong());
        assertThat(t.oiDayLow()).isEqualTo(j.get("oi_day_low").asLong());
        assertDepth(t.bids(), j.get("depth").get("buy"));
        assertDepth(t.asks(), j.get("depth").get("sell"));
        assertThat(Double.isNaN(t.priceChange())).isTrue();
        assertThat(t.segment()).isEqualTo(1);
    }

    @Test
    void theFullPacketHasTheDocumentedHeadlineValues() {
        DecodedTick t = decodeFramed("ticker_full.packet", 184);
        assertThat(t.token()).isEqualTo(408065L);
        assertThat(t.lastPrice()).isEqualTo(1573.70);
        assertThat(t.volume()).isEqualTo(1192471L);
        assertThat(new double[] {t.open(), t.high(), t.low(), t.close()})
                .containsExactly(1569.15, 1575.0, 1561.05, 1567.8);
        assertThat(t.exchangeTime()).isEqualTo(OffsetDateTime.parse("2021-07-05T10:41:27+05:30")
                .toInstant().toEpochMilli());
        assertThat(t.bids().get(0)).isEqualTo(new DepthLevel(5, 1573.40, 1));
        assertThat(t.asks().get(0)).isEqualTo(new DepthLevel(172, 1573.70, 3));
    }

    @Test
    void theFullPacketBecomesATickStampedWithTheExchangeTime() {
        DecodedTick t = decodeFramed("ticker_full.packet", 184);
        assertThat(t.timeSource()).isEqualTo(DecodedTick.TimeSource.EXCHANGE);
        Tick tick = t.toTick();
        assertThat(tick).isEqualTo(t.toTick(42L));
        assertThat(tick.token).isEqualTo(408065L);
        assertThat(tick.exchangeTime).isEqualTo(TS_MILLIS);
        assertThat(tick.lastTradeTime).isEqualTo(TS_MILLIS);
        assertThat(tick.lastPrice).isEqualTo(1573.7);
        assertThat(tick.lastQuantity).isEqualTo(7);
        assertThat(tick.averagePrice).isEqualTo(1570.37);
        assertThat(tick.volume).isEqualTo(1192471L);
        assertThat(tick.buyQuantity).isEqualTo(256443L);
        assertThat(tick.sellQuantity).isEqualTo(363009L);
        assertThat(tick.openInterest).isZero();
        assertThat(tick.dayOpen).isEqualTo(1569.15);
        assertThat(tick.dayHigh).isEqualTo(1575.0);
        assertThat(tick.dayLow).isEqualTo(1561.05);
        assertThat(tick.dayClose).isEqualTo(1567.8);
        assertThat(tick.tradingSymbol).isNull();
    }

    @Test
    void theOfficialQuotePacketDecodesToEveryFieldOfTickerQuoteJson() {
        DecodedTick t = decodeFramed("ticker_quote.packet", 44);
        JsonNode j = KiteFixtures.json("ticker_quote.json");

        assertThat(t.kind()).isEqualTo(PacketKind.QUOTE);
        assertCommonFields(t, j);
        // The mock JSON says change 5.9, copied from the full mock: its own LTP 1573.15 - close 1567.8 is 5.35.
        assertThat(t.change()).isCloseTo(5.35, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.lastPrice()).isEqualTo(1573.15);
        assertThat(t.volume()).isEqualTo(1175986L);
        assertThat(t.lastTradeTime()).isEqualTo(Tick.ABSENT_TIME);
        assertThat(t.exchangeTime()).isEqualTo(Tick.ABSENT_TIME);
        assertThat(t.bids()).isEmpty();
        assertThat(t.asks()).isEmpty();
    }

    @Test
    void aQuotePacketHasNoTimestampSoItsTickTakesTheArrivalTime() {
        DecodedTick t = decodeFramed("ticker_quote.packet", 44);
        assertThat(t.hasExchangeTime()).isFalse();
        assertThat(t.timeSource()).isEqualTo(DecodedTick.TimeSource.ARRIVAL);
        assertThatThrownBy(t::toTick).isInstanceOf(IllegalStateException.class).hasMessageContaining("arrival");
        Tick tick = t.toTick(1_700_000_000_123L);
        assertThat(tick.exchangeTime).isEqualTo(1_700_000_000_123L);
        assertThat(tick.lastTradeTime).isEqualTo(Tick.ABSENT_TIME);
        assertThat(tick.volume).isEqualTo(1175986L);
    }

    @Test
    void anLtpPacketDerivedFromTickerLtpJsonDecodesBack() {
        JsonNode j = KiteFixtures.json("ticker_ltp.json");
        // 8 bytes: token, LTP × 100 (segment 1)
        byte[] body = java.nio.ByteBuffer.allocate(8).putInt(j.get("instrument_token").asInt())
                .putInt((int) Math.round(j.get("last_price").asDouble() * 100)).array();
        DecodedTick t = decodeFramed(body, 8);

        assertThat(t.kind()).isEqualTo(PacketKind.LTP);
        assertThat(t.mode()).isEqualTo(j.get("mode").asText());
        assertThat(t.tradable()).isEqualTo(j.get("tradable").asBoolean());
        assertThat(t.token()).isEqualTo(408065L);
        assertThat(t.lastPrice()).isEqualTo(1573.15);
        assertThat(Double.isNaN(t.open())).isTrue();
        assertThat(Double.isNaN(t.averagePrice())).isTrue();
        assertThat(t.volume()).isZero();
        assertThat(t.timeSource()).isEqualTo(DecodedTick.TimeSource.ARRIVAL);
        Tick tick = t.toTick(5L);
        assertThat(tick.exchangeTime).isEqualTo(5L);
        assertThat(Double.isNaN(tick.dayClose)).isTrue();
        assertThat(KiteFrameEncoder.encodePacket(t)).isEqualTo(body);
    }

    @Test
    void indexPacketsAreReadInHighLowOpenCloseOrder() {
        long nifty = 256265L; // segment 9
        byte[] body = java.nio.ByteBuffer.allocate(32).putInt((int) nifty).putInt(1_800_050)
                .putInt(1_810_000).putInt(1_790_000).putInt(1_795_000).putInt(1_799_000).putInt(1_050)
                .putInt(1_625_461_887).array();
        DecodedTick t = KitePacket.decode(body);
        assertThat(t.kind()).isEqualTo(PacketKind.INDEX_FULL);
        assertThat(t.tradable()).isFalse();
        assertThat(t.mode()).isEqualTo("full");
        assertThat(t.lastPrice()).isEqualTo(18000.50);
        assertThat(t.high()).isEqualTo(18100.0);
        assertThat(t.low()).isEqualTo(17900.0);
        assertThat(t.open()).isEqualTo(17950.0);
        assertThat(t.close()).isEqualTo(17990.0);
        assertThat(t.priceChange()).isEqualTo(10.5);
        assertThat(t.exchangeTime()).isEqualTo(TS_MILLIS);
        Tick tick = t.toTick();
        assertThat(tick.volume).isZero();
        assertThat(tick.openInterest).isZero();
        assertThat(Double.isNaN(tick.averagePrice)).isTrue();
        assertThat(tick.lastTradeTime).isEqualTo(Tick.ABSENT_TIME);

        DecodedTick quote = KitePacket.decode(java.util.Arrays.copyOf(body, 28));
        assertThat(quote.kind()).isEqualTo(PacketKind.INDEX_QUOTE);
        assertThat(quote.mode()).isEqualTo("quote");
        assertThat(quote.hasExchangeTime()).isFalse();
    }

    @Test
    void priceDivisorDependsOnTheSegmentInTheLowByteOfTheToken() {
        assertThat(KitePacket.priceDivisor(408065L)).isEqualTo(100.0);   // NSE
        assertThat(KitePacket.priceDivisor(256265L)).isEqualTo(100.0);   // INDICES
        assertThat(KitePacket.priceDivisor((1234L << 8) | 3)).isEqualTo(10_000_000.0); // CDS
        assertThat(KitePacket.priceDivisor((1234L << 8) | 6)).isEqualTo(10_000.0);     // BCD
        assertThat(KitePacket.priceDivisor((1234L << 8) | 12)).isEqualTo(100.0);       // NCO: as official clients
    }

    @Test
    void anUnknownPacketLengthIsRejectedByThePacketDecoder() {
        assertThatThrownBy(() -> KitePacket.decode(new byte[50])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50");
    }
}
