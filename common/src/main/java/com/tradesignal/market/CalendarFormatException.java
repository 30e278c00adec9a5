package com.tradesignal.market;

/**
 * A calendar file that cannot be used. The message names the file and the entry and field at fault, e.g.
 * {@code calendar.json: holidays[3].date: '2026-13-01' is not a date (yyyy-MM-dd)}.
 */
public class CalendarFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CalendarFormatException(String message) {
        super(message);
    }

    public CalendarFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
