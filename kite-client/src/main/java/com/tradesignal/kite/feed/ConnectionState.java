package com.tradesignal.kite.feed;

/** What one feed connection is doing. */
public enum ConnectionState {
    /** Outside the connect hours of the calendar: no connection attempts. */
    OFF_SCHEDULE,
    /** Stopped by an operator (feed-control.json says FORCE_OFF). */
    STOPPED,
    /** No usable access token: waiting for a login. */
    WAITING_FOR_LOGIN,
    CONNECTING,
    CONNECTED,
    /** The connection dropped or went stale; the next attempt is scheduled with backoff. */
    RECONNECTING
}
