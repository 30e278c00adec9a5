package com.tradesignal.bench.scale;

import com.tradesignal.bench.BenchContext;
import com.tradesignal.bench.BenchPart;
import com.tradesignal.bench.Fmt;
import com.tradesignal.bench.Report;
import com.tradesignal.bench.day.MarketDay;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Part 3, scale: replay throughput, state and checkpoint size as the market grows from 100 to 9,000 instruments over
 * the same half hour of a SIMULATED day, then the resident memory of {@code ./tradesignal demo}.
 */
public final class ScalePart implements BenchPart {
    /** The demo's target from the benchmark issue. */
    static final long RSS_TARGET = 1L << 30;
    static final int INTERVALS = 4; // 1m, 3m, 5m, 15m
    static final long SEED = 42;

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public void run(BenchContext ctx, Report report) throws Exception {
        Report.Section s = report.section("Scale");
        replays(ctx, s);
        demo(ctx, s);
    }

    /** The replays at each size, written into {@code s}. */
    void replays(BenchContext ctx, Report.Section s) throws Exception {
        int[] sizes = ctx.quick() ? new int[]{30, 100} : new int[]{100, 500, 2_000, 9_000};
        LocalTime from = LocalTime.of(9, 15);
        LocalTime to = ctx.quick() ? LocalTime.of(9, 20) : LocalTime.of(9, 45);
        List<ReplayMeasurement.Result> results = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int n : sizes) {
            MarketDay day = MarketDay.generate(ctx, new MarketDay.Spec(n, from, to, 1.0, SEED));
            inputs.add("- " + day.describe());
            ctx.log().println("bench: scale: replaying " + n + " instruments");
            results.add(ReplayMeasurement.run(ctx, day, "replay-" + n));
        }
        s.paragraph(String.format(Locale.ROOT, "The same window (%s-%s IST) of a SIMULATED market day with more and more "
                        + "instruments, about one tick per second per instrument on average, replayed as `./tradesignal replay` "
                        + "runs it: embedded MiniCluster, parallelism %d, RocksDB, checkpoints every %d s. Input:",
                from, to, ReplayMeasurement.PARALLELISM, ReplayMeasurement.CHECKPOINT_INTERVAL.toSeconds()));
        s.paragraph(String.join("\n", inputs));
        s.subheading("Throughput");
        s.table(List.of("instruments", "ticks", "seconds", "ticks/s", "ticks/s while ticks flow", "candles", "candles/s",
                "late ticks dropped"), throughputRows(results));
        s.paragraph("`seconds` is ReplayRun's own figure, from job submission to the end, so it includes starting the "
                + "MiniCluster and RocksDB (a few seconds, which dominate the small runs) and the final checkpoint "
                + "the job takes once its input ends (up to one interval); `while ticks flow` counts from the first to the "
                + "last tick folded into a bar, leaving both out. Candles are the closed 1m, 3m, 5m and 15m candles of every instrument; each also "
                + "makes a signals row. The whole session is 12.5 times this window.");
        s.subheading("State and checkpoints");
        s.table(List.of("instruments", "checkpoints", "largest checkpoint (full)", "per instrument", "per instrument and interval",
                "incremental size (mean)", "duration mean / max (ms)", "final retained checkpoint"), stateRows(results));
        s.paragraph(stateNotes(results));
    }

    private static List<List<String>> throughputRows(List<ReplayMeasurement.Result> results) {
        List<List<String>> rows = new ArrayList<>();
        for (ReplayMeasurement.Result r : results) {
            var m = r.summary();
            rows.add(List.of(Fmt.count(r.instruments()), Fmt.count(m.ticks()), Fmt.seconds(m.seconds()),
                    Fmt.rate(m.ticksPerSecond()), Fmt.rate(r.ticksPerSecondWhileFlowing()), Fmt.count(m.candles()),
                    Fmt.rate(m.seconds() > 0 ? m.candles() / m.seconds() : 0), Fmt.count(m.lateTicksDropped())));
        }
        return rows;
    }

    private static List<List<String>> stateRows(List<ReplayMeasurement.Result> results) {
        List<List<String>> rows = new ArrayList<>();
        for (ReplayMeasurement.Result r : results) {
            long full = r.maxFullCheckpointBytes();
            double incremental = r.checkpoints().stream().mapToLong(c -> c.checkpointedBytes()).average().orElse(-1);
            boolean any = !r.checkpoints().isEmpty();
            rows.add(List.of(Fmt.count(r.instruments()), Integer.toString(r.checkpoints().size()),
                    any ? Fmt.bytes(full) : "none", any ? Fmt.bytes(full / r.instruments()) : "-",
                    any ? Fmt.bytes(full / ((long) r.instruments() * INTERVALS)) : "-",
                    any ? Fmt.bytes((long) incremental) : "-",
                    any ? Fmt.millis(r.meanDurationMillis()) + " / " + Fmt.millis(r.maxDurationMillis()) : "-",
                    r.retainedCheckpointBytes() > 0 ? Fmt.bytes(r.retainedCheckpointBytes()) : "-"));
        }
        return rows;
    }

    private static String stateNotes(List<ReplayMeasurement.Result> results) {
        StringBuilder b = new StringBuilder("Sizes and durations are Flink's own checkpoint statistics "
                + "(`lastCheckpointFullSize`, `lastCheckpointSize`, `lastCheckpointDuration` of each completed checkpoint, "
                + "read from the JobManager's metrics while the replay runs). With RocksDB's incremental checkpoints the "
                + "full size is the compressed SST files and metadata the checkpoint references: the keyed state (open bars "
                + "and candles, every interval's indicators) as it is on disk, not its size on the heap. The largest full "
                + "checkpoint of the run divided by instruments (and by the 4 intervals) is the state each one costs. The "
                + "final retained checkpoint (kept on finish and measured on disk) is taken after the input ends, when "
                + "the day's candles are closed, so it is small (\"-\": none was left on disk).");
        ReplayMeasurement.Result first = results.get(0), last = results.get(results.size() - 1);
        if (last.instruments() > first.instruments() && first.maxFullCheckpointBytes() > 0 && last.maxFullCheckpointBytes() > 0) {
            double slope = (last.maxFullCheckpointBytes() - first.maxFullCheckpointBytes())
                    / (double) (last.instruments() - first.instruments());
            b.append(String.format(Locale.ROOT, " From %s to %s instruments the full checkpoint grows by %s per added "
                            + "instrument (%s per instrument and interval).", Fmt.count(first.instruments()),
                    Fmt.count(last.instruments()), Fmt.bytes((long) slope), Fmt.bytes((long) (slope / INTERVALS))));
        }
        if (results.stream().anyMatch(r -> r.checkpoints().isEmpty())) {
            b.append(" A run shorter than the checkpoint interval completes no checkpoint mid-run (\"none\").");
        }
        return b.toString();
    }

    /** The demo's resident memory, written into {@code s}. */
    static void demo(BenchContext ctx, Report.Section s) throws Exception {
        s.subheading("Memory of ./tradesignal demo");
        if (!RssSampler.available()) {
            s.paragraph("Not measured: resident memory is read from Linux's /proc, which this system does not have.");
            return;
        }
        double seconds = ctx.quick() ? 20 : 60;
        DemoRss.Result r = DemoRss.measure(ctx, seconds);
        long peak = Math.max(r.peakRss(), r.peakHwm());
        s.table(List.of("", ""), List.of(
                List.of("command", "`" + String.join(" ", r.command()).replace(ctx.repoRoot().toString() + "/", "./")
                        .replace(ctx.workDir().toString(), "<work>") + "` (launcher defaults)"),
                List.of("sampled", String.format(Locale.ROOT, "%d samples, once a second for %.0f s after the dashboard came up "
                        + "(%.0f s after start)", r.samples().size(), seconds, r.startupSeconds())),
                List.of("peak RSS (process tree, sampled)", Fmt.bytes(r.peakRss())),
                List.of("peak RSS (kernel's VmHWM)", Fmt.bytes(r.peakHwm())),
                List.of("steady RSS (median, second half)", Fmt.bytes(r.steadyRss())),
                List.of("target", Fmt.bytes(RSS_TARGET) + ": " + (peak < RSS_TARGET ? "met" : "NOT met")
                        + String.format(Locale.ROOT, " (peak at %.0f%% of it)", 100.0 * peak / RSS_TARGET))));
        s.paragraph("RSS is what the demo holds in RAM: the JVM heap it has touched (bounded by the launcher's -Xmx), "
                + "metaspace and code, thread stacks, Flink's managed and network memory, and RocksDB's native memory, "
                + "summed over the process and any children. VmHWM is the kernel's own high-water mark, so a spike between "
                + "two samples still counts. The demo is the whole live path in one JVM: the Kite-protocol simulator, the "
                + "publisher with the dashboard and the job on an embedded MiniCluster, all of it SIMULATED data.");
    }
}
