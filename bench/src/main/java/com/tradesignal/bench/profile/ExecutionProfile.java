package com.tradesignal.bench.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Java Flight Recorder execution samples, counted by the method on top of the stack (self) and anywhere on it. */
final class ExecutionProfile {
    final Map<String, Integer> self = new HashMap<>();
    final Map<String, Integer> inclusive = new HashMap<>();
    int samples;

    static ExecutionProfile read(Path jfr) throws IOException {
        ExecutionProfile p = new ExecutionProfile();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) continue;
            p.samples++;
            List<RecordedFrame> frames = st.getFrames();
            p.self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) p.inclusive.merge(n, 1, Integer::sum);
            }
        }
        return p;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** {@code com.tradesignal.job.bars.MinuteBarFolder.processElement} → {@code MinuteBarFolder.processElement} */
    static String shortName(String full) {
        int method = full.lastIndexOf('.');
        int type = full.lastIndexOf('.', method - 1);
        return full.substring(type + 1);
    }

    /** The {@code n} largest of {@code counts} whose name passes {@code filter}, as share of all samples. */
    Map<String, Double> top(Map<String, Integer> counts, int n, java.util.function.Predicate<String> filter) {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream().filter(e -> filter.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> out.put(shortName(e.getKey()), e.getValue() * 100.0 / Math.max(1, samples)));
        return out;
    }
}
