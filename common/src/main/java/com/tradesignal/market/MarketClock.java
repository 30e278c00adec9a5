package com.tradesignal.market;

import java.io.Serializable;
import java.time.Instant;

/**
 * The time the market logic runs on: the wall clock in production, a shifted and optionally faster clock for the
 * simulator, the demo and tests.
 *
 * <p>A simulated clock is defined by where it starts ({@code marketStartMillis}), when it started on the wall clock
 * ({@code wallStartMillis}) and how fast it runs ({@code speed}). It is a value: two processes given the same
 * definition agree on the time, which is how the simulator and a job in another process share a simulated session.
 * Backoff delays, watchdogs and other waits always run on the wall clock; only market decisions (is the market open,
 * what minute is this) use this clock.
 */
public final class MarketClock implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final MarketClock SYSTEM = new MarketClock(0, 0, 1.0, true);

    private final long marketStartMillis;
    private final long wallStartMillis;
    private final double speed;
    private final boolean system;

    private MarketClock(long marketStartMillis, long wallStartMillis, double speed, boolean system) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("clock speed must be a positive number, got " + speed);
        }
        this.marketStartMillis = marketStartMillis;
        this.wallStartMillis = wallStartMillis;
        this.speed = speed;
        this.system = system;
    }

    /** The wall clock. */
    public static MarketClock system() {
        return SYSTEM;
    }

    /** A clock that reads {@code marketStart} now and then runs {@code speed} times as fast as the wall clock. */
    public static MarketClock simulated(Instant marketStart, double speed) {
        return new MarketClock(marketStart.toEpochMilli(), System.currentTimeMillis(), speed, false);
    }

    /** A clock that read {@code marketStart} at wall time {@code wallStart}; for sharing one definition. */
    public static MarketClock simulated(Instant marketStart, Instant wallStart, double speed) {
        return new MarketClock(marketStart.toEpochMilli(), wallStart.toEpochMilli(), speed, false);
    }

    /** The market time now, epoch milliseconds. */
    public long now() {
        return marketTimeAt(System.currentTimeMillis());
    }

    /** The market time at a wall-clock instant. */
    public long marketTimeAt(long wallMillis) {
        if (system) {
            return wallMillis;
        }
        return marketStartMillis + Math.round((wallMillis - wallStartMillis) * speed);
    }

    /** How many wall-clock milliseconds pass while this clock advances {@code marketMillis}. */
    public long wallDuration(long marketMillis) {
        return system ? marketMillis : (long) Math.ceil(marketMillis / speed);
    }

    public boolean isSystem() {
        return system;
    }

    public double speed() {
        return system ? 1.0 : speed;
    }

    @Override
    public String toString() {
        return system ? "MarketClock[system]"
                : "MarketClock[simulated from " + MarketTime.isoIst(marketStartMillis) + " at " + speed + "x]";
    }
}
