package com.tradesignal.kite.auth;

/**
 * Where the broker login stands, as the feed and the dashboard show it.
 *
 * <ul>
 *   <li>{@link #VALID}: a token is present, not past its expiry, and not refused by Kite.</li>
 *   <li>{@link #EXPIRED}: the token is past 06:00 IST of the day after it was issued. A login is needed.</li>
 *   <li>{@link #LOGIN_REQUIRED}: there is no token, or Kite refused it (403 on the WebSocket upgrade,
 *       {@code TokenException} on REST). Nothing is retried with that token.</li>
 *   <li>{@link #REFRESHING}: a new token arrived and the feed is connecting with it.</li>
 * </ul>
 */
public enum AuthState {
    VALID, EXPIRED, LOGIN_REQUIRED, REFRESHING;

    /** True when the feed must not try to connect: only a new login helps. */
    public boolean needsLogin() {
        return this == EXPIRED || this == LOGIN_REQUIRED;
    }
}
