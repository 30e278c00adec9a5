package com.tradesignal.bench.replay;

import com.tradesignal.bench.BenchContext;
import com.tradesignal.bench.BenchPart;
import com.tradesignal.bench.CpuClock;
import com.tradesignal.bench.Fmt;
import com.tradesignal.bench.Report;
import com.tradesignal.bench.day.MarketDay;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Part 1: replay throughput of the job (parallelism 2, RocksDB and heap state, checkpoints every 10 s) beside
 * (a) the project's own candle and signal code in a plain single-threaded loop and (b) a straightforward ta4j
 * implementation, on the same input in the same run.
 */
public final class ReplayThroughputPart implements BenchPart {
    static final int PARALLELISM = 2;
    static final Duration CHECKPOINTS = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public void run(BenchContext ctx, Report report) throws Exception {
        MarketDay day = ctx.quick()
                ? MarketDay.generate(ctx, new MarketDay.Spec(60, LocalTime.of(9, 8), LocalTime.of(9, 45), 1.0, 7))
                : MarketDay.generate(ctx, MarketDay.Spec.wholeSession(2_100, 1.0, 7));
        Report.Section section = report.section("1. Replay throughput");
        section.paragraph("What runs: the job end to end, as `./tradesignal replay` runs it (parse the tick files, fold "
                + "ticks into minute bars, candles at 1m/3m/5m/15m, every instrument's signals, the three indices' votes "
                + "and verdicts, `candles.jsonl` and `signals.jsonl` written), on the embedded MiniCluster at parallelism "
                + PARALLELISM + " with checkpoints every " + CHECKPOINTS.toSeconds() + " s, once with RocksDB state (what the "
                + "product runs) and once with heap state. Beside it, on the same files and in the same run: (a) the "
                + "project's own candle and signal code in a plain single-threaded loop with no Flink, writing the same two "
                + "files line for line (a test checks that); (b) a straightforward single-threaded ta4j 0.17 "
                + "implementation (bars per instrument and interval, EMA 9/21/50/200, RSI 14, ATR 14, SuperTrend 10/3, "
                + "Parabolic SAR, VWAP, ROC 10, opening range and pivots, one JSON line per bar).");
        section.subheading("A generated full-market day");
        section.paragraph("Input: " + day.describe());
        List<Row> rows = measure(ctx, day.tickFiles(), day.instruments(), "day", SAMPLE_FOR_TA4J, day.tickFiles());
        table(section, rows);
        section.paragraph(TA4J_NOTE);
        verdict(section, rows);

        MarketDay fixtures = MarketDay.realFixtures(ctx);
        // A quarter of the two years: the same shape, in a minute or so per run instead of eight.
        List<Path> quarter = fixtures.tickFiles().stream()
                .filter(f -> f.getFileName().toString().matches("real-2021-(jan|feb|mar)-.*"))
                .toList();
        if (quarter.isEmpty()) {
            throw new IllegalStateException("no 2021 Q1 files among the fixture ticks in " + fixtures.directory());
        }
        section.subheading("The real fixtures");
        section.paragraph("Input: January to March 2021 (" + quarter.size() + " files) of the " + fixtures.describe()
                + " Two instruments over many days: the per-candle work, and above "
                + "all the three indices' votes, weigh far more here and the per-tick work far less than in a market day.");
        List<Path> january = quarter.stream().filter(f -> f.getFileName().toString().contains("-jan-")).toList();
        table(section, measure(ctx, quarter, fixtures.instruments(), "fixtures", null, january));
        section.paragraph("ta4j ran on January only: its time per bar grows with the series, and the whole quarter took "
                + "it nearly ten minutes in an earlier run. Its rate is per tick of what it read.");
    }

    record Row(String name, long ticks, double seconds, double steadyPerSecond, double cpuSeconds, String output) {
        double rate() {
            return ticks / seconds;
        }
    }

    static final String TA4J_NOTE = "Why ta4j is so far behind: in 0.17, `ParabolicSarIndicator` recomputes from the "
            + "start of the series on every new bar and builds new helper indicators each time (ta4j issues #973 and #975), "
            + "so its cost per bar grows with the series, up to the 400-bar cap here. Each new indicator also asks SLF4J for "
            + "a logger in its constructor, and under Log4j 2 (the binding Flink ships) that walks the stack. Most of ta4j's "
            + "time goes there: the SAR took about 78% of ta4j's execution samples in a profile of the baseline's test input. "
            + "The rest is `DecimalNum` arithmetic and per-indicator caches, against the project's O(1) updates on doubles. "
            + "This is what a developer gets from the library as documented, so it is measured as it is.";

    /** ta4j runs on one instrument in this many of a market day (by token hash): it is too slow for all of them. */
    static final int SAMPLE_FOR_TA4J = 10;

