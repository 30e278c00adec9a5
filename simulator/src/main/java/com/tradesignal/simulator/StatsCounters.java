package com.tradesignal.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link SimulatorStats}; each is updated from whichever thread did the thing. */
final class StatsCounters {
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong subscribes = new AtomicLong();
    final AtomicLong modes = new AtomicLong();
    final AtomicLong badMessages = new AtomicLong();
    final AtomicLong frames = new AtomicLong();
    final AtomicLong ticksSent = new AtomicLong();
    final AtomicLong heartbeats = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong sessions = new AtomicLong();
    final AtomicLong historicalCalls = new AtomicLong();
    final AtomicLong instrumentCalls = new AtomicLong();
    final AtomicLong restRefused = new AtomicLong();
    private final Map<String, AtomicLong> restCalls = new ConcurrentHashMap<>();

    /** Counts one REST call by its route (e.g. {@code GET /instruments/{exchange}}). */
    void restCall(String route) {
        restCalls.computeIfAbsent(route, k -> new AtomicLong()).incrementAndGet();
    }

    SimulatorStats snapshot(int openConnections) {
        Map<String, Long> calls = new TreeMap<>();
        restCalls.forEach((k, v) -> calls.put(k, v.get()));
        return new SimulatorStats(accepted.get(), refused.get(), openConnections, subscribes.get(), modes.get(),
                badMessages.get(), frames.get(), ticksSent.get(), heartbeats.get(), malformed.get(), sessions.get(),
                historicalCalls.get(), instrumentCalls.get(), restRefused.get(), Map.copyOf(calls));
    }
}
