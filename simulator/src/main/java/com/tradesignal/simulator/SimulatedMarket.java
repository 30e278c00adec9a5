package com.tradesignal.simulator;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import com.tradesignal.sim.SimulatedInstrument;
import com.tradesignal.sim.SimulatedSession;
import com.tradesignal.tick.Tick;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's market: the day's {@link SimulatedSession} (the calibrated random walk of the three indices and a
 * near-month future of each), released tick by tick as the market clock passes their exchange time.
 *
 * <p>Everything it makes is SIMULATED. Every released tick also goes into {@link MinuteHistory}, so the historical
 * endpoint serves exactly the minutes that were streamed, which is what a client backfilling a gap needs. On a day
 * the calendar says is closed there are no ticks. Not thread-safe: the simulator's market thread owns it.
 */
final class SimulatedMarket {
    private final MarketClock clock;
    private final MarketCalendar calendar;
    private final double ticksPerSecond;
    private final long seed;
    private final List<SimulatedInstrument> instruments = SimulatedInstrument.defaults();
    private final MinuteHistory history = new MinuteHistory();

    private long day = Long.MIN_VALUE;
    private Iterator<Tick> ticks;
    private Tick pending;

    SimulatedMarket(MarketClock clock, MarketCalendar calendar, double ticksPerSecond, long seed) {
        this.clock = clock;
        this.calendar = calendar;
        this.ticksPerSecond = ticksPerSecond;
        this.seed = seed;
    }

    /** The ticks whose exchange time is now past, in time order. */
    List<Tick> advance() {
        long now = clock.now();
        long today = MarketTime.istEpochDay(now);
        if (today != day) {
            startDay(today);
        }
        List<Tick> out = new ArrayList<>();
        while (true) {
            if (pending == null) {
                if (ticks == null || !ticks.hasNext()) {
                    break;
                }
                pending = ticks.next();
            }
            if (pending.exchangeTime > now) {
                break;
            }
            history.record(pending);
            out.add(pending);
            pending = null;
        }
        return out;
    }

    private void startDay(long epochDay) {
        day = epochDay;
        pending = null;
        history.clear();
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        Optional<SessionHours> hours = calendar.sessionOn(date);
        if (hours.isEmpty()) {
            ticks = null;
            return;
        }
        ticks = SimulatedSession.builder(date).sessionHours(hours.get()).ticksPerSecond(ticksPerSecond)
                .seed(seed ^ epochDay).instruments(instruments).build().iterator();
    }

    /** The instruments as the day's Kite instruments dump lists them. */
    List<Instrument> instruments() {
        LocalDate date = MarketTime.istDate(clock.now());
        return instruments.stream().map(i -> i.toInstrument(date)).toList();
    }

    boolean isIndex(long token) {
        return (token & 0xFF) == 9;
    }

    MinuteHistory history() {
        return history;
    }
}
