package com.tradesignal.publisher.rest;

/** A client error with its HTTP status; answered as {@code {"error": message, "status": status}}. */
public final class ApiError extends RuntimeException {
    public final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
