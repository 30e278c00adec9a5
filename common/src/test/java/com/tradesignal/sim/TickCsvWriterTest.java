package com.tradesignal.sim;

import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class TickCsvWriterTest {
    private static final LocalDate DAY = LocalDate.of(2026, 8, 18);

    @Test
    void writesTheReplayHeaderFirst() throws IOException {
        StringWriter out = new StringWriter();
        new TickCsvWriter(out).close();
        assertThat(out.toString()).isEqualTo("instrument_token,timestamp,last_price,tradingsymbol,last_quantity,"
                + "average_price,volume,buy_quantity,sell_quantity,oi,open,high,low,close,last_trade_time\n");
    }

    @Test
    void writerOutputParsesBackIntoTheSameTicks() throws IOException {
        List<Tick> ticks = SimulatedSession.of(DAY, 7).stream().limit(20_000).collect(Collectors.toList());
        StringWriter out = new StringWriter();
        try (TickCsvWriter writer = new TickCsvWriter(out)) {
            assertThat(writer.writeAll(ticks)).isEqualTo(20_000);
            assertThat(writer.count()).isEqualTo(20_000);
        }
        String[] lines = out.toString().split("\n", -1);
        assertThat(lines).hasSize(1 + 20_000 + 1);
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(lines[0]).isEqualTo(TickCsvWriter.HEADER);
        for (int i = 0; i < ticks.size(); i++) {
            Tick parsed = parse(lines[i + 1]);
            if (!parsed.equals(ticks.get(i))) {
                assertThat(parsed).as("line %d: %s", i + 2, lines[i + 1]).isEqualTo(ticks.get(i));
            }
        }
    }

    @Test
    void indexRowsLeaveAbsentValuesEmptyAndFuturesRowsFillThem() throws IOException {
        List<Tick> ticks = SimulatedSession.of(DAY, 7).stream().limit(6).collect(Collectors.toList());
        StringWriter out = new StringWriter();
        try (TickCsvWriter writer = new TickCsvWriter(out)) {
            writer.writeAll(ticks);
        }
        List<String> rows = out.toString().lines().skip(1).collect(Collectors.toList());
        String nifty = rows.stream().filter(r -> r.startsWith("256265,")).findFirst().orElseThrow();
        Tick niftyTick = ticks.stream().filter(t -> t.token == 256265).findFirst().orElseThrow();
        assertThat(nifty).matches("256265,2026-08-18T09:08:\\d\\d\\+05:30,\\d+(\\.\\d{1,2})?,NIFTY 50,,,,,,,"
                + "[\\d.]+,[\\d.]+,[\\d.]+,24850,");
        assertThat(nifty).contains("," + TickCsvWriter.formatNumber(niftyTick.lastPrice) + ",NIFTY 50,");
        String future = rows.stream().filter(r -> r.startsWith(SimulatedInstrument.NIFTY_SIM_FUT_TOKEN + ","))
                .findFirst().orElseThrow();
        String[] cells = future.split(",", -1);
        assertThat(cells).hasSize(15);
        for (String cell : cells) {
            assertThat(cell).isNotEmpty();
        }
        assertThat(cells[3]).isEqualTo("NIFTY-SIM-FUT");
        assertThat(cells[14]).isEqualTo(cells[1]); // the pre-open print is its own last trade
    }

    @Test
    void numbersAreWrittenWithoutFloatArtefactsOrExponents() {
        assertThat(TickCsvWriter.formatNumber(24850.35)).isEqualTo("24850.35");
        assertThat(TickCsvWriter.formatNumber(24850.0)).isEqualTo("24850");
        assertThat(TickCsvWriter.formatNumber(Math.rint(24850.35 * 20) / 20)).isEqualTo("24850.35");
        assertThat(TickCsvWriter.formatNumber(0.05)).isEqualTo("0.05");
        assertThat(TickCsvWriter.formatNumber(12_345_678.9)).isEqualTo("12345678.9");
        assertThat(TickCsvWriter.formatNumber(1e7)).isEqualTo("10000000");
        assertThat(TickCsvWriter.formatNumber(0.0001)).isEqualTo("0.0001");
        assertThat(TickCsvWriter.formatNumber(Double.NaN)).isEmpty();
        // Every simulated price prints as at most two decimals.
        SimulatedSession.of(DAY, 3).stream().limit(10_000).forEach(t -> {
            assertThat(TickCsvWriter.formatNumber(t.lastPrice)).matches("\\d+(\\.\\d{1,2})?");
            if (!Double.isNaN(t.averagePrice)) {
                assertThat(TickCsvWriter.formatNumber(t.averagePrice)).matches("\\d+(\\.\\d{1,2})?");
            }
        });
    }

    @Test
    void symbolsWithCommasOrQuotesAreQuoted() throws IOException {
        long time = MarketTime.at(DAY, LocalTime.of(9, 15));
        StringWriter out = new StringWriter();
        try (TickCsvWriter writer = new TickCsvWriter(out)) {
            writer.write(Tick.builder(1, time, 10.5).tradingSymbol("A,B").build());
            writer.write(Tick.builder(2, time, 10.5).tradingSymbol("say \"hi\"").build());
            writer.write(Tick.builder(3, time, 10.5).build());
        }
        List<String> rows = out.toString().lines().skip(1).collect(Collectors.toList());
        assertThat(rows.get(0)).isEqualTo("1,2026-08-18T09:15:00+05:30,10.5,\"A,B\",,,,,,,,,,,");
        assertThat(rows.get(1)).isEqualTo("2,2026-08-18T09:15:00+05:30,10.5,\"say \"\"hi\"\"\",,,,,,,,,,,");
        assertThat(rows.get(2)).isEqualTo("3,2026-08-18T09:15:00+05:30,10.5,,,,,,,,,,,,");
    }

    @Test
    void writesAWholeSessionToAFile(@TempDir Path dir) throws IOException {
        SimulatedSession session = SimulatedSession.builder(DAY).seed(11).ticksPerSecond(0.2).build();
        Path file = dir.resolve("sim.csv");
        long written = TickCsvWriter.write(session, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize((int) written + 1);
        assertThat(written).isBetween(session.expectedTickCount() * 95 / 100, session.expectedTickCount() * 105 / 100);
        assertThat(parse(lines.get(lines.size() - 1)).exchangeTime)
                .isLessThan(MarketTime.at(DAY, LocalTime.of(15, 30)));
    }

    /** A minimal reader for the test: the simulated symbols contain no commas. */
    private static Tick parse(String line) {
        String[] c = line.split(",", -1);
        if (c.length != 15) {
            fail("expected 15 cells: " + line);
        }
        return new Tick(Long.parseLong(c[0]), time(c[1]), Double.parseDouble(c[2]), quantity(c[4]), price(c[5]),
                quantity(c[6]), quantity(c[7]), quantity(c[8]), quantity(c[9]), price(c[10]), price(c[11]),
                price(c[12]), price(c[13]), c[14].isEmpty() ? Tick.ABSENT_TIME : time(c[14]),
                c[3].isEmpty() ? null : c[3]);
    }

    private static long time(String iso) {
        if (!iso.endsWith("+05:30")) {
            fail("not in IST: " + iso);
        }
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    private static double price(String cell) {
        return cell.isEmpty() ? Tick.ABSENT_PRICE : Double.parseDouble(cell);
    }

    private static long quantity(String cell) {
        return cell.isEmpty() ? 0 : Long.parseLong(cell);
    }
}
