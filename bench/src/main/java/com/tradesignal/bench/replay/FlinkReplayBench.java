package com.tradesignal.bench.replay;

import com.tradesignal.bench.CpuClock;
import com.tradesignal.cli.LocalMetrics;
import com.tradesignal.cli.ReplayRun;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One end-to-end replay through the real job on the embedded MiniCluster, exactly as {@code ./tradesignal replay}
 * runs it (parse, minute bars, candles at 4 intervals, every signal, candles.jsonl and signals.jsonl), with the
 * state backend chosen. Besides the whole run's wall time it samples the job's tick counter, so the report can
 * give the steady rate without the cluster's start-up and the JIT's warm-up.
 */
public final class FlinkReplayBench {
    /** RocksDB (what the product runs with) or Flink's heap state backend. */
    public enum Backend {
        ROCKSDB("rocksdb"), HEAP("hashmap");

        final String flinkName;

        Backend(String flinkName) {
            this.flinkName = flinkName;
        }
    }

    /**
     * @param seconds          wall time from submitting the job to its end (start-up included)
     * @param steadyPerSecond  ticks per second between 10% and 90% of the ticks
     * @param cpuSeconds       CPU time the whole JVM used meanwhile
     */
    public record Result(long ticks, long candles, long lateTicks, double seconds, double steadyPerSecond, double cpuSeconds) {
        public double ticksPerSecond() {
            return ticks / seconds;
        }

        public double cpuMicrosPerTick() {
            return cpuSeconds * 1e6 / ticks;
        }
    }

    private FlinkReplayBench() {}

    public static Result run(List<Path> ticks, Path instruments, Path outDir, int parallelism, Backend backend,
                             Duration checkpointInterval) throws Exception {
        ReplayRun.Request request = new ReplayRun.Request(ticks, instruments, outDir, false, parallelism,
                Duration.ofSeconds(2), checkpointInterval, outDir.resolve("checkpoints"), null, 0,
                ReplayRun.Mode.SIMULATED, false, List.of());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        long cpu0 = CpuClock.processCpuNanos();
        long t0 = System.nanoTime();
        ReplayRun.Running running = ReplayRun.start(request, quiet, Map.of("state.backend.type", backend.flinkName));
        List<long[]> samples = new ArrayList<>(); // {nanos since start, ticks}
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    samples.add(new long[]{System.nanoTime() - t0, LocalMetrics.count("ticksFolded") + LocalMetrics.count("lateTicksDropped")});
                    Thread.sleep(100);
                }
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "bench-tick-sampler");
        sampler.setDaemon(true);
        sampler.start();
        ReplayRun.Summary summary;
        try {
            summary = running.await();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (CpuClock.processCpuNanos() - cpu0) / 1e9;
        return new Result(summary.ticks(), summary.candles(), summary.lateTicksDropped(), seconds,
                steadyRate(samples, summary.ticks()), cpu);
    }

    /** Ticks per second between the samples at 10% and 90% of the total; the whole-run rate if too few samples. */
    static double steadyRate(List<long[]> samples, long total) {
        long[] from = null;
        long[] to = null;
        for (long[] s : samples) {
            if (from == null && s[1] >= total / 10) from = s;
            if (s[1] <= total * 9 / 10) to = s;
        }
        if (from == null || to == null || to[0] <= from[0] || to[1] <= from[1]) {
            return Double.NaN;
        }
        return (to[1] - from[1]) / ((to[0] - from[0]) / 1e9);
    }
}
