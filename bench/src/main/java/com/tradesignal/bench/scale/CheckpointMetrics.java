package com.tradesignal.bench.scale;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A metric reporter for the embedded MiniCluster that keeps the JobManager's checkpoint gauges (Flink's own
 * {@code lastCheckpointDuration}, {@code lastCheckpointSize}, {@code lastCheckpointFullSize},
 * {@code numberOfCompletedCheckpoints}), which the job's own reporter ({@code LocalMetrics}) leaves out because they
 * are not {@code tradesignal.*} metrics. One replay at a time: {@link #reset()} before each.
 */
public final class CheckpointMetrics implements MetricReporter {
    /** The Flink configuration that enables it for a run. */
    public static final Map<String, String> FLINK_CONFIG = Map.of(
            "metrics.reporter.benchcheckpoints.factory.class", Factory.class.getName());

    static final String COMPLETED = "numberOfCompletedCheckpoints";
    static final String DURATION = "lastCheckpointDuration";
    static final String SIZE = "lastCheckpointSize";
    static final String FULL_SIZE = "lastCheckpointFullSize";
    private static final Set<String> KEPT = Set.of(COMPLETED, DURATION, SIZE, FULL_SIZE);
    private static final Map<String, Gauge<?>> GAUGES = new ConcurrentHashMap<>();

    /** One completed checkpoint as the gauges showed it right after it completed. */
    public record Checkpoint(long number, long durationMillis, long checkpointedBytes, long fullBytes) {}

    static void reset() {
        GAUGES.clear();
    }

    /** The latest value of a gauge, or -1 while the job has not registered it. */
    static long value(String name) {
        Gauge<?> g = GAUGES.get(name);
        return g != null && g.getValue() instanceof Number n ? n.longValue() : -1;
    }

    /** Samples the gauges (call it often, e.g. every 100 ms) and remembers each checkpoint once it completes. */
    static final class Recorder {
        private final List<Checkpoint> completed = new ArrayList<>();
        private long seen;

        synchronized void poll() {
            long n = value(COMPLETED);
            if (n > seen) {
                seen = n;
                completed.add(new Checkpoint(n, value(DURATION), value(SIZE), value(FULL_SIZE)));
            }
        }

        synchronized List<Checkpoint> completed() {
            return List.copyOf(completed);
        }
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        if (KEPT.contains(metricName) && metric instanceof Gauge<?> g) {
            GAUGES.put(metricName, g);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        // kept: the last values are read after the job has finished
    }

    /** Registered under META-INF/services; enabled by {@link #FLINK_CONFIG}. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new CheckpointMetrics();
        }
    }
}
