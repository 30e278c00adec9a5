package com.tradesignal.bench.day;

import com.tradesignal.sim.TickCsvWriter;
import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TickLineWriterTest {
    @Test
    void writesWhatTickCsvWriterWrites(@TempDir Path dir) throws Exception {
        long t = 1_787_111_103_000L; // whole seconds, as Kite stamps them
        long[][] cases = { // price, average, volume, oi, day open (paise)
                {2_485_000, 2_484_990, 650, 2_742_870, 2_480_000},
                {2_485_035, 2_485_001, 0, 0, 5},
                {2_485_030, TickLineWriter.ABSENT, 13, 1, 100},
                {5, 1, 1_000_000_000L, 65, 10_000_000_000L},
        };
        StringWriter expected = new StringWriter();
        Path file = dir.resolve("t.csv");
        try (TickCsvWriter reference = new TickCsvWriter(expected); TickLineWriter fast = new TickLineWriter(file)) {
            for (long[] c : cases) {
                Tick.Builder b = Tick.builder(14866434L, t, c[0] / 100.0).tradingSymbol("NIFTY26AUG24200CE")
                        .lastQuantity(65).volume(c[2]).buyQuantity(1300).sellQuantity(0).openInterest(c[3])
                        .dayOhlc(c[4] / 100.0, c[0] / 100.0, 0.05, 24_078.4).lastTradeTime(t - 2000);
                if (c[1] != TickLineWriter.ABSENT) b.averagePrice(c[1] / 100.0);
                reference.write(b.build());
                fast.begin(14866434L, IsoSeconds.format(t / 1000)).price(c[0]).symbol(TickLineWriter.symbolBytes("NIFTY26AUG24200CE"))
                        .quantity(65).price(c[1]).quantity(c[2]).quantity(1300).quantity(0).quantity(c[3])
                        .price(c[4]).price(c[0]).price(5).price(2_407_840).end(IsoSeconds.format(t / 1000 - 2));
            }
            Tick index = Tick.builder(256265L, t, 24_200.05).tradingSymbol("NIFTY 50").dayOhlc(24_200, 24_210.5, 24_190, 24_078.4).build();
            reference.write(index);
            fast.begin(256265L, IsoSeconds.format(t / 1000)).price(2_420_005).symbol(TickLineWriter.symbolBytes("NIFTY 50"))
                    .quantity(0).price(TickLineWriter.ABSENT).quantity(0).quantity(0).quantity(0).quantity(0)
                    .price(2_420_000).price(2_421_050).price(2_419_000).price(2_407_840).end(null);
        }
        assertThat(Files.readString(file)).isEqualTo(expected.toString());
        assertThat(TickLineWriter.symbolBytes("A,\"B\"")).isEqualTo("\"A,\"\"B\"\"\"".getBytes());
    }
}
