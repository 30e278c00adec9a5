package com.tradesignal.kite.auth;

import com.tradesignal.market.MarketTime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Kite access token with who it belongs to and when it stops working.
 *
 * <p>Kite tokens expire at 06:00 IST on the day after they were issued (regulatory requirement; there is no refresh
 * for individual accounts). {@link #toString()} never shows the token; {@link #fingerprint()} identifies it in logs
 * and status without revealing it.
 */
public record AccessToken(String apiKey, String userId, String token, long issuedAtMillis, long expiresAtMillis) {

    public static final LocalTime DAILY_EXPIRY = LocalTime.of(6, 0);

    public AccessToken {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("access token is blank");
        }
        userId = userId == null ? "" : userId;
    }

    /** A token issued at {@code issuedAtMillis}, expiring at the next 06:00 IST after that day. */
    public static AccessToken issued(String apiKey, String userId, String token, long issuedAtMillis) {
        return new AccessToken(apiKey, userId, token, issuedAtMillis, expiryOf(issuedAtMillis));
    }

    /** 06:00 IST on the day after the IST date of {@code issuedAtMillis}. */
    public static long expiryOf(long issuedAtMillis) {
        return MarketTime.at(MarketTime.istDate(issuedAtMillis).plusDays(1), DAILY_EXPIRY);
    }

    public boolean isExpiredAt(long epochMillis) {
        return epochMillis >= expiresAtMillis;
    }

    /** The first 12 hex digits of the token's SHA-256: enough to tell tokens apart, useless to an attacker. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AccessToken[user=" + userId + ", fingerprint=" + fingerprint() + ", expires="
                + MarketTime.isoIst(expiresAtMillis) + "]";
    }
}
