package com.tradesignal.bench.latency;

import com.tradesignal.bench.BenchContext;
import com.tradesignal.bench.Report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs only the latency part and writes its sections to a file, for trying it out without the other parts:
 * {@code java -cp … com.tradesignal.bench.latency.LiveLatencyMain OUT.md [--quick]}.
 */
public final class LiveLatencyMain {
    private LiveLatencyMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LiveLatencyMain OUT.md [--quick]");
            System.exit(2);
        }
        boolean quick = args.length > 1 && args[1].equals("--quick");
        Path root = Path.of(System.getProperty("tradesignal.root", ".")).toAbsolutePath().normalize();
        BenchContext ctx = new BenchContext(root.resolve("bench/target/work"), root.resolve("../shared/fixtures"), root,
                quick, System.err);
        Files.createDirectories(ctx.workDir());
        Report report = new Report();
        new LiveLatencyPart().run(ctx, report);
        Files.writeString(Path.of(args[0]), report.toMarkdown());
        System.exit(0);
    }
}
