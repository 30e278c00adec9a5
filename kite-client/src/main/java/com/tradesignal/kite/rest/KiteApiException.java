package com.tradesignal.kite.rest;

/** A Kite REST call failed: network, HTTP status or a Kite error. The message never holds a token or secret. */
public class KiteApiException extends RuntimeException {
    private final int status;

    public KiteApiException(String message, int status) {
        super(message);
        this.status = status;
    }

    public KiteApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }
}
