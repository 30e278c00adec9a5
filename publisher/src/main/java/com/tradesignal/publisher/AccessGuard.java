package com.tradesignal.publisher;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.websocket.WsContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The optional access token for a publisher exposed beyond localhost. With a token set, the page, the WebSocket and
 * {@code /api/*} need it: as {@code Authorization: Bearer …}, as the {@code ts_token} cookie the page sets, or once as
 * {@code ?token=…} (which sets the cookie). {@code /health}, {@code /metrics} and the Kite callback stay open: the
 * callback is protected by its own {@code state}.
 */
public final class AccessGuard {
    static final String COOKIE = "ts_token";
    private final byte[] token;

    private AccessGuard(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public static AccessGuard open() {
        return new AccessGuard(null);
    }

    public static AccessGuard withToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the dashboard access token is empty");
        }
        return new AccessGuard(token.strip());
    }

    /** The environment variable that may hold the token instead of a file. */
    public static final String TOKEN_ENV = "TRADESIGNAL_DASHBOARD_TOKEN";

    /**
     * The token from {@code file} (its first line) if given, else from {@value #TOKEN_ENV}, else none. A token is
     * never read from the command line, where other users of the machine could see it.
     */
    public static AccessGuard configured(java.nio.file.Path file) {
        if (file != null) {
            try {
                java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
                if (lines.isEmpty() || lines.get(0).isBlank()) {
                    throw new IllegalArgumentException("the access token file " + file + " is empty");
                }
                return withToken(lines.get(0));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read the access token file " + file + ": " + e.getMessage(), e);
            }
        }
        String env = System.getenv(TOKEN_ENV);
        return env == null || env.isBlank() ? open() : withToken(env);
    }

    /** The {@code Authorization} header value for this process's own calls (the demo's login), if a token is set. */
    public java.util.Optional<String> authorizationHeader() {
        return token == null ? java.util.Optional.empty()
                : java.util.Optional.of("Bearer " + new String(token, StandardCharsets.UTF_8));
    }

    public boolean enabled() {
        return token != null;
    }

    static boolean isOpenPath(String path) {
        return path.equals("/health") || path.equals("/metrics") || path.equals("/api/auth/callback");
    }

    /** Before every HTTP request: passes, or answers 401 and stops the request. */
    void check(Context ctx) {
        if (token == null || isOpenPath(ctx.path())) return;
        String query = ctx.queryParam("token");
        if (query != null && matches(query)) {
            ctx.cookie(new Cookie(COOKIE, query, "/", -1, false, true, null, SameSite.STRICT));
            return;
        }
        if (matches(bearer(ctx.header("Authorization"))) || matches(ctx.cookie(COOKIE))) return;
        ctx.status(401);
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json").result("{\"error\":\"access token required\",\"status\":401}");
        } else {
            ctx.contentType("text/plain").result("TradeSignal: this dashboard needs its access token: open it as /?token=…");
        }
        ctx.skipRemainingHandlers();
    }

    boolean admits(WsContext ctx) {
        return token == null || matches(ctx.cookie(COOKIE)) || matches(bearer(ctx.header("Authorization")))
                || matches(ctx.queryParam("token"));
    }

    private static String bearer(String header) {
        return header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
    }

    private boolean matches(String candidate) {
        // constant time, so the token cannot be guessed byte by byte from response times
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
