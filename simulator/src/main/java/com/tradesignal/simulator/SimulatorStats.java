package com.tradesignal.simulator;

/**
 * What the simulator has done since it started: for tests (a reconnect storm shows as many refused upgrades) and
 * for {@code GET /sim/status}.
 */
public record SimulatorStats(long connectionsAccepted, long upgradesRefused, long openConnections,
                             long subscribeMessages, long modeMessages, long badClientMessages, long framesSent,
                             long ticksSent, long heartbeatsSent, long malformedFramesSent, long sessionsIssued,
                             long historicalCalls, long instrumentCalls, long restRefused) {
}
