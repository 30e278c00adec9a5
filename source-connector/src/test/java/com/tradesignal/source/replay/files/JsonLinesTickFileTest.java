package com.tradesignal.source.replay.files;

import static com.tradesignal.source.replay.files.TickFileFixtures.millis;
import static com.tradesignal.source.replay.files.TickFileFixtures.readAll;
import static com.tradesignal.source.replay.files.TickFileFixtures.readOne;
import static com.tradesignal.source.replay.files.TickFileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignal.tick.Tick;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTickFileTest {
    @TempDir
    Path dir;

    @Test
    void jsonLinesTicksWithNestedOhlcFillEveryField() {
        Path f = write(dir, "ticks.jsonl",
                "{\"instrument_token\":13368834,\"tradingsymbol\":\"NIFTY22DECFUT\",\"timestamp\":\"2022-12-01T09:15:03+05:30\","
                        + "\"last_price\":18150.05,\"last_quantity\":50,\"average_price\":18140.25,\"volume\":123450,"
                        + "\"buy_quantity\":6000,\"sell_quantity\":7000,\"oi\":11223344,"
                        + "\"last_trade_time\":\"2022-12-01T09:15:02+05:30\","
                        + "\"ohlc\":{\"open\":18100,\"high\":18160.5,\"low\":18090,\"close\":18098.45}}");
        Tick expected = Tick.builder(13368834, millis("2022-12-01T09:15:03+05:30"), 18150.05)
                .tradingSymbol("NIFTY22DECFUT").lastQuantity(50).averagePrice(18140.25).volume(123450)
                .buyQuantity(6000).sellQuantity(7000).openInterest(11223344)
                .lastTradeTime(millis("2022-12-01T09:15:02+05:30")).dayOhlc(18100, 18160.5, 18090, 18098.45)
                .build();
        assertThat(readOne(f)).isEqualTo(expected);
    }

    @Test
    void dayOhlcMayBeFlat() {
        Path f = write(dir, "ticks.ndjson", "{\"instrument_token\":1,\"timestamp\":1669866303,\"last_price\":2,"
                + "\"open\":1,\"high\":3,\"low\":0.5,\"close\":1.5}");
        Tick t = readOne(f);
        assertThat(new double[] {t.dayOpen, t.dayHigh, t.dayLow, t.dayClose}).containsExactly(1, 3, 0.5, 1.5);
    }

    @Test
    void numbersMayBeNumericStrings() {
        Path f = write(dir, "ticks.jsonl", "{\"instrument_token\":\"256265\",\"timestamp\":\"1669866303000\","
                + "\"last_price\":\"18012.5\",\"volume\":\"42\",\"ohlc\":{\"open\":\"18000.5\"}}");
        Tick t = readOne(f);
        assertThat(t.token).isEqualTo(256265);
        assertThat(t.exchangeTime).isEqualTo(1669866303000L);
        assertThat(t.lastPrice).isEqualTo(18012.5);
        assertThat(t.volume).isEqualTo(42);
        assertThat(t.dayOpen).isEqualTo(18000.5);
    }

    @Test
    void extraFieldsAndNullsAreIgnored() {
        Path f = write(dir, "ticks.jsonl", "{\"mode\":\"full\",\"tradable\":true,\"depth\":{\"buy\":[{\"price\":1,"
                + "\"quantity\":2,\"orders\":1}],\"sell\":[]},\"change\":5.9,\"oi_day_high\":0,\"instrument_token\":7,"
                + "\"timestamp\":\"2022-12-01 09:15:03\",\"last_price\":3.5,\"volume\":null,\"ohlc\":null,"
                + "\"tradingsymbol\":null,\"nested\":{\"last_price\":99}}");
        assertThat(readOne(f)).isEqualTo(Tick.builder(7, millis("2022-12-01T09:15:03+05:30"), 3.5).build());
    }

    @Test
    void exchangeTimestampAndPykiteconnectNamesAreAccepted() {
        Path f = write(dir, "ticks.jsonl", "{\"instrument_token\":7,\"exchange_timestamp\":\"2022-12-01 09:15:03\","
                + "\"last_price\":3.5,\"volume_traded\":10,\"total_buy_quantity\":4,\"timestamp\":null}");
        Tick t = readOne(f);
        assertThat(t.exchangeTime).isEqualTo(millis("2022-12-01T09:15:03+05:30"));
        assertThat(t.volume).isEqualTo(10);
        assertThat(t.buyQuantity).isEqualTo(4);
    }

    @Test
    void gzipJsonLinesReadLikePlainJsonLines() {
        String[] lines = {"{\"instrument_token\":1,\"timestamp\":1669866303,\"last_price\":1}",
                "", "{\"instrument_token\":2,\"timestamp\":1669866304,\"last_price\":2}"};
        List<Tick> plain = readAll(write(dir, "a.jsonl", lines));
        assertThat(readAll(write(dir, "a.jsonl.gz", lines))).isEqualTo(plain).hasSize(2);
        assertThat(readAll(write(dir, "a.ndjson.gz", lines))).isEqualTo(plain);
    }

    @Test
    void linesLongerThanTheReadBufferAreRead() {
        String depth = "x".repeat(300_000);
        Path f = write(dir, "ticks.jsonl",
                "{\"instrument_token\":1,\"timestamp\":1669866303,\"last_price\":1,\"depth\":\"" + depth + "\"}",
                "{\"instrument_token\":2,\"timestamp\":1669866304,\"last_price\":2}");
        assertThat(readAll(f)).extracting(t -> t.token).containsExactly(1L, 2L);
    }

    @Test
    void kitesOfficialFullModeTickReadsAsAJsonLinesTick() throws Exception {
        File fixture = new File(System.getProperty("tradesignal.shared", "../../shared"),
                "fixtures/kite-mocks/ticker_full.json");
        String oneLine = Files.readString(fixture.toPath(), StandardCharsets.UTF_8).replaceAll("\\s*\\R\\s*", " ").strip();
        Tick t = readOne(write(dir, "kite.jsonl", oneLine));
        assertThat(t.token).isEqualTo(408065);
        assertThat(t.lastPrice).isEqualTo(1573.7);
        assertThat(t.volume).isEqualTo(1192471);
        assertThat(t.openInterest).isZero();
        assertThat(t.exchangeTime).isEqualTo(millis("2021-07-05T10:41:27+05:30"));
        assertThat(t.lastTradeTime).isEqualTo(millis("2021-07-05T10:41:27+05:30"));
        assertThat(new double[] {t.dayOpen, t.dayHigh, t.dayLow, t.dayClose})
                .containsExactly(1569.15, 1575, 1561.05, 1567.8);
        assertThat(t.lastQuantity).isEqualTo(7);
        assertThat(t.averagePrice).isEqualTo(1570.37);
        assertThat(t.buyQuantity).isEqualTo(256443);
        assertThat(t.sellQuantity).isEqualTo(363009);
    }
}
