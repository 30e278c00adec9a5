package com.tradesignal.kite;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Where Kite is: the REST root, the login page and the ticker WebSocket. The defaults are Kite's own servers; the
 * simulator and tests point all three at a local server.
 *
 * <p>Holds no secret. The WebSocket URL here has no query string: the client adds {@code api_key} and
 * {@code access_token} when it connects and never logs the result.
 */
public record KiteEndpoints(String apiRoot, String loginUrl, String websocketUrl) implements Serializable {

    public static final KiteEndpoints KITE = new KiteEndpoints(
            "https://api.kite.trade", "https://kite.zerodha.com/connect/login", "wss://ws.kite.trade");

    public KiteEndpoints {
        Objects.requireNonNull(apiRoot, "apiRoot");
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(websocketUrl, "websocketUrl");
        apiRoot = stripSlash(apiRoot);
        URI.create(apiRoot);
        URI.create(loginUrl);
        URI ws = URI.create(websocketUrl);
        if (!"ws".equals(ws.getScheme()) && !"wss".equals(ws.getScheme())) {
            throw new IllegalArgumentException("websocketUrl must be ws:// or wss://, got " + websocketUrl);
        }
    }

    /** A server on this machine serving all three, the way the simulator does. */
    public static KiteEndpoints local(String host, int port) {
        String base = "http://" + host + ":" + port;
        return new KiteEndpoints(base, base + "/connect/login", "ws://" + host + ":" + port + "/");
    }

    /** One base URL (http or https) serving all three. */
    public static KiteEndpoints at(String baseUrl) {
        URI uri = URI.create(stripSlash(baseUrl));
        String wsScheme = "https".equals(uri.getScheme()) ? "wss" : "ws";
        String base = stripSlash(baseUrl);
        return new KiteEndpoints(base, base + "/connect/login",
                wsScheme + "://" + uri.getRawAuthority() + "/");
    }

    public boolean isKite() {
        return equals(KITE);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
