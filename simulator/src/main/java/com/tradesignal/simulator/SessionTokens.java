package com.tradesignal.simulator;

import com.tradesignal.kite.auth.SessionChecksum;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's login state: request tokens handed out by the login page (each good for one session exchange)
 * and the access tokens of live sessions. Tokens are random and never logged. Thread-safe.
 */
final class SessionTokens {
    private final String apiKey;
    private final String apiSecret;
    private final Set<String> requestTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    SessionTokens(String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    String apiKey() {
        return apiKey;
    }

    /** A new single-use request token, as the login page's redirect carries it. */
    String newRequestToken() {
        String t = random();
        requestTokens.add(t);
        return t;
    }

    /**
     * Redeems a request token: true (and the token is used up) if the key is ours, the token was issued and not yet
     * redeemed, and the checksum is SHA-256 of api_key + request_token + api_secret.
     */
    boolean redeem(String key, String requestToken, String checksum) {
        if (!apiKey.equals(key) || requestToken == null || checksum == null) {
            return false;
        }
        if (!SessionChecksum.of(key, requestToken, apiSecret).equalsIgnoreCase(checksum)) {
            return false;
        }
        return requestTokens.remove(requestToken);
    }

    /** A new valid access token. */
    String issueAccessToken() {
        String t = random();
        accessTokens.add(t);
        return t;
    }

    boolean isValid(String key, String accessToken) {
        return apiKey.equals(key) && accessToken != null && accessTokens.contains(accessToken);
    }

    /** Invalidates every access token issued so far; request tokens and new logins still work. */
    void refuseAll() {
        accessTokens.clear();
    }

    String random() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
