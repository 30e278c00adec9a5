package com.tradesignal.source.replay.files;

import static com.tradesignal.source.replay.files.TickFileFixtures.millis;
import static com.tradesignal.source.replay.files.TickFileFixtures.readAll;
import static com.tradesignal.source.replay.files.TickFileFixtures.readOne;
import static com.tradesignal.source.replay.files.TickFileFixtures.write;
import static com.tradesignal.source.replay.files.TickFileFixtures.writeRaw;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignal.tick.Tick;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTickFileTest {
    @TempDir
    Path dir;

    @Test
    void csvColumnsAreFoundByNameInAnyOrder() {
        Path f = write(dir, "ticks.csv",
                "volume,last_price,timestamp,instrument_token",
                "1200,18012.5,2022-12-01T09:15:03+05:30,256265");
        Tick t = readOne(f);
        assertThat(t.token).isEqualTo(256265);
        assertThat(t.lastPrice).isEqualTo(18012.5);
        assertThat(t.volume).isEqualTo(1200);
        assertThat(t.exchangeTime).isEqualTo(millis("2022-12-01T09:15:03+05:30"));
    }

    @Test
    void everyOptionalColumnFillsItsTickField() {
        Path f = write(dir, "ticks.csv",
                "instrument_token,tradingsymbol,timestamp,last_price,last_quantity,average_price,volume,"
                        + "buy_quantity,sell_quantity,oi,last_trade_time,open,high,low,close",
                "13368834,NIFTY22DECFUT,2022-12-01T09:15:03+05:30,18150.05,50,18140.25,123450,6000,7000,"
                        + "11223344,2022-12-01T09:15:02+05:30,18100,18160.5,18090,18098.45");
        Tick expected = Tick.builder(13368834, millis("2022-12-01T09:15:03+05:30"), 18150.05)
                .tradingSymbol("NIFTY22DECFUT").lastQuantity(50).averagePrice(18140.25).volume(123450)
                .buyQuantity(6000).sellQuantity(7000).openInterest(11223344)
                .lastTradeTime(millis("2022-12-01T09:15:02+05:30")).dayOhlc(18100, 18160.5, 18090, 18098.45)
                .build();
        assertThat(readOne(f)).isEqualTo(expected);
    }

    @Test
    void emptyOptionalCellsAreAbsent() {
        Path f = write(dir, "ticks.csv",
                "instrument_token,timestamp,last_price,tradingsymbol,volume,oi,average_price,last_trade_time,open",
                "256265,2022-12-01T09:15:03+05:30,18012.5,,,,,,");
        assertThat(readOne(f)).isEqualTo(Tick.builder(256265, millis("2022-12-01T09:15:03+05:30"), 18012.5).build());
        Tick t = readOne(f);
        assertThat(t.averagePrice).isNaN();
        assertThat(t.dayOpen).isNaN();
        assertThat(t.lastTradeTime).isEqualTo(Tick.ABSENT_TIME);
        assertThat(t.tradingSymbol).isNull();
    }

    @Test
    void unknownColumnsAreIgnored() {
        Path f = write(dir, "ticks.csv",
                "mode,instrument_token,change,timestamp,depth,last_price,tradable",
                "full,256265,0.5,2022-12-01T09:15:03+05:30,whatever,18012.5,true");
        assertThat(readOne(f).lastPrice).isEqualTo(18012.5);
    }

    @Test
    void quotedCellsMayHoldCommasSpacesAndDoubledQuotes() {
        Path f = write(dir, "ticks.csv",
                "tradingsymbol,instrument_token,timestamp,\"last_price\"",
                "\"NIFTY 50\",256265,2022-12-01T09:15:03+05:30,18012.5",
                "\"BANK, NIFTY\",\"260105\",\"2022-12-01 09:15:04\",\"42000.05\"",
                "\"say \"\"hi\"\"\",265, 2022-12-01T09:15:05+05:30 ,\"61000\"",
                "\"\",265,2022-12-01T09:15:06+05:30,61000");
        List<Tick> ticks = readAll(f);
        assertThat(ticks).extracting(t -> t.tradingSymbol).containsExactly("NIFTY 50", "BANK, NIFTY", "say \"hi\"", null);
        assertThat(ticks).extracting(t -> t.token).containsExactly(256265L, 260105L, 265L, 265L);
        assertThat(ticks.get(1).lastPrice).isEqualTo(42000.05);
        assertThat(ticks.get(2).exchangeTime).isEqualTo(millis("2022-12-01T09:15:05+05:30"));
    }

    @Test
    void blankLinesAreSkippedSilently() {
        Path f = writeRaw(dir, "ticks.csv", "\n"
                + "instrument_token,timestamp,last_price\n"
                + "\n"
                + "256265,2022-12-01T09:15:03+05:30,1\n"
                + "   \n"
                + "\r\n"
                + "256265,2022-12-01T09:15:04+05:30,2\n"
                + "\n");
        List<TickFormatException> skipped = new java.util.ArrayList<>();
        List<Tick> ticks = readAll(f, FilePosition.START, BadLinePolicy.SKIP, skipped::add, null);
        assertThat(ticks).extracting(t -> t.lastPrice).containsExactly(1.0, 2.0);
        assertThat(skipped).isEmpty();
    }

    @Test
    void windowsLineEndingsAByteOrderMarkAndAMissingLastNewlineAreFine() {
        Path f = writeRaw(dir, "ticks.csv", "\uFEFFinstrument_token,timestamp,last_price\r\n"
                + "256265,2022-12-01T09:15:03+05:30,1\r\n"
                + "256265,2022-12-01T09:15:04+05:30,2");
        assertThat(readAll(f)).extracting(t -> t.lastPrice).containsExactly(1.0, 2.0);
    }

    @Test
    void headerNamesIgnoreCaseAndSurroundingSpaces() {
        Path f = write(dir, "ticks.csv", " Instrument_Token , TIMESTAMP ,Last_Price", "5,1669866303,1");
        assertThat(readOne(f).token).isEqualTo(5);
    }

    @Test
    void exchangeTimestampAndOhlcDottedNamesAreAccepted() {
        Path f = write(dir, "ticks.csv",
                "instrument_token,exchange_timestamp,last_price,ohlc.open,ohlc.high,ohlc.low,ohlc.close",
                "256265,2022-12-01T09:15:03+05:30,18012.5,18000,18050,17990,17980.15");
        Tick t = readOne(f);
        assertThat(t.exchangeTime).isEqualTo(millis("2022-12-01T09:15:03+05:30"));
        assertThat(new double[] {t.dayOpen, t.dayHigh, t.dayLow, t.dayClose})
                .containsExactly(18000, 18050, 17990, 17980.15);
    }

    @Test
    void timestampIsPreferredOverExchangeTimestampWhenBothArePresent() {
        Path f = write(dir, "ticks.csv", "exchange_timestamp,instrument_token,timestamp,last_price",
                "2022-12-01T10:00:00+05:30,5,2022-12-01T09:15:03+05:30,1");
        assertThat(readOne(f).exchangeTime).isEqualTo(millis("2022-12-01T09:15:03+05:30"));
    }

    @Test
    void pykiteconnectFieldNamesAreAccepted() {
        Path f = write(dir, "ticks.csv",
                "instrument_token,exchange_timestamp,last_price,last_traded_quantity,average_traded_price,"
                        + "volume_traded,total_buy_quantity,total_sell_quantity",
                "5,2022-12-01 09:15:03,10,1,9.5,100,20,30");
        Tick t = readOne(f);
        assertThat(new long[] {t.lastQuantity, t.volume, t.buyQuantity, t.sellQuantity}).containsExactly(1, 100, 20, 30);
        assertThat(t.averagePrice).isEqualTo(9.5);
    }

    @Test
    void wholeNumbersWrittenWithADecimalPointAreAccepted() {
        // pandas writes integer columns that contain gaps as floats
        Path f = write(dir, "ticks.csv", "instrument_token,timestamp,last_price,volume,oi",
                "256265.0,1669866303,18012,1192471.0,1.5e3");
        Tick t = readOne(f);
        assertThat(t.token).isEqualTo(256265);
        assertThat(t.volume).isEqualTo(1192471);
        assertThat(t.openInterest).isEqualTo(1500);
        assertThat(t.lastPrice).isEqualTo(18012.0);
    }

    @Test
    void pricesParseExactlyAsJavaWould() {
        String[] prices = {"0.05", "1573.7", "18012.35", "42000.05", "24970.30078125", "0.1", "123456789.123456789",
                "99999999999999999999.5", "1e3", "2.5E-2", ".5", "5.", "+7.25", "-0"};
        StringBuilder csv = new StringBuilder("instrument_token,timestamp,last_price\n");
        for (String p : prices) csv.append("1,1669866303,").append(p).append('\n');
        List<Tick> ticks = readAll(writeRaw(dir, "ticks.csv", csv.toString()));
        for (int i = 0; i < prices.length; i++) {
            assertThat(ticks.get(i).lastPrice).as(prices[i]).isEqualTo(Math.abs(Double.parseDouble(prices[i])));
        }
    }

    @Test
    void nonAsciiSymbolsAreDecodedAsUtf8() {
        Path f = write(dir, "ticks.csv", "instrument_token,timestamp,last_price,tradingsymbol",
                "1,1669866303,1,निफ्टी 50");
        assertThat(readOne(f).tradingSymbol).isEqualTo("निफ्टी 50");
    }

    @Test
    void gzipCsvReadsLikePlainCsv() {
        String[] lines = {"instrument_token,timestamp,last_price", "1,1669866303,1", "2,1669866304,2"};
        assertThat(readAll(write(dir, "ticks.csv.gz", lines))).isEqualTo(readAll(write(dir, "ticks.csv", lines)))
                .hasSize(2);
    }

    @Test
    void anEmptyFileHasNoTicks() {
        assertThat(readAll(writeRaw(dir, "empty.csv", ""))).isEmpty();
        assertThat(readAll(writeRaw(dir, "empty.jsonl", ""))).isEmpty();
        assertThat(readAll(writeRaw(dir, "header-only.csv", "instrument_token,timestamp,last_price\n"))).isEmpty();
    }

    @Test
    void manyLinesAcrossBufferBoundariesAllArrive() {
        StringBuilder csv = new StringBuilder("instrument_token,timestamp,last_price,tradingsymbol\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i % 7).append(',').append(1669866303L + i).append(',').append(i).append(".25,SYM").append(i % 7)
                    .append(i % 3 == 0 ? "\r\n" : "\n");
        }
        List<Tick> ticks = readAll(writeRaw(dir, "big.csv", csv.toString()));
        assertThat(ticks).hasSize(20_000);
        for (int i = 0; i < ticks.size(); i++) {
            assertThat(ticks.get(i).lastPrice).isEqualTo(i + 0.25);
            assertThat(ticks.get(i).tradingSymbol).isEqualTo("SYM" + (i % 7));
        }
    }
}
