package com.tradesignal.bench;

import com.tradesignal.bench.latency.LiveLatencyPart;
import com.tradesignal.bench.profile.ProfilePart;
import com.tradesignal.bench.replay.ReplayThroughputPart;
import com.tradesignal.bench.scale.ScalePart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./tradesignal bench}: runs the benchmark parts one after another and writes the report. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures TradeSignal on this machine and writes docs/benchmarks.md: replay throughput beside "
                + "a plain loop and a ta4j implementation, tick-to-browser latency with 100 and 1,000 WebSocket clients, "
                + "scale from 100 to 9,000 instruments, and a profile of the hot path.",
                "All input is generated (SIMULATED prices shaped by the real candles in ../shared/fixtures) or the "
                        + "real fixtures themselves. A full run takes about 20 minutes; keep the machine otherwise idle."})
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "The report (default: docs/benchmarks.md).")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch directory for generated input and outputs (default: bench/target/work). Generated days are kept there and reused.")
    Path work;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The shared fixtures (default: ../shared/fixtures).")
    Path fixtures;

    @Option(names = "--parts", split = ",", paramLabel = "PART", description = "Which parts to run (default: all): ${COMPLETION-CANDIDATES}.")
    List<String> parts;

    @Option(names = "--quick", description = "Small sizes: checks that every part works in a minute or two. Its figures are not the ones to quote.")
    boolean quick;

    static Path repoRoot() {
        String root = System.getProperty("tradesignal.root");
        return Path.of(root != null ? root : ".").toAbsolutePath().normalize();
    }

    /** Every part, in report order. */
    static Map<String, BenchPart> allParts() {
        Map<String, BenchPart> all = new LinkedHashMap<>();
        for (BenchPart p : List.of(new ReplayThroughputPart(), new LiveLatencyPart(), new ScalePart(), new ProfilePart())) {
            all.put(p.name(), p);
        }
        return all;
    }

    @Override
    public Integer call() throws Exception {
        Path root = repoRoot();
        Path outFile = out != null ? out : root.resolve("docs/benchmarks.md");
        Path workDir = work != null ? work : root.resolve("bench/target/work");
        Path fixturesDir = fixtures != null ? fixtures : root.resolve("../shared/fixtures");
        Files.createDirectories(workDir);
        Map<String, BenchPart> all = allParts();
        List<String> chosen = parts == null || parts.isEmpty() ? List.copyOf(all.keySet()) : parts;
        for (String name : chosen) {
            if (!all.containsKey(name)) {
                System.err.println("bench: unknown part '" + name + "'; the parts are " + all.keySet());
                return 2;
            }
        }
        BenchContext ctx = new BenchContext(workDir, fixturesDir, root, quick, System.err);
        MachineInfo machine = MachineInfo.read(root);
        Report report = new Report();
        report.preamble("# TradeSignal benchmarks\n\n"
                + "Written by `./tradesignal bench" + (quick ? " --quick" : "") + "`; each part says when and at which commit "
                + "it was measured (`--parts` reruns some parts and keeps the others). Every comparison in a table was "
                + "measured side by side in the same run, so machine noise largely cancels in the ratios. These are "
                + "measurements, not pass/fail tests. All prices are generated (SIMULATED) or come from the real "
                + "fixtures; none of it is live market data."
                + (quick ? "\n\n**Quick run: small sizes to check the benchmark code; do not quote these figures.**" : ""));
        report.section("Machine").table(List.of("", ""), machine.rows());
        long started = System.nanoTime();
        // A run of some parts updates their sections of an existing report and keeps the others.
        String previous = parts != null && !parts.isEmpty() && Files.exists(outFile) ? Files.readString(outFile) : null;
        java.util.Set<String> done = new java.util.LinkedHashSet<>();
        for (String name : chosen) {
            ctx.log().println("== bench: " + name);
            long t0 = System.nanoTime();
            report.startPart(name, "Measured " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))
                    + " at " + machine.commit() + (quick ? ", quick run" : "") + ".");
            all.get(name).run(ctx, report);
            done.add(name);
            ctx.log().printf("== bench: %s done in %.0f s%n", name, (System.nanoTime() - t0) / 1e9);
            Files.createDirectories(outFile.toAbsolutePath().getParent());
            // after each part, so a late failure keeps the earlier figures
            Files.writeString(outFile, previous != null ? report.mergedWith(previous, done) : report.toMarkdown());
        }
        ctx.log().printf("bench: wrote %s in %.0f s%n", outFile, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
