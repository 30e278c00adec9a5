package com.tradesignal.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Resident memory of a process and all its descendants, from Linux's {@code /proc/<pid>/status}: {@code VmRSS} (what
 * is resident now) summed over the tree, and {@code VmHWM} (the kernel's own peak of each process, which also catches
 * spikes between two samples).
 */
final class RssSampler {
    /** One sample: the tree's summed RSS, the largest per-process peak, and how many processes were alive. */
    record Sample(double secondsFromStart, long rssBytes, long hwmBytes, int processes) {}

    private final List<Sample> samples = new ArrayList<>();

    private RssSampler() {}

    /** Samples {@code root}'s tree every {@code intervalMillis} for {@code seconds} (or until it exits). */
    static List<Sample> sample(ProcessHandle root, double seconds, long intervalMillis) throws InterruptedException {
        RssSampler s = new RssSampler();
        long start = System.nanoTime();
        long next = start;
        while (root.isAlive()) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed > seconds) break;
            s.samples.add(once(root, elapsed));
            next += intervalMillis * 1_000_000L;
            long sleep = (next - System.nanoTime()) / 1_000_000L;
            if (sleep > 0) Thread.sleep(sleep);
        }
        return Collections.unmodifiableList(s.samples);
    }

    /** The tree's memory now. Processes that exit while it is read are skipped. */
    static Sample once(ProcessHandle root, double elapsedSeconds) {
        long rss = 0, hwm = 0;
        int n = 0;
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        for (ProcessHandle p : tree) {
            long[] m = status(p.pid());
            if (m == null) continue;
            rss += m[0];
            hwm = Math.max(hwm, m[1]);
            n++;
        }
        return new Sample(elapsedSeconds, rss, hwm, n);
    }

    /** {VmRSS, VmHWM} in bytes, or null if the process is gone (or is a kernel thread without them). */
    static long[] status(long pid) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
        long rss = -1, hwm = -1;
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) rss = kilobytes(line);
            else if (line.startsWith("VmHWM:")) hwm = kilobytes(line);
        }
        return rss < 0 ? null : new long[]{rss * 1024, Math.max(hwm, rss) * 1024};
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** Whether this system has /proc (Linux). */
    static boolean available() {
        return Files.exists(Path.of("/proc/self/status"));
    }
}
