package com.tradesignal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code ./tradesignal} command as a user meets it: exit codes, messages, outputs. */
class TradeSignalCliIT {
    private static final long T0 = 1_669_866_300_000L; // 2022-12-01T09:15:00+05:30

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = TradeSignalCli.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path ticksWithTwoBadLines() throws Exception {
        Path f = dir.resolve("ticks.csv");
        StringBuilder sb = new StringBuilder("instrument_token,timestamp,last_price,volume\n");
        for (int i = 0; i < 600; i++) {
            if (i == 100) sb.append("256265,").append(T0 + i * 1000L).append(",abc,0\n");
            else if (i == 200) sb.append("256265,not-a-time,18000,0\n");
            else sb.append("256265,").append(T0 + i * 1000L).append(',').append(18000 + i % 7).append(",0\n");
        }
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void malformedInputStopsTheReplayWithAnErrorNamingFileLineAndField() throws Exception {
        Path ticks = ticksWithTwoBadLines();
        Run r = run("replay", "--ticks", ticks.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("ticks.csv:102: field 'last_price'");
    }

    @Test
    void withSkipBadLinesTheReplayFinishesAndCountsTheSkippedLines() throws Exception {
        Path ticks = ticksWithTwoBadLines();
        Path out = dir.resolve("out");
        Run r = run("replay", "--ticks", ticks.toString(), "--out", out.toString(), "--skip-bad-lines", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("mode").asText()).isEqualTo("REPLAY");
        assertThat(summary.get("bad_lines_skipped").asLong()).isEqualTo(2);
        assertThat(summary.get("ticks").asLong()).isEqualTo(598);
        List<String> candles = Files.readAllLines(out.resolve("candles.jsonl"));
        assertThat(candles).hasSize(10 + 4 + 2 + 1); // ten 1m, 09:15-09:24, in 3m, 5m and 15m candles
        assertThat(candles.get(0)).startsWith("{\"symbol\":\"NIFTY 50\",\"token\":256265,\"interval\":\"1m\",\"start\":\"2022-12-01T09:15:00+05:30\"");
        assertThat(r.err()).contains("2 bad line(s) skipped");
    }

    @Test
    void aMissingInputIsReportedByNameBeforeAnythingRuns() {
        Run r = run("replay", "--ticks", dir.resolve("nope.csv").toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("nope.csv");
        assertThat(dir.resolve("out/candles.jsonl")).doesNotExist();
    }

    @Test
    void theInstrumentsDumpGivesSymbolsToTokensTheTicksDoNotName() throws Exception {
        Path dump = dir.resolve("instruments.csv");
        Files.writeString(dump, "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange\n"
                + "13238786,51714,NIFTY22DECFUT,NIFTY,0,2022-12-29,0,0.05,50,FUT,NFO-FUT,NFO\n");
        Path ticks = dir.resolve("fut.jsonl");
        Files.writeString(ticks, "{\"instrument_token\":13238786,\"timestamp\":\"2022-12-01T09:15:05+05:30\",\"last_price\":18900.5,\"volume\":1200}\n"
                + "{\"instrument_token\":13238786,\"timestamp\":\"2022-12-01T09:15:45+05:30\",\"last_price\":18910,\"volume\":3000}\n");
        Path out = dir.resolve("out");
        Run r = run("replay", "--ticks", ticks.toString(), "--instruments", dump.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("candles.jsonl")).get(0)).isEqualTo(
                "{\"symbol\":\"NIFTY22DECFUT\",\"token\":13238786,\"interval\":\"1m\",\"start\":\"2022-12-01T09:15:00+05:30\","
                        + "\"open\":18900.5,\"high\":18910.0,\"low\":18900.5,\"close\":18910.0,\"volume\":3000}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "demo", "live", "simulate", "publisher", "feed"})
    void everySubcommandHasHelp(String command) {
        Run r = run(command, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: tradesignal " + command);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run r = run("replay", "--ticks", "x.csv", "--out", "o", "--bogus");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void theDemoRunsTheLivePathAgainstTheSimulatorAndLabelsItSimulated() throws Exception {
        Path out = dir.resolve("demo");
        Run r = run("demo", "--out", out.toString(), "--date", "2026-11-27", "--minutes", "12", "--speed", "60", "--port", "0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("SIMULATED DATA").contains("Logged in to the simulator");
        assertThat(r.out()).contains("SIMULATED DATA").containsPattern("Dashboard: http://127.0.0.1:[0-9]+/").contains("NIFTY 50").contains("NIFTY BANK").contains("SENSEX")
                .containsPattern("NIFTY[0-9]{2}[A-Z]{3}FUT");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("mode").asText()).isEqualTo("SIMULATED");
        assertThat(summary.get("feeds")).hasSize(3);
        for (JsonNode feed : summary.get("feeds")) {
            assertThat(feed.get("mode").asText()).isEqualTo("SIMULATED");
            assertThat(feed.get("ticks").asLong()).isPositive();
            assertThat(feed.get("token_fingerprint").asText()).hasSize(12);
        }
        String token = Files.readString(out.resolve("state/access-token.json"));
        assertThat(Files.getPosixFilePermissions(out.resolve("state/access-token.json")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String accessToken = new ObjectMapper().readTree(token).get("access_token").asText();
        assertThat(r.out() + r.err()).doesNotContain(accessToken);
        assertThat(Files.readAllLines(out.resolve("candles.jsonl"))).anyMatch(l -> l.contains("\"interval\":\"5m\""));
    }
}