    static List<Row> measure(BenchContext ctx, List<Path> files, Path instruments, String label, Integer ta4jSample,
                             List<Path> ta4jFiles) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (FlinkReplayBench.Backend backend : FlinkReplayBench.Backend.values()) {
            Path out = ctx.scratch("replay-" + label + "-" + backend.name().toLowerCase());
            ctx.log().println("replay: the job with " + backend + " state...");
            FlinkReplayBench.Result r = FlinkReplayBench.run(files, instruments, out, PARALLELISM, backend, CHECKPOINTS);
            rows.add(new Row("Job, p=" + PARALLELISM + ", " + (backend == FlinkReplayBench.Backend.ROCKSDB ? "RocksDB" : "heap")
                    + ", checkpoints 10 s", r.ticks(), r.seconds(), r.steadyPerSecond(), r.cpuSeconds(),
                    Fmt.count(r.candles()) + " candles, " + writtenAndDelete(out)));
            ctx.log().printf("replay: %s %,.0f ticks/s%n", backend, r.ticksPerSecond());
        }
        {
            Path out = ctx.scratch("replay-" + label + "-plain-loop");
            ctx.log().println("replay: (a) the plain loop...");
            long cpu0 = CpuClock.processCpuNanos();
            BaselineResult r = PlainLoopBaseline.run(files, instruments, out);
            rows.add(new Row("(a) Own code, plain loop, 1 thread", r.ticks(), r.seconds(), Double.NaN,
                    (CpuClock.processCpuNanos() - cpu0) / 1e9, Fmt.count(r.candles()) + " candles, " + Fmt.count(r.signalRows()) + " signal rows, "
                    + writtenAndDelete(out)));
            ctx.log().printf("replay: (a) %,.0f ticks/s%n", r.ticks() / r.seconds());
        }
        {
            Path out = ctx.scratch("replay-" + label + "-ta4j");
            ctx.log().println("replay: (b) ta4j...");
            long cpu0 = CpuClock.processCpuNanos();
            java.util.function.LongPredicate sample = ta4jSample == null ? null
                    : token -> com.tradesignal.source.replay.split.TickShardSplit.shardOf(token, ta4jSample) == 0;
            BaselineResult r = Ta4jBaseline.run(ta4jFiles, instruments, out, sample);
            rows.add(new Row("(b) ta4j 0.17, 1 thread" + (ta4jSample == null ? "" : ", 1 instrument in " + ta4jSample)
                    + (ta4jFiles.equals(files) ? "" : ", " + ta4jFiles.size() + " of the " + files.size() + " files"), r.ticks(), r.seconds(), Double.NaN,
                    (CpuClock.processCpuNanos() - cpu0) / 1e9, Fmt.count(r.candles()) + " bars, " + writtenAndDelete(out)));
            ctx.log().printf("replay: (b) %,.0f ticks/s%n", r.ticks() / r.seconds());
        }
        return rows;
    }

    /** The size of the JSON Lines written; then the output goes (a full day's signals are gigabytes). */
    static String writtenAndDelete(Path dir) throws java.io.IOException {
        long bytes = com.tradesignal.bench.Dirs.size(dir, p -> p.toString().endsWith(".jsonl"), d -> false);
        com.tradesignal.bench.Dirs.delete(dir);
        return Fmt.bytes(bytes) + " of JSON Lines";
    }

    private static void table(Report.Section section, List<Row> rows) {
        double loop = rows.get(2).rate();
        double ta4j = rows.get(3).rate();
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(List.of(r.name(), Fmt.count(r.ticks()), Fmt.seconds(r.seconds()), Fmt.rate(r.rate()),
                    Double.isNaN(r.steadyPerSecond()) ? "–" : Fmt.rate(r.steadyPerSecond()),
                    String.format(java.util.Locale.ROOT, "%.2f", r.cpuSeconds() * 1e6 / r.ticks()),
                    Fmt.ratio(r.rate() / loop), Fmt.ratio(r.rate() / ta4j), r.output()));
        }
        section.table(List.of("Run", "Ticks", "Seconds", "Ticks/s (whole run)", "Ticks/s (steady, 10–90%)",
                "CPU µs/tick", "vs (a)", "vs (b)", "Output"), cells);
        section.paragraph("Whole run = wall time from submitting the job to its end, start-up included (what a user "
                + "waits); steady = the rate between 10% and 90% of the ticks, from the job's tick counter sampled every "
                + "100 ms. CPU µs/tick = CPU time of the whole JVM (all threads, JIT and GC included) per tick; it is "
                + "less disturbed by other load than wall time. The ratios use the whole-run rates.");
    }

    private static void verdict(Report.Section section, List<Row> rows) {
        Row rocks = rows.get(0);
        double loop = rows.get(2).rate();
        double ta4j = rows.get(3).rate();
        double best = Math.max(rocks.rate(), Double.isNaN(rocks.steadyPerSecond()) ? 0 : rocks.steadyPerSecond());
        section.subheading("Against the targets");
        section.table(List.of("Target", "Measured", "Reached"), List.of(
                List.of("≥ 1,000,000 ticks/s, RocksDB + checkpoints, 2 cores", Fmt.rate(rocks.rate()) + " whole run, "
                        + (Double.isNaN(rocks.steadyPerSecond()) ? "–" : Fmt.rate(rocks.steadyPerSecond())) + " steady",
                        best >= 1_000_000 ? "yes" : "no"),
                List.of("faster than (b) ta4j", Fmt.ratio(rocks.rate() / ta4j), rocks.rate() > ta4j ? "yes" : "no"),
                List.of("≥ half of (a) the plain loop", Fmt.ratio(rocks.rate() / loop), rocks.rate() >= loop / 2 ? "yes" : "no")));
    }
}
