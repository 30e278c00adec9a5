package com.tradesignal.bench.replay;

import com.tradesignal.cli.ReplayRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain loop is only a fair baseline if it does the job's work: on the same SIMULATED input it must write the
 * same candle lines and the same signal lines (including the indices' votes, future VWAP and PCR) as the job on an
 * embedded MiniCluster at parallelism 2. Line order differs (the job's sinks see subtasks interleaved), so the
 * lines are compared sorted; every byte of every line must match.
 */
class PlainLoopBaselineTest {
    @TempDir
    static Path dir;
    static SimulatedReplayInput input;
    static BaselineResult loop;
    static ReplayRun.Summary job;

    @BeforeAll
    static void runBoth() throws Exception {
        input = new SimulatedReplayInput(dir.resolve("input"));
        job = ReplayRun.run(new ReplayRun.Request(input.tickFiles, input.instruments, dir.resolve("job"), false, 2,
                Duration.ofSeconds(2), Duration.ofSeconds(10), null, null, 0, ReplayRun.Mode.SIMULATED, false, List.of()),
                new PrintStream(new ByteArrayOutputStream(), true));
        loop = PlainLoopBaseline.run(input.tickFiles, input.instruments, dir.resolve("loop"));
    }

    private static List<String> sorted(String run, String file) throws IOException {
        return Files.readAllLines(dir.resolve(run).resolve(file)).stream().sorted().toList();
    }

    @Test
    void theCandleLinesAreTheJobs() throws IOException {
        List<String> expected = sorted("job", "candles.jsonl");
        // 13 instruments, two days of 105 minutes, each with 1m, 3m, 5m and 15m candles (a quiet minute makes none)
        assertThat(expected).hasSizeGreaterThan(13 * 2 * (105 + 35 + 21 + 7) * 9 / 10);
        assertThat(sorted("loop", "candles.jsonl")).isEqualTo(expected);
    }

    @Test
    void theSignalLinesAreTheJobsIncludingTheIndexVotes() throws IOException {
        List<String> expected = sorted("job", "signals.jsonl");
        assertThat(expected).hasSameSizeAs(sorted("job", "candles.jsonl"));
        // the underlying engine's work is in them: votes, the future's VWAP on the index rows, the options' PCR
        assertThat(expected).anyMatch(l -> l.contains("\"verdict\"") && l.contains("\"vwap_source\"") && l.contains("\"pcr\""));
        assertThat(sorted("loop", "signals.jsonl")).isEqualTo(expected);
    }

    @Test
    void theCountsDescribeWhatWasReadAndWritten() throws IOException {
        assertThat(loop.ticks()).isEqualTo(input.ticks).isEqualTo(job.ticks());
        assertThat(loop.candles()).isEqualTo(job.candles()).isEqualTo(sorted("loop", "candles.jsonl").size());
        assertThat(loop.signalRows()).isEqualTo(sorted("loop", "signals.jsonl").size());
        assertThat(loop.seconds()).isPositive();
    }
}
