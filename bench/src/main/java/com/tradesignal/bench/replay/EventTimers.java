package com.tradesignal.bench.replay;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Event-time timers per instrument, as Flink's timer service keeps them for a keyed operator: one timer per
 * (token, time) however often it is registered, fired in time order once the watermark reaches it, including timers
 * registered while firing that are already due.
 */
final class EventTimers {
    /** What a firing timer calls. */
    interface Callback {
        void fire(long token, long time);
    }

    private final TreeMap<Long, Set<Long>> byTime = new TreeMap<>();

    void register(long token, long time) {
        byTime.computeIfAbsent(time, t -> new LinkedHashSet<>(4)).add(token);
    }

    /** The earliest registered time, or Long.MAX_VALUE. */
    long next() {
        return byTime.isEmpty() ? Long.MAX_VALUE : byTime.firstKey();
    }

    /** Fires every timer at or before {@code watermark}, earliest first. */
    void fireUpTo(long watermark, Callback callback) {
        while (!byTime.isEmpty() && byTime.firstKey() <= watermark) {
            Map.Entry<Long, Set<Long>> first = byTime.firstEntry();
            Iterator<Long> tokens = first.getValue().iterator();
            long token = tokens.next();
            tokens.remove();
            if (first.getValue().isEmpty()) {
                byTime.remove(first.getKey());
            }
            callback.fire(token, first.getKey());
        }
    }
}
