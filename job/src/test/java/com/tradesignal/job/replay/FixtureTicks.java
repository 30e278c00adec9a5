package com.tradesignal.job.replay;

import com.tradesignal.market.MarketTime;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns one-minute candles into ticks that reproduce them: open at :00, high at :15, low at :30 (or the other way
 * round on a falling minute), close at :59. Written as tick CSV (columns in an unusual order, as a recording tool
 * might) or as JSON Lines.
 */
final class FixtureTicks {
    private FixtureTicks() {}

    static int writeCsv(Path file, long token, List<NseMinuteFixture.Row> rows) throws IOException {
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("last_price,volume,timestamp,tradingsymbol,instrument_token\n");
            for (NseMinuteFixture.Row r : rows) {
                for (double[] t : ticksOf(r)) {
                    w.write(price(t[1]) + ",0," + MarketTime.isoIst((long) t[0]) + ",\"" + r.symbol() + "\"," + token + "\n");
                    n++;
                }
            }
        }
        return n;
    }

    static int writeJsonLines(Path file, long token, List<NseMinuteFixture.Row> rows) throws IOException {
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (NseMinuteFixture.Row r : rows) {
                for (double[] t : ticksOf(r)) {
                    // epoch seconds, as Kite's binary feed stamps them
                    w.write("{\"instrument_token\":" + token + ",\"timestamp\":" + ((long) t[0] / 1000)
                            + ",\"last_price\":" + price(t[1]) + ",\"volume\":0}\n");
                    n++;
                }
            }
        }
        return n;
    }

    private static double[][] ticksOf(NseMinuteFixture.Row r) {
        long s = r.start();
        boolean rising = r.close() >= r.open();
        double second = rising ? r.low() : r.high();
        double third = rising ? r.high() : r.low();
        return new double[][]{{s, r.open()}, {s + 15_000, second}, {s + 30_000, third}, {s + 59_000, r.close()}};
    }

    private static String price(double p) {
        return java.math.BigDecimal.valueOf(p).toPlainString();
    }
}
