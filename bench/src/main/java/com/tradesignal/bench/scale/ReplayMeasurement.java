package com.tradesignal.bench.scale;

import com.tradesignal.bench.BenchContext;
import com.tradesignal.bench.day.MarketDay;
import com.tradesignal.cli.LocalMetrics;
import com.tradesignal.cli.ReplayRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replay of a day through {@link ReplayRun} as {@code ./tradesignal replay} runs it (parallelism 2, RocksDB,
 * checkpoints every 10 s), watching its counters and Flink's checkpoint gauges while it runs, and keeping its last
 * checkpoint (retained on disk) to measure.
 */
final class ReplayMeasurement {
    static final int PARALLELISM = 2;
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /** What one replay measured. */
    record Result(int instruments, long inputTicks, ReplayRun.Summary summary, double secondsTicksFlowed,
                  List<CheckpointMetrics.Checkpoint> checkpoints, long retainedCheckpointBytes) {
        /** Ticks per second between the first and the last tick folded: no start-up, no final checkpoint. */
        double ticksPerSecondWhileFlowing() {
            return secondsTicksFlowed > 0 ? summary.ticks() / secondsTicksFlowed : 0;
        }

        long maxFullCheckpointBytes() {
            return checkpoints.stream().mapToLong(CheckpointMetrics.Checkpoint::fullBytes).max().orElse(-1);
        }

        long maxDurationMillis() {
            return checkpoints.stream().mapToLong(CheckpointMetrics.Checkpoint::durationMillis).max().orElse(-1);
        }

        double meanDurationMillis() {
            return checkpoints.stream().mapToLong(CheckpointMetrics.Checkpoint::durationMillis).average().orElse(-1);
        }
    }

    private ReplayMeasurement() {}

    static Result run(BenchContext ctx, MarketDay day, String name) throws Exception {
        Path out = ctx.scratch("scale/" + name);
        ReplayRun.Request request = new ReplayRun.Request(day.tickFiles(), day.instruments(), out, false, PARALLELISM,
                Duration.ofSeconds(2), CHECKPOINT_INTERVAL, null, null, 0, ReplayRun.Mode.SIMULATED, false, List.of());
        Map<String, String> conf = new HashMap<>(CheckpointMetrics.FLINK_CONFIG);
        // keep the last checkpoint when the job finishes, so its size on disk can be measured afterwards
        conf.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        CheckpointMetrics.reset();
        CheckpointMetrics.Recorder recorder = new CheckpointMetrics.Recorder();
        AtomicLong firstTickNanos = new AtomicLong();
        AtomicLong lastTickNanos = new AtomicLong();
        AtomicLong lastCount = new AtomicLong();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scale-poller");
            t.setDaemon(true);
            return t;
        });
        ReplayRun.Summary summary;
        try {
            ReplayRun.Running running = ReplayRun.start(request, ctx.log(), conf);
            poller.scheduleAtFixedRate(() -> {
                recorder.poll();
                long folded = LocalMetrics.count("ticksFolded");
                if (folded > lastCount.get()) {
                    long now = System.nanoTime();
                    firstTickNanos.compareAndSet(0, now);
                    lastTickNanos.set(now);
                    lastCount.set(folded);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            summary = running.await();
        } finally {
            poller.shutdownNow();
            poller.awaitTermination(5, TimeUnit.SECONDS);
        }
        recorder.poll();
        // sampled every 100 ms, so a run of a second or two is measured to within about 10 %
        double flowing = lastTickNanos.get() > firstTickNanos.get() ? (lastTickNanos.get() - firstTickNanos.get()) / 1e9 : summary.seconds();
        long retained = checkpointBytes(out.resolve("checkpoints"));
        Result result = new Result(day.instrumentCount(), day.tickCount(), summary, flowing, recorder.completed(), retained);
        deleteOutputs(out); // signals.jsonl of the large runs is hundreds of MB; the figures are what we keep
        return result;
    }

    /**
     * Bytes of the retained checkpoint: its chk-N directory plus the shared files it references (savepoints aside).
     */
    static long checkpointBytes(Path checkpoints) throws IOException {
        return com.tradesignal.bench.Dirs.size(checkpoints, p -> true, d -> d.equals(checkpoints.resolve("savepoints")));
    }

    private static void deleteOutputs(Path out) throws IOException {
        com.tradesignal.bench.Dirs.delete(out);
    }
}
