package com.tradesignal.bench.scale;

import com.tradesignal.bench.BenchContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The resident memory of {@code ./tradesignal demo} as a user runs it: started from the repository root with its
 * launcher defaults (JVM options included) and its default market speed, on a free port, sampled once a second from
 * the moment it prints its dashboard address (before that the launcher may still be building the jar, which is not
 * the product's memory).
 */
final class DemoRss {
    /** Samples taken, what was run, and the JVM's own peak when it was stopped. */
    record Result(List<String> command, List<RssSampler.Sample> samples, double startupSeconds) {
        long peakRss() {
            return samples.stream().mapToLong(RssSampler.Sample::rssBytes).max().orElse(-1);
        }

        long peakHwm() {
            return samples.stream().mapToLong(RssSampler.Sample::hwmBytes).max().orElse(-1);
        }

        /** The median RSS over the second half of the samples: where it settles once warm. */
        long steadyRss() {
            if (samples.isEmpty()) return -1;
            List<Long> tail = new ArrayList<>(samples.subList(samples.size() / 2, samples.size()).stream()
                    .map(RssSampler.Sample::rssBytes).toList());
            tail.sort(Long::compare);
            return tail.get(tail.size() / 2);
        }
    }

    private DemoRss() {}

    static Result measure(BenchContext ctx, double seconds) throws Exception {
        Path out = ctx.scratch("scale/demo-out");
        List<String> command = List.of(ctx.repoRoot().resolve("tradesignal").toString(), "demo", "--port", "0",
                "--out", out.toString());
        return measure(ctx, command, "Dashboard:", seconds, ctx.workDir().resolve("scale/demo.log"));
    }

    /**
     * Starts {@code command}, waits (up to 10 minutes) for a stdout line containing {@code readyLine}, samples for
     * {@code seconds}, then stops the process tree it started.
     */
    static Result measure(BenchContext ctx, List<String> command, String readyLine, double seconds, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ctx.repoRoot().toFile())
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        long started = System.nanoTime();
        Process p = pb.start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains(readyLine)) ready.countDown();
                }
            } catch (IOException ignored) {
                // the process was stopped
            }
        }, "demo-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(10, TimeUnit.MINUTES) || !p.isAlive()) {
                throw new IllegalStateException(String.join(" ", command) + " did not print '" + readyLine
                        + "' (exit " + (p.isAlive() ? "none, still running" : p.exitValue()) + "); see " + log);
            }
            double startup = (System.nanoTime() - started) / 1e9;
            ctx.log().printf("bench: %s is up after %.0f s; sampling its memory for %.0f s%n", command.get(0), startup, seconds);
            List<RssSampler.Sample> samples = RssSampler.sample(p.toHandle(), seconds, 1000);
            return new Result(command, samples, startup);
        } finally {
            stop(p);
        }
    }

    /** Ends the process we started and whatever it started: politely, then forcibly. */
    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.toHandle().descendants().toList();
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle c : children) {
            if (c.isAlive()) c.destroyForcibly();
        }
    }
}
