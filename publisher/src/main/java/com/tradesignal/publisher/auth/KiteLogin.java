package com.tradesignal.publisher.auth;

import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.auth.LoginStates;
import com.tradesignal.kite.auth.TokenStore;
import com.tradesignal.kite.feed.ConnectionState;
import com.tradesignal.kite.feed.FeedStatus;
import com.tradesignal.kite.feed.FeedStatusFiles;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.kite.rest.KiteApiException;
import com.tradesignal.kite.rest.KiteAuthException;
import com.tradesignal.kite.rest.KiteRest;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The broker login: {@code GET /api/auth/login} sends the browser to Kite's login page with a fresh {@code state};
 * Kite sends it back to {@code GET /api/auth/callback} with a request token, which is exchanged (with the SHA-256
 * checksum that proves this server knows the API secret) for an access token, stored in the token store. Every feed
 * reads the store about once a second, so the new session reaches the running job with no restart.
 *
 * <p>The API secret is held here only, read from the environment by whoever starts the publisher; it never goes to
 * the job, a log, a page or a metric. Neither does the access token: pages and {@code /api/auth/status} show its
 * fingerprint.
 */
public final class KiteLogin {
    private static final Logger LOG = LoggerFactory.getLogger(KiteLogin.class);

    private final KiteRest rest;
    private final String apiSecret;
    private final TokenStore tokens;
    private final StateDirectory state;
    private final MarketClock clock;
    private final LoginStates states = new LoginStates();

    public KiteLogin(KiteRest rest, String apiSecret, TokenStore tokens, StateDirectory state, MarketClock clock) {
        if (apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("the Kite API secret is required for the login callback (set KITE_API_SECRET)");
        }
        this.rest = rest;
        this.apiSecret = apiSecret;
        this.tokens = tokens;
        this.state = state;
        this.clock = clock;
    }

    public void routes(JavalinConfig cfg) {
        cfg.routes.get("/api/auth/login", this::login);
        cfg.routes.get("/api/auth/callback", this::callback);
        cfg.routes.get("/api/auth/status", ctx -> ctx.json(status()));
    }

    /** Routes for a publisher without a Kite app configured: they say so instead of failing obscurely. */
    public static void notConfigured(JavalinConfig cfg) {
        Map<String, Object> body = Map.of("error", "the Kite login is not configured: start the publisher with "
                + "--api-key and the KITE_API_SECRET environment variable");
        cfg.routes.get("/api/auth/login", ctx -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(body));
        cfg.routes.get("/api/auth/callback", ctx -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(body));
        cfg.routes.get("/api/auth/status", ctx -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(body));
    }

    private void login(Context ctx) {
        ctx.redirect(rest.loginUrl(states.issue()), HttpStatus.FOUND);
    }

    private void callback(Context ctx) {
        if (!states.consume(ctx.queryParam("state"))) {
            error(ctx, HttpStatus.BAD_REQUEST, "unknown, used or expired login state: start again at /api/auth/login");
            return;
        }
        String requestToken = ctx.queryParam("request_token");
        if (!"success".equals(ctx.queryParam("status")) || requestToken == null || requestToken.isBlank()) {
            error(ctx, HttpStatus.BAD_REQUEST, "Kite did not report a successful login (status="
                    + ctx.queryParam("status") + "): start again at /api/auth/login");
            return;
        }
        AccessToken token;
        try {
            token = rest.generateSession(requestToken, apiSecret);
        } catch (KiteAuthException e) {
            error(ctx, HttpStatus.UNAUTHORIZED, "Kite refused the login: " + e.getMessage());
            return;
        } catch (KiteApiException e) {
            error(ctx, HttpStatus.BAD_GATEWAY, "the session exchange with Kite failed: " + e.getMessage());
            return;
        }
        tokens.save(token);
        LOG.info("Kite login of {} stored (token {}, expires {})", token.userId(), token.fingerprint(),
                MarketTime.isoIst(token.expiresAtMillis()));
        ctx.html("<!doctype html><html><head><meta charset=utf-8><title>TradeSignal: logged in</title></head><body>"
                + "<h1>Logged in to Kite as " + escape(token.userId()) + "</h1>"
                + "<p>The feed picks up the new session within a few seconds. The session expires at "
                + escape(MarketTime.isoIst(token.expiresAtMillis())) + ".</p><p><a href=\"/\">Back to the dashboard</a></p>"
                + "</body></html>");
    }

    /** The login state as the dashboard shows it: the store's token, and whether a feed saw Kite refuse it. */
    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        Optional<AccessToken> token;
        try {
            token = tokens.load();
        } catch (RuntimeException e) {
            s.put("state", "LOGIN_REQUIRED");
            s.put("reason", e.getMessage());
            return s;
        }
        if (token.isEmpty()) {
            s.put("state", "LOGIN_REQUIRED");
            s.put("reason", "no access token");
            return s;
        }
        AccessToken t = token.get();
        s.put("user_id", t.userId());
        s.put("token_fingerprint", t.fingerprint());
        s.put("expires_at", MarketTime.isoIst(t.expiresAtMillis()));
        List<FeedStatus> feeds = FeedStatusFiles.readAll(state.statusDirectory());
        boolean refused = feeds.stream().anyMatch(f -> f.connection() == ConnectionState.WAITING_FOR_LOGIN
                && t.fingerprint().equals(f.tokenFingerprint()));
        if (t.isExpiredAt(clock.now())) {
            s.put("state", "EXPIRED");
        } else if (refused) {
            s.put("state", "LOGIN_REQUIRED");
            s.put("reason", "Kite refused the stored token");
        } else {
            s.put("state", "VALID");
        }
        return s;
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        LOG.warn("Kite login callback: {}", message);
        ctx.status(status).json(Map.of("error", message));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
