package com.tradesignal.kite.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code state} values of logins in progress: the defence against a forged callback. {@code /api/auth/login}
 * issues one and sends it to Kite inside {@code redirect_params}; Kite echoes it to {@code /api/auth/callback},
 * which accepts the request token only if the state is one this server issued, less than ten minutes ago, and not
 * used before. A forged link carries no valid state, so nobody can plant their own Kite session in the feed.
 */
public final class LoginStates {
    public static final long VALIDITY_MS = 10 * 60_000L;
    private static final int MAX_PENDING = 64;

    private final SecureRandom random = new SecureRandom();
    private final LongSupplier wallClock;
    private final Map<String, Long> issuedAt = new LinkedHashMap<>();

    public LoginStates() {
        this(System::currentTimeMillis);
    }

    public LoginStates(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    /** A new unguessable state (256 random bits, URL-safe). The oldest pending ones are forgotten past 64. */
    public synchronized String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issuedAt.put(state, wallClock.getAsLong());
        while (issuedAt.size() > MAX_PENDING) {
            Iterator<String> oldest = issuedAt.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return state;
    }

    /** True exactly once for a state this issued less than ten minutes ago. */
    public synchronized boolean consume(String state) {
        if (state == null) {
            return false;
        }
        Long at = issuedAt.remove(state);
        return at != null && wallClock.getAsLong() - at < VALIDITY_MS;
    }
}
