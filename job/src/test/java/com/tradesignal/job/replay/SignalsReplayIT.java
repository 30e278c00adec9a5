package com.tradesignal.job.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.cli.ReplayRun;
import com.tradesignal.indicators.Ema;
import com.tradesignal.indicators.Rsi;
import com.tradesignal.indicators.SuperTrend;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * December 2022 of NIFTY 50 and NIFTY BANK replayed with November 2022 as one-minute candle history
 * ({@code --history}): the job's signal rows must be warm from the first candle of the first session, carry the
 * pivots of the last history session, and agree with the indicator classes run offline over the same candles.
 */
class SignalsReplayIT {
    private static final long NIFTY = 256265;
    private static final long BANKNIFTY = 260105;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static List<NseMinuteFixture.Row> novNifty;
    static List<NseMinuteFixture.Row> decNifty;
    static List<JsonNode> rows = new ArrayList<>();
    static List<String> candleLines;
    static ReplayRun.Summary summary;

    @BeforeAll
    static void replayDecemberWarmedWithNovember() throws Exception {
        novNifty = NseMinuteFixture.read(NseMinuteFixture.file("2022-nov-nifty.csv"));
        decNifty = NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-nifty.csv"));
        Path ticks = dir.resolve("ticks");
        Files.createDirectories(ticks);
        FixtureTicks.writeCsv(ticks.resolve("nifty.csv"), NIFTY, decNifty);
        FixtureTicks.writeJsonLines(ticks.resolve("bnf.jsonl"), BANKNIFTY, NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-bnf.csv")));
        Path history = dir.resolve("history.csv");
        try (BufferedWriter w = Files.newBufferedWriter(history)) {
            w.write("instrument_token,timestamp,open,high,low,close,volume\n");
            writeCandles(w, NIFTY, novNifty);
            writeCandles(w, BANKNIFTY, NseMinuteFixture.read(NseMinuteFixture.file("2022-nov-bnf.csv")));
        }
        Path out = dir.resolve("out");
        summary = ReplayRun.run(new ReplayRun.Request(List.of(ticks), null, out, false, 2, Duration.ofSeconds(2), Duration.ofSeconds(5),
                null, null, 0, ReplayRun.Mode.REPLAY, false, List.of(history)), new PrintStream(new ByteArrayOutputStream(), true));
        for (String line : Files.readAllLines(out.resolve("signals.jsonl"))) {
            rows.add(JSON.readTree(line));
        }
        candleLines = Files.readAllLines(out.resolve("candles.jsonl"));
    }

    private static void writeCandles(BufferedWriter w, long token, List<NseMinuteFixture.Row> minutes) throws Exception {
        for (NseMinuteFixture.Row r : minutes) {
            if (!NseMinuteFixture.inRegularSession(r.start())) continue;
            w.write(token + "," + MarketTime.isoIst(r.start()) + "," + r.open() + "," + r.high() + "," + r.low() + "," + r.close() + ",0\n");
        }
    }

    private static List<JsonNode> rows(long token, String interval) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : rows) {
            if (n.get("token").asLong() == token && n.get("interval").asText().equals(interval)) out.add(n);
        }
        out.sort((a, b) -> a.get("start").asText().compareTo(b.get("start").asText()));
        return out;
    }

    @Test
    void aHistoryFileListingOneInstrumentAfterTheOtherLosesNoTickToLateness() {
        assertThat(summary.lateTicksDropped()).isZero();
    }

    @Test
    void thereIsOneSignalRowPerCandleAndNoneFromTheHistory() {
        assertThat(rows).hasSameSizeAs(candleLines);
        assertThat(rows).allMatch(n -> n.get("start").asText().compareTo("2022-12-01") >= 0);
    }

    @Test
    void theFirstSessionsPivotsComeFromTheLastHistorySession() {
        double h = Double.NEGATIVE_INFINITY, l = Double.POSITIVE_INFINITY, c = Double.NaN;
        for (NseMinuteFixture.Row r : novNifty) {
            if (NseMinuteFixture.inRegularSession(r.start()) && MarketTime.istDate(r.start()).toString().equals("2022-11-30")) {
                h = Math.max(h, r.high());
                l = Math.min(l, r.low());
                c = r.close();
            }
        }
        double pp = (h + l + c) / 3;
        JsonNode first = rows(NIFTY, "1m").get(0);
        assertThat(first.get("start").asText()).isEqualTo("2022-12-01T09:15:00+05:30");
        assertThat(first.get("pivot").asDouble()).isCloseTo(pp, within(1e-5));
        assertThat(first.get("r1").asDouble()).isCloseTo(2 * pp - l, within(1e-5));
        assertThat(first.get("s1").asDouble()).isCloseTo(2 * pp - h, within(1e-5));
        assertThat(first.get("r3").asDouble()).isCloseTo(2 * pp + (h - 2 * l), within(1e-5));
        assertThat(first.get("cam_r4").asDouble()).isCloseTo(c + 1.1 * (h - l) / 2, within(1e-5));
        assertThat(first.get("fib_s2").asDouble()).isCloseTo(pp - 0.618 * (h - l), within(1e-5));
    }

    @Test
    void indicatorsAreWarmFromTheFirstCandleOfTheSessionThanksToTheHistory() {
        JsonNode first5m = rows(NIFTY, "5m").get(0);
        assertThat(first5m.get("ema_200").isNull()).isFalse();
        assertThat(first5m.get("rsi_14").isNull()).isFalse();
        assertThat(first5m.get("supertrend").isNull()).isFalse();
        JsonNode first15m = rows(BANKNIFTY, "15m").get(0);
        assertThat(first15m.get("ema_50").isNull()).isFalse();
    }

    @Test
    void fiveMinuteIndicatorsEqualTheIndicatorClassesRunOverTheSameCandlesAcrossDays() {
        Map<Long, double[]> fiveMinute = new TreeMap<>();
        List<NseMinuteFixture.Row> all = new ArrayList<>(novNifty);
        all.addAll(decNifty);
        for (NseMinuteFixture.Row r : all) {
            if (!NseMinuteFixture.inRegularSession(r.start())) continue;
            long open = MarketTime.at(MarketTime.istEpochDay(r.start()), LocalTime.of(9, 15));
            long bucket = open + Math.floorDiv(r.start() - open, 300_000L) * 300_000L;
            double[] c = fiveMinute.get(bucket);
            if (c == null) fiveMinute.put(bucket, new double[]{r.high(), r.low(), r.close()});
            else {
                c[0] = Math.max(c[0], r.high());
                c[1] = Math.min(c[1], r.low());
                c[2] = r.close();
            }
        }
        Ema ema9 = new Ema(9);
        Ema ema200 = new Ema(200);
        Rsi rsi = new Rsi(14);
        SuperTrend st = new SuperTrend(10, 3.0);
        Map<String, double[]> expected = new TreeMap<>();
        for (Map.Entry<Long, double[]> e : fiveMinute.entrySet()) {
            double[] c = e.getValue();
            ema9.update(c[2]);
            ema200.update(c[2]);
            rsi.update(c[2]);
            st.update(c[0], c[1], c[2]);
            expected.put(MarketTime.isoIst(e.getKey()), new double[]{ema9.value(), ema200.value(), rsi.value(), st.value(), st.direction()});
        }
        List<JsonNode> job = rows(NIFTY, "5m");
        assertThat(job).hasSizeGreaterThan(20 * 70);
        for (JsonNode n : job) {
            double[] x = expected.get(n.get("start").asText());
            assertThat(x).as("5m candle %s", n.get("start").asText()).isNotNull();
            assertThat(n.get("ema_9").asDouble()).isCloseTo(x[0], within(1e-5));
            assertThat(n.get("ema_200").asDouble()).isCloseTo(x[1], within(1e-5));
            assertThat(n.get("rsi_14").asDouble()).isCloseTo(x[2], within(1e-5));
            assertThat(n.get("supertrend").asDouble()).isCloseTo(x[3], within(1e-5));
            assertThat(n.get("supertrend_direction").asInt()).isEqualTo((int) x[4]);
        }
    }

    @Test
    void indexRowsCarryThirteenVotesWithReasonsAndAVerdict() {
        for (long token : new long[]{NIFTY, BANKNIFTY}) {
            for (JsonNode n : rows(token, "15m")) {
                JsonNode signals = n.get("signals");
                assertThat(signals.size()).isEqualTo(13);
                signals.forEach(v -> {
                    assertThat(v.get("vote").asText()).isIn("bullish", "bearish", "neutral");
                    assertThat(v.get("reason").asText()).isNotBlank();
                });
                JsonNode verdict = n.get("verdict");
                assertThat(verdict.get("bullish").asInt() + verdict.get("bearish").asInt() + verdict.get("neutral").asInt()).isEqualTo(13);
                // no future or option chain in this input: those votes must say so, not guess
                assertThat(signals.get("volume").get("vote").asText()).isEqualTo("neutral");
                assertThat(signals.get("pcr").get("reason").asText()).contains("not available");
            }
        }
    }
}
