package com.tradesignal.simulator;

import java.util.Map;

/**
 * What the simulator has done since it started: for tests (a reconnect storm shows as many refused upgrades) and
 * for {@code GET /sim/status}.
 *
 * @param restCalls REST calls per route ({@code GET /instruments/{exchange}}, {@code POST /session/token}, ...),
 *                  refused ones included
 */
public record SimulatorStats(long connectionsAccepted, long upgradesRefused, long openConnections,
                             long subscribeMessages, long modeMessages, long badClientMessages, long framesSent,
                             long ticksSent, long heartbeatsSent, long malformedFramesSent, long sessionsIssued,
                             long historicalCalls, long instrumentCalls, long restRefused, Map<String, Long> restCalls) {
    public SimulatorStats {
        restCalls = restCalls == null ? Map.of() : Map.copyOf(restCalls);
    }
}
