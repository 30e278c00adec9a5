package com.tradesignal.publisher.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A Prometheus histogram of latencies in seconds with fixed buckets from 1 ms to 5 s, lock-free so the hot path
 * only increments two counters.
 */
public final class LatencyHistogram {
    static final double[] BOUNDS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final AtomicLongArray counts = new AtomicLongArray(BOUNDS.length + 1);
    private final DoubleAdder sum = new DoubleAdder();

    public void observeMillis(long millis) {
        double seconds = Math.max(0, millis) / 1000.0;
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) i++;
        counts.incrementAndGet(i);
        sum.add(seconds);
    }

    public long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) n += counts.get(i);
        return n;
    }

    /** Appends this histogram in the Prometheus text format. */
    void writeTo(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        long cumulative = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            cumulative += counts.get(i);
            out.append(name).append("_bucket{le=\"").append(BOUNDS[i]).append("\"} ").append(cumulative).append('\n');
        }
        cumulative += counts.get(BOUNDS.length);
        out.append(name).append("_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        out.append(name).append("_sum ").append(sum.sum()).append('\n');
        out.append(name).append("_count ").append(cumulative).append('\n');
    }
}
