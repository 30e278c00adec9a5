package com.tradesignal.kite.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of Kite's session exchange ({@code POST /session/token}): lowercase hex SHA-256 of
 * {@code api_key + request_token + api_secret}. It proves the app knows the secret without sending it.
 */
public final class SessionChecksum {
    private SessionChecksum() {
    }

    public static String of(String apiKey, String requestToken, String apiSecret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((apiKey + requestToken + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
