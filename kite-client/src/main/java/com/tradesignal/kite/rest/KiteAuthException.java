package com.tradesignal.kite.rest;

/** Kite refused the session (TokenException, HTTP 403): only a new login helps. The message never holds a token. */
public class KiteAuthException extends KiteApiException {
    public KiteAuthException(String message) {
        super(message, 403);
    }
}
