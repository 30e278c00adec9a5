package com.tradesignal.simulator;

import java.time.Duration;

/** Faults injected on command, the ways Kite's feed fails in practice. */
public interface Faults {
    /** Closes every open ticker socket abruptly (no close handshake), as a network drop does. */
    void dropConnections();

    /** Invalidates every access token issued so far: upgrades get 403, REST calls TokenException. New logins work. */
    void refuseTokens();

    /** Sends nothing at all, not even heartbeats, for this long (wall time). Sockets stay open. */
    void silence(Duration duration);

    /** The next {@code count} frames to each open socket are malformed. */
    void sendMalformedFrames(int count);
}
