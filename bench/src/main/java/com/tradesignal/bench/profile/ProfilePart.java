package com.tradesignal.bench.profile;

import com.tradesignal.bench.BenchContext;
import com.tradesignal.bench.BenchPart;
import com.tradesignal.bench.Fmt;
import com.tradesignal.bench.Report;
import com.tradesignal.bench.day.MarketDay;
import com.tradesignal.bench.replay.FlinkReplayBench;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part 4: where a replay's CPU goes, by thread role (sampled CPU times) and by method (Java Flight Recorder's
 * execution samples), followed by the recorded before/after of the fixes this profile led to.
 */
public final class ProfilePart implements BenchPart {
    @Override
    public String name() {
        return "profile";
    }

    @Override
    public void run(BenchContext ctx, Report report) throws Exception {
        MarketDay day = ctx.quick()
                ? MarketDay.generate(ctx, new MarketDay.Spec(60, LocalTime.of(9, 0), LocalTime.of(9, 30), 1.0, 11))
                : MarketDay.generate(ctx, new MarketDay.Spec(2_100, LocalTime.of(9, 0), LocalTime.of(10, 15), 1.0, 11));
        Path out = ctx.scratch("profile");
        Path jfr = out.resolve("replay.jfr");
        FlinkReplayBench.Result result;
        Map<String, Double> cpuByRole;
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"));
             ThreadCpuSampler sampler = new ThreadCpuSampler()) {
            recording.start();
            result = FlinkReplayBench.run(day.tickFiles(), day.instruments(), out.resolve("run"), 2,
                    FlinkReplayBench.Backend.ROCKSDB, Duration.ofSeconds(10));
            recording.stop();
            recording.dump(jfr);
            cpuByRole = sampler.byRole();
        }
        ExecutionProfile profile = ExecutionProfile.read(jfr);

        Report.Section s = report.section("4. Profile of the hot path");
        s.paragraph("A replay of " + day.describe() + " through the job (parallelism 2, RocksDB, checkpoints every 10 s) "
                + "with Java Flight Recorder on (`profile` settings) and every thread's CPU time sampled. It ran at "
                + Fmt.rate(result.ticksPerSecond()) + " ticks/s over the whole run with the recorder on. The recording "
                + "is kept at `" + ctx.workDir().relativize(jfr) + "` under the work directory (open it with JDK Mission "
                + "Control or `jfr print`).");
        s.subheading("CPU by thread role");
        double total = cpuByRole.values().stream().mapToDouble(Double::doubleValue).sum();
        List<List<String>> rows = new ArrayList<>();
        cpuByRole.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.05)
                .forEach(e -> rows.add(List.of(e.getKey(), Fmt.seconds(e.getValue()),
                        String.format(Locale.ROOT, "%.0f%%", e.getValue() * 100 / total),
                        String.format(Locale.ROOT, "%.2f", e.getValue() * 1e6 / result.ticks()))));
        s.table(List.of("Thread role", "CPU s", "Share", "CPU µs per tick"), rows);
        s.paragraph("Java threads only; garbage collection and RocksDB's own native threads are not in this table. "
                + "\"Source Data Fetcher\" reads and parses the files; \"Source: ticks -> minute bars\" emits the ticks "
                + "and folds them into minute bars (chained, no keyed state); \"candles -> instrument signals\" is the "
                + "keyed candle builder and signal engine on RocksDB; the sinks write the two JSON Lines files.");
        s.subheading("Hottest methods (share of execution samples)");
        Map<String, Double> self = profile.top(profile.self, 15, n -> true);
        Map<String, Double> ours = profile.top(profile.inclusive, 15, n -> n.startsWith("com.tradesignal"));
        List<List<String>> methods = new ArrayList<>();
        List<String> selfKeys = new ArrayList<>(self.keySet());
        List<String> ourKeys = new ArrayList<>(ours.keySet());
        for (int i = 0; i < Math.max(selfKeys.size(), ourKeys.size()); i++) {
            String a = i < selfKeys.size() ? selfKeys.get(i) : "";
            String b = i < ourKeys.size() ? ourKeys.get(i) : "";
            methods.add(List.of(a.isEmpty() ? "" : "`" + a + "`", a.isEmpty() ? "" : pct(self.get(a)),
                    b.isEmpty() ? "" : "`" + b + "`", b.isEmpty() ? "" : pct(ours.get(b))));
        }
        s.table(List.of("Self (top of stack)", "%", "TradeSignal code, inclusive", "%"), methods);
        s.paragraph(Fmt.count(profile.samples) + " samples.");
        s.subheading("What the profile led to: before and after");
        s.paragraph(history());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The hand-kept record of profile-driven fixes with their measured before/after (a resource, see it for how). */
    static String history() throws IOException {
        try (InputStream in = ProfilePart.class.getResourceAsStream("/bench/profile-history.md")) {
            if (in == null) {
                throw new IllegalStateException("bench/profile-history.md is missing from the bench module's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
