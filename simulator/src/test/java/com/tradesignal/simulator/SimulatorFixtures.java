package com.tradesignal.simulator;

import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;

import java.time.LocalDate;
import java.time.LocalTime;

/** A simulator on a fast clock inside a real session, so tests see minutes pass in seconds. */
final class SimulatorFixtures {
    /** Friday 2026-11-27, a regular NSE session. */
    static final LocalDate TRADING_DAY = LocalDate.of(2026, 11, 27);

    private SimulatorFixtures() {
    }

    static MarketClock clockAt(LocalTime time, double speed) {
        return MarketClock.simulated(TRADING_DAY.atTime(time).toInstant(MarketTime.IST), speed);
    }

    static KiteSimulator started(LocalTime time, double speed) {
        return KiteSimulator.builder().clock(clockAt(time, speed)).build().start();
    }
}
