package com.tradesignal.source.kite.ws;

/** Kite refused the WebSocket upgrade with an HTTP status: 403 means the access token is invalid or expired. */
public final class KiteHandshakeRefused extends RuntimeException {
    private final int status;

    public KiteHandshakeRefused(int status) {
        super("Kite refused the WebSocket upgrade with HTTP " + status
                + (status == 403 ? " (the access token is invalid or expired)" : ""));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
