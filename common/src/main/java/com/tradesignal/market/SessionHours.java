package com.tradesignal.market;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The phases of one trading day in IST: the pre-open call auction from {@code preOpen} to {@code open}, and the
 * normal market from {@code open} (inclusive) to {@code close} (exclusive). Candles cover the normal market only.
 */
public final class SessionHours implements Serializable {
    private static final long serialVersionUID = 1L;

    /** NSE and BSE equity and F&O: pre-open 09:00-09:15, normal market 09:15-15:30. */
    public static final SessionHours REGULAR =
            new SessionHours(LocalTime.of(9, 0), LocalTime.of(9, 15), LocalTime.of(15, 30));

    private final LocalTime preOpen;
    private final LocalTime open;
    private final LocalTime close;

    public SessionHours(LocalTime preOpen, LocalTime open, LocalTime close) {
        this.preOpen = Objects.requireNonNull(preOpen, "preOpen");
        this.open = Objects.requireNonNull(open, "open");
        this.close = Objects.requireNonNull(close, "close");
        if (preOpen.isAfter(open) || !open.isBefore(close)) {
            throw new IllegalArgumentException("session hours must satisfy preOpen <= open < close: " + this);
        }
    }

    public LocalTime preOpen() { return preOpen; }
    public LocalTime open() { return open; }
    public LocalTime close() { return close; }

    public long preOpenMillis(long istEpochDay) { return MarketTime.at(istEpochDay, preOpen); }
    public long openMillis(long istEpochDay) { return MarketTime.at(istEpochDay, open); }
    public long closeMillis(long istEpochDay) { return MarketTime.at(istEpochDay, close); }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionHours s && preOpen.equals(s.preOpen) && open.equals(s.open) && close.equals(s.close);
    }

    @Override
    public int hashCode() { return Objects.hash(preOpen, open, close); }

    @Override
    public String toString() { return "pre-open " + preOpen + ", session " + open + "-" + close + " IST"; }
}
