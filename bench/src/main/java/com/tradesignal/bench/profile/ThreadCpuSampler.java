package com.tradesignal.bench.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread role while a job runs. Flink's threads end with the job, so their CPU times are sampled
 * every 200 ms and the last reading per thread is kept; threads are grouped by name with the subtask numbers
 * taken out ("Source Data Fetcher for Source: ticks -> minute bars (1/2)#0" and "(2/2)#0" are one role).
 */
final class ThreadCpuSampler implements AutoCloseable {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> lastCpu = new HashMap<>();
    private final Map<Long, Long> startCpu = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    ThreadCpuSampler() {
        threads.setThreadCpuTimeEnabled(true);
        sampleOnce(true);
        sampler = new Thread(() -> {
            while (running) {
                sampleOnce(false);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-thread-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private synchronized void sampleOnce(boolean baseline) {
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu < 0) continue;
            if (!names.containsKey(id)) {
                var info = threads.getThreadInfo(id);
                if (info == null) continue;
                names.put(id, info.getThreadName());
                startCpu.put(id, baseline ? cpu : 0L);
            }
            lastCpu.put(id, cpu);
        }
    }

    /** Seconds of CPU per thread role since construction, largest first. */
    synchronized Map<String, Double> byRole() {
        sampleOnce(false);
        Map<String, Double> roles = new TreeMap<>();
        for (Map.Entry<Long, Long> e : lastCpu.entrySet()) {
            double s = (e.getValue() - startCpu.getOrDefault(e.getKey(), 0L)) / 1e9;
            if (s <= 0) continue;
            roles.merge(role(names.get(e.getKey())), s, Double::sum);
        }
        return roles;
    }

    static String role(String threadName) {
        String r = threadName.replaceAll("\\s*\\(\\d+/\\d+\\)", "").replaceAll("#\\d+", "").replaceAll("-\\d+$", "");
        if (r.startsWith("C1 CompilerThread") || r.startsWith("C2 CompilerThread")) return "JIT compiler";
        if (r.startsWith("flink-pekko") || r.startsWith("flink-metrics") || r.startsWith("jobmanager")
                || r.startsWith("Flink-DispatcherRestEndpoint") || r.startsWith("flink-rest")) return "Flink control (pekko, REST, job manager)";
        return r.length() > 90 ? r.substring(0, 90) + "…" : r;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
