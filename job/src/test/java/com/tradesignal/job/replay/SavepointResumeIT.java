package com.tradesignal.job.replay;

import com.tradesignal.cli.ReplayRun;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops a replay of a real month (its candles and its signals, indicators and votes) with a savepoint about halfway through, resumes it from the savepoint, and checks
 * that the candle file is line for line what an uninterrupted run writes: nothing lost, nothing duplicated.
 */
class SavepointResumeIT {
    @TempDir
    static Path dir;
    static Path ticks;
    static List<String> uninterrupted;
    static List<String> uninterruptedSignals;

    @BeforeAll
    static void replayWithoutInterruption() throws Exception {
        ticks = dir.resolve("ticks");
        Files.createDirectories(ticks);
        FixtureTicks.writeCsv(ticks.resolve("nifty.csv"), 256265, NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-nifty.csv")));
        FixtureTicks.writeJsonLines(ticks.resolve("bnf.jsonl"), 260105, NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-bnf.csv")));
        Path out = dir.resolve("uninterrupted");
        ReplayRun.run(request(out, 2, 0, null), quiet());
        uninterrupted = Files.readAllLines(out.resolve("candles.jsonl"));
        uninterruptedSignals = Files.readAllLines(out.resolve("signals.jsonl"));
        assertThat(uninterrupted).hasSizeGreaterThan(20_000);
        assertThat(uninterruptedSignals).hasSameSizeAs(uninterrupted);
    }

    private static ReplayRun.Request request(Path out, int parallelism, long rate, Path savepoint) {
        return new ReplayRun.Request(List.of(ticks), null, out, false, parallelism, Duration.ofSeconds(2),
                Duration.ofSeconds(1), null, savepoint, rate, ReplayRun.Mode.REPLAY, false, null);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true);
    }

    /** Replays slowly, stops with a savepoint once about half the candles are out, resumes at another parallelism. */
    /** Returns the resumed run's candles; its signals are left in {@code out/signals.jsonl}. */
    private static List<String> stopHalfwayAndResume(Path out, int resumeParallelism) throws Exception {
        ReplayRun.Running first = ReplayRun.start(request(out, 2, 15_000, null), quiet());
        Path candles = out.resolve("candles.jsonl");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (lines(candles) < uninterrupted.size() / 2) {
            assertThat(System.nanoTime()).as("replay reached half way in time").isLessThan(deadline);
            Thread.sleep(50);
        }
        String savepoint = first.job().stopWithSavepoint(false, null, SavepointFormatType.CANONICAL).get(1, TimeUnit.MINUTES);
        long atStop = lines(candles);
        assertThat(atStop).as("stopped in the middle").isLessThan(uninterrupted.size());

        ReplayRun.run(request(out, resumeParallelism, 0, Path.of(URI.create(savepoint))), quiet());
        return Files.readAllLines(candles);
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) return 0;
        try (var s = Files.lines(file)) {
            return s.count();
        }
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    @Test
    void aReplayStoppedWithASavepointAndResumedWritesExactlyTheCandlesOfAnUninterruptedRun() throws Exception {
        List<String> resumed = stopHalfwayAndResume(dir.resolve("resumed"), 2);
        assertThat(sorted(resumed)).isEqualTo(sorted(uninterrupted));
        assertThat(sorted(Files.readAllLines(dir.resolve("resumed/signals.jsonl")))).isEqualTo(sorted(uninterruptedSignals));
    }

    @Test
    void resumingAtAnotherParallelismLosesAndDuplicatesNothing() throws Exception {
        List<String> resumed = stopHalfwayAndResume(dir.resolve("rescaled"), 1);
        assertThat(sorted(resumed)).isEqualTo(sorted(uninterrupted));
        assertThat(sorted(Files.readAllLines(dir.resolve("rescaled/signals.jsonl")))).isEqualTo(sorted(uninterruptedSignals));
    }
}
