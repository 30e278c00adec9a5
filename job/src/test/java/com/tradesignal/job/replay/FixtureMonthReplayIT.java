package com.tradesignal.job.replay;

import com.tradesignal.cli.ReplayRun;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real month (December 2022) of NIFTY 50 and NIFTY BANK one-minute candles, turned into ticks that reproduce each
 * minute's O, H, L, C, replayed through the whole job on an embedded MiniCluster with RocksDB and checkpoints. The
 * job must give back exactly the regular-session minutes, and the 3m/5m/15m candles they aggregate to.
 */
class FixtureMonthReplayIT {
    private static final long NIFTY = 256265;
    private static final long BANKNIFTY = 260105;

    @TempDir
    static Path dir;
    static Map<Long, List<NseMinuteFixture.Row>> source = new LinkedHashMap<>();
    static List<ReplayedCandles.Line> replayed;
    static ReplayRun.Summary summary;
    static int ticksWritten;

    @BeforeAll
    static void replayTheMonth() throws Exception {
        source.put(NIFTY, NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-nifty.csv")));
        source.put(BANKNIFTY, NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-bnf.csv")));
        Path ticks = dir.resolve("ticks");
        java.nio.file.Files.createDirectories(ticks);
        ticksWritten = FixtureTicks.writeCsv(ticks.resolve("nifty.csv"), NIFTY, source.get(NIFTY))
                + FixtureTicks.writeJsonLines(ticks.resolve("banknifty.jsonl"), BANKNIFTY, source.get(BANKNIFTY));

        Path out = dir.resolve("out");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        summary = ReplayRun.run(new ReplayRun.Request(List.of(ticks), null, out, false, 2, Duration.ofSeconds(2),
                Duration.ofSeconds(1), null, null, 0, ReplayRun.Mode.REPLAY, true, null), new PrintStream(log, true));
        replayed = ReplayedCandles.read(out.resolve("candles.jsonl"));
    }

    @Test
    void everyRegularSessionMinuteComesBackAsExactlyTheSourceCandle() {
        for (long token : source.keySet()) {
            Map<Long, NseMinuteFixture.Row> expected = new TreeMap<>();
            for (NseMinuteFixture.Row r : source.get(token)) {
                if (NseMinuteFixture.inRegularSession(r.start())) expected.put(r.start(), r);
            }
            Map<Long, ReplayedCandles.Line> actual = new TreeMap<>();
            for (ReplayedCandles.Line l : replayed) {
                if (l.token() == token && l.interval().equals("1m")) {
                    assertThat(actual.put(l.start(), l)).as("duplicate candle %s", l.key()).isNull();
                }
            }
            assertThat(actual.keySet()).as("1m candle starts of %d", token).isEqualTo(expected.keySet());
            expected.forEach((start, row) -> {
                ReplayedCandles.Line l = actual.get(start);
                assertThat(List.of(l.open(), l.high(), l.low(), l.close()))
                        .as("%d at %s", token, MarketTime.isoIst(start))
                        .containsExactly(row.open(), row.high(), row.low(), row.close());
                assertThat(l.volume()).isZero();
            });
            assertThat(expected).hasSizeGreaterThan(20 * 370); // a whole month of sessions
        }
    }

    @Test
    void longerCandlesAreTheAggregatesOfTheSourceMinutesAnchoredAt0915() {
        for (String interval : List.of("3m", "5m", "15m")) {
            long len = Long.parseLong(interval.substring(0, interval.length() - 1)) * MarketTime.MINUTE_MS;
            for (long token : source.keySet()) {
                Map<Long, double[]> expected = new TreeMap<>();
                for (NseMinuteFixture.Row r : source.get(token)) {
                    if (!NseMinuteFixture.inRegularSession(r.start())) continue;
                    long open = MarketTime.at(MarketTime.istEpochDay(r.start()), java.time.LocalTime.of(9, 15));
                    long bucket = open + Math.floorDiv(r.start() - open, len) * len;
                    double[] agg = expected.get(bucket);
                    if (agg == null) {
                        expected.put(bucket, new double[]{r.open(), r.high(), r.low(), r.close()});
                    } else {
                        agg[1] = Math.max(agg[1], r.high());
                        agg[2] = Math.min(agg[2], r.low());
                        agg[3] = r.close();
                    }
                }
                Map<Long, double[]> actual = new HashMap<>();
                for (ReplayedCandles.Line l : replayed) {
                    if (l.token() == token && l.interval().equals(interval)) {
                        assertThat(actual.put(l.start(), new double[]{l.open(), l.high(), l.low(), l.close()}))
                                .as("duplicate %s", l.key()).isNull();
                    }
                }
                assertThat(actual.keySet()).as("%s starts of %d", interval, token).isEqualTo(expected.keySet());
                expected.forEach((start, agg) -> assertThat(actual.get(start))
                        .as("%s %d at %s", interval, token, MarketTime.isoIst(start)).containsExactly(agg));
            }
        }
    }

    @Test
    void candlesCarryTheKiteSymbolAndAnIsoStartInIst() {
        ReplayedCandles.Line first = replayed.stream().filter(l -> l.token() == NIFTY && l.interval().equals("5m"))
                .min(java.util.Comparator.comparingLong(ReplayedCandles.Line::start)).orElseThrow();
        assertThat(first.symbol()).isEqualTo("NIFTY 50");
        assertThat(first.raw().get("start").asText()).isEqualTo("2022-12-01T09:15:00+05:30");
        assertThat(replayed).filteredOn(l -> l.token() == BANKNIFTY).allMatch(l -> "NIFTY BANK".equals(l.symbol()));
    }

    @Test
    void everyTickIsAccountedForAndNoneIsLate() {
        assertThat(summary.ticks()).isEqualTo(ticksWritten);
        assertThat(summary.lateTicksDropped()).isZero();
        assertThat(summary.badLinesSkipped()).isZero();
        long outside = source.values().stream().flatMap(List::stream)
                .filter(r -> !NseMinuteFixture.inRegularSession(r.start()))
                .filter(r -> {
                    long day = MarketTime.istEpochDay(r.start());
                    return r.start() < MarketTime.at(day, java.time.LocalTime.of(9, 0))
                            || r.start() >= MarketTime.at(day, java.time.LocalTime.of(15, 30));
                }).count() * 4;
        assertThat(summary.outsideSessionTicks()).isEqualTo(outside);
    }

    @Test
    void withoutHistoryTheFirstSessionsPivotsAndLongEmasAreNullNotMadeUp() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> signals = java.nio.file.Files.readAllLines(dir.resolve("out/signals.jsonl"));
        assertThat(signals).hasSameSizeAs(replayed);
        for (String line : signals) {
            com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
            String start = n.get("start").asText();
            if (start.startsWith("2022-12-01")) {
                assertThat(n.get("pivot").isNull()).as("pivot on the first day %s", start).isTrue();
                if (!n.get("interval").asText().equals("1m")) { // 375 one-minute candles a day do warm an EMA 200
                    assertThat(n.get("ema_200").isNull()).as("ema_200 on the first day %s", start).isTrue();
                } else if (start.compareTo("2022-12-01T12:34") < 0) {
                    assertThat(n.get("ema_200").isNull()).as("1m ema_200 before its 200th candle %s", start).isTrue();
                }
            }
            if (start.startsWith("2022-12-02")) {
                assertThat(n.get("pivot").isNull()).as("pivot on the second day %s", start).isFalse();
            }
        }
    }

    @Test
    void thePreOpenAuctionPriceIsKeptAsTheOpeningPrintOfEachDay() {
        NseMinuteFixture.Row preOpen = source.get(NIFTY).stream()
                .filter(r -> MarketTime.isoIst(r.start()).startsWith("2022-12-01T09:0")).reduce((a, b) -> b).orElseThrow();
        ReplayedCandles.Line first = replayed.stream()
                .filter(l -> l.token() == NIFTY && l.interval().equals("1m")
                        && MarketTime.isoIst(l.start()).equals("2022-12-01T09:15:00+05:30")).findFirst().orElseThrow();
        assertThat(first.raw().get("preopen_price").asDouble()).isEqualTo(preOpen.close());
    }
}
