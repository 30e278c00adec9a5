package com.tradesignal.market;

/**
 * Where an instant falls in the exchange day (IST), as decided by {@link MarketCalendar#phaseAt(long)}.
 * Boundaries: {@code PRE_OPEN} is [preOpen, open), {@code OPEN} is [open, close), {@code POST_CLOSE} starts at close.
 */
public enum MarketPhase {
    /** A weekday listed as a holiday (a listed holiday on a Saturday or Sunday reports {@link #CLOSED_WEEKEND}). */
    CLOSED_HOLIDAY,
    /** Saturday or Sunday without a special session. */
    CLOSED_WEEKEND,
    /** A trading day, before the pre-open call auction starts. */
    BEFORE_PRE_OPEN,
    /** The pre-open call auction (order entry, matching and buffer), before the normal market opens. */
    PRE_OPEN,
    /** The normal market. */
    OPEN,
    /** A trading day, at or after the close of the normal market. */
    POST_CLOSE;

    /** True on a trading day (any phase other than the two closed ones). */
    public boolean isTradingDay() {
        return this != CLOSED_HOLIDAY && this != CLOSED_WEEKEND;
    }
}
