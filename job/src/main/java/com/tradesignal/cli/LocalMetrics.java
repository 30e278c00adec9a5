package com.tradesignal.cli;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A metric reporter for runs on the embedded MiniCluster: it keeps the job's {@code tradesignal.*} metrics (ticks
 * folded, late and skipped counts, event time) so the launcher can show progress and a final summary of everything
 * that was dropped. Only meaningful in the JVM that runs the MiniCluster.
 */
public final class LocalMetrics implements MetricReporter {
    private static final Map<String, List<Metric>> METRICS = new ConcurrentHashMap<>();

    /** Forgets the metrics of a previous run in this JVM. */
    public static void reset() {
        METRICS.clear();
    }

    /** Sum of the counters with this name over all subtasks and operators. */
    public static long count(String name) {
        long sum = 0;
        for (Metric m : METRICS.getOrDefault(name, List.of())) {
            if (m instanceof Counter c) {
                sum += c.getCount();
            }
        }
        return sum;
    }

    /** Largest value of the numeric gauges with this name, or Long.MIN_VALUE. */
    public static long maxGauge(String name) {
        long max = Long.MIN_VALUE;
        for (Metric m : METRICS.getOrDefault(name, List.of())) {
            if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
                max = Math.max(max, n.longValue());
            }
        }
        return max;
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        if (List.of(group.getScopeComponents()).contains("tradesignal")) {
            METRICS.computeIfAbsent(metricName, k -> new CopyOnWriteArrayList<>()).add(metric);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        // Kept on purpose: the final summary reads the counters after the job has finished.
    }

    /** Registered under META-INF/services; enabled by {@code metrics.reporter.local.factory.class}. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new LocalMetrics();
        }
    }
}
