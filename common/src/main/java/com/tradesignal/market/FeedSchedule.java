package com.tradesignal.market;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When the market-data feed should be connected. On a trading day with {@link SessionHours#REGULAR} hours the window
 * is [{@code connectAt}, {@code disconnectAt}) IST (default 08:55-15:35); on a day with other hours (a special
 * session) it is [pre-open - {@code leadBeforePreOpen}, close + {@code lagAfterClose}) (default 20 and 5 minutes).
 * Outside the windows, and on closed days, no connection attempts. An operator {@link Override} forces it on or off.
 * Immutable and serializable; the {@code with...} methods return copies.
 */
public final class FeedSchedule implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final LocalTime DEFAULT_CONNECT = LocalTime.of(8, 55);
    public static final LocalTime DEFAULT_DISCONNECT = LocalTime.of(15, 35);
    public static final Duration DEFAULT_LEAD_BEFORE_PRE_OPEN = Duration.ofMinutes(20);
    public static final Duration DEFAULT_LAG_AFTER_CLOSE = Duration.ofMinutes(5);

    /** Operator override of the calendar-driven schedule. */
    public enum Override { NONE, FORCE_ON, FORCE_OFF }

    private final MarketCalendar calendar;
    private final LocalTime connectAt;
    private final LocalTime disconnectAt;
    private final long leadMs;
    private final long lagMs;
    private final Override override;

    private FeedSchedule(MarketCalendar calendar, LocalTime connectAt, LocalTime disconnectAt,
                         long leadMs, long lagMs, Override override) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.connectAt = Objects.requireNonNull(connectAt, "connectAt");
        this.disconnectAt = Objects.requireNonNull(disconnectAt, "disconnectAt");
        if (!connectAt.isBefore(disconnectAt)) {
            throw new IllegalArgumentException("connect time " + connectAt + " must be before disconnect time " + disconnectAt);
        }
        if (leadMs < 0 || lagMs < 0) {
            throw new IllegalArgumentException("margins must not be negative");
        }
        this.leadMs = leadMs;
        this.lagMs = lagMs;
        this.override = Objects.requireNonNull(override, "override");
    }

    /** Default times (08:55/15:35; special sessions 20 min before pre-open, 5 min after close), no override. */
    public static FeedSchedule of(MarketCalendar calendar) {
        return new FeedSchedule(calendar, DEFAULT_CONNECT, DEFAULT_DISCONNECT,
                DEFAULT_LEAD_BEFORE_PRE_OPEN.toMillis(), DEFAULT_LAG_AFTER_CLOSE.toMillis(), Override.NONE);
    }

    public FeedSchedule withConnectTimes(LocalTime connect, LocalTime disconnect) {
        return new FeedSchedule(calendar, connect, disconnect, leadMs, lagMs, override);
    }

    public FeedSchedule withSpecialSessionMargins(Duration beforePreOpen, Duration afterClose) {
        return new FeedSchedule(calendar, connectAt, disconnectAt, beforePreOpen.toMillis(), afterClose.toMillis(), override);
    }

    public FeedSchedule withCalendar(MarketCalendar newCalendar) {
        return new FeedSchedule(newCalendar, connectAt, disconnectAt, leadMs, lagMs, override);
    }

    public FeedSchedule withOverride(Override newOverride) {
        return new FeedSchedule(calendar, connectAt, disconnectAt, leadMs, lagMs, newOverride);
    }

    public MarketCalendar calendar() { return calendar; }
    public Override override() { return override; }
    public LocalTime connectAt() { return connectAt; }
    public LocalTime disconnectAt() { return disconnectAt; }

    /** The connection window [start, end) in epoch millis for an IST day, or null if the exchange is closed. */
    private long[] window(long istEpochDay) {
        Optional<SessionHours> s = calendar.sessionOn(LocalDate.ofEpochDay(istEpochDay));
        if (s.isEmpty()) {
            return null;
        }
        SessionHours h = s.get();
        if (h.equals(SessionHours.REGULAR)) {
            return new long[] {MarketTime.at(istEpochDay, connectAt), MarketTime.at(istEpochDay, disconnectAt)};
        }
        return new long[] {h.preOpenMillis(istEpochDay) - leadMs, h.closeMillis(istEpochDay) + lagMs};
    }

    public boolean shouldBeConnected(long epochMillis) {
        if (override != Override.NONE) {
            return override == Override.FORCE_ON;
        }
        long day = MarketTime.istEpochDay(epochMillis);
        for (long d = day - 1; d <= day + 1; d++) {   // margins may cross midnight
            long[] w = window(d);
            if (w != null && epochMillis >= w[0] && epochMillis < w[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next window start strictly after the instant. FORCE_ON: the instant itself (connect now);
     * FORCE_OFF: {@link Long#MAX_VALUE} (never).
     */
    public long nextConnectAt(long epochMillis) {
        if (override == Override.FORCE_ON) {
            return epochMillis;
        }
        if (override == Override.FORCE_OFF) {
            return Long.MAX_VALUE;
        }
        return next(epochMillis, 0);
    }

    /**
     * The end of the window containing the instant, or of the next window. FORCE_ON: {@link Long#MAX_VALUE};
     * FORCE_OFF: the instant itself (disconnect now).
     */
    public long nextDisconnectAt(long epochMillis) {
        if (override == Override.FORCE_ON) {
            return Long.MAX_VALUE;
        }
        if (override == Override.FORCE_OFF) {
            return epochMillis;
        }
        return next(epochMillis, 1);
    }

    private long next(long epochMillis, int edge) {
        long day = MarketTime.istEpochDay(epochMillis);
        for (long d = day - 1; d < day + 3660; d++) {
            long[] w = window(d);
            if (w != null && w[edge] > epochMillis) {
                return w[edge];
            }
        }
        throw new IllegalStateException("no feed window within ten years after " + MarketTime.isoIst(epochMillis));
    }

    @java.lang.Override
    public String toString() {
        return "FeedSchedule[" + connectAt + "-" + disconnectAt + " IST, special sessions -" + leadMs / 60_000
                + "/+" + lagMs / 60_000 + " min, override " + override + ", " + calendar + "]";
    }
}
