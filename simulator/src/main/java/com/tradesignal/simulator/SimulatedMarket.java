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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's market for the market clock's date: the indices and their futures from the day's
 * {@link SimulatedSession} (the project's calibrated price dynamics, released tick by tick as the clock passes their
 * exchange time) and the option chains from {@link OptionMarket}, priced off the simulated indices.
 *
 * <p>Kite's ticks are event-driven: a packet goes out when a field changes, so a market second's ticks reach the
 * client spread over that second, not together at its start (exchange timestamps only have one-second resolution).
 * The simulator paces them the same way: the {@code n} ticks stamped with second {@code S} are released in their
 * generated order, tick {@code k} once {@code k/n} of the second has passed on the market clock, so each market step
 * sends its share instead of one burst per second. A second wholly in the past (a clock started late, or a fast one)
 * is released at once.
 *
 * <p>Everything it makes is SIMULATED. Every released tick also goes into {@link MinuteHistory}, so the historical
 * endpoint serves exactly the minutes that were streamed, which is what a client backfilling a gap needs. On a day
 * the calendar says is closed there are no ticks. {@link #advance} is not thread-safe (the simulator's market thread
 * owns it); {@link #instruments} and {@link #history} may be read from any thread.
 */
final class SimulatedMarket {
    private final MarketClock clock;
    private final MarketCalendar calendar;
    private final double ticksPerSecond;
    private final long seed;
    private final ReplayedCandles replay;
    private final List<SimulatedInstrument> extraInstruments;
    private final MinuteHistory history = new MinuteHistory();
    private final Map<Long, Double> indexLast = new HashMap<>();

    private long day = Long.MIN_VALUE;
    private volatile ServedInstruments served;
    private Iterator<Tick> ticks;
    private OptionMarket options;
    private Tick pending;
    /** The ticks of the market second being released ({@link #secondStart}), in generated order, not yet released. */
    private final ArrayDeque<Tick> second = new ArrayDeque<>();
    private long secondStart;
    private int secondSize;
    /** Market time of the option chains' last step, so a long jump (a clock started mid-day) is caught up minute by minute. */
    private long optionsSteppedTo = Long.MIN_VALUE;

    SimulatedMarket(MarketClock clock, MarketCalendar calendar, double ticksPerSecond, long seed,
                    ReplayedCandles replay) {
        this(clock, calendar, ticksPerSecond, seed, replay, List.of());
    }

    SimulatedMarket(MarketClock clock, MarketCalendar calendar, double ticksPerSecond, long seed,
                    ReplayedCandles replay, List<SimulatedInstrument> extraInstruments) {
        this.extraInstruments = List.copyOf(extraInstruments);
        this.clock = clock;
        this.replay = replay;
        this.calendar = calendar;
        this.ticksPerSecond = ticksPerSecond;
        this.seed = seed;
    }

    /**
     * The ticks now due, in time order (options last, stamped with the current second): every tick of the seconds
     * already over, and of the current second the share of its ticks that the part of it gone by calls for.
     */
    List<Tick> advance() {
        return advance(clock.now());
    }

    /** {@link #advance()} at market time {@code now}, which must not go back. */
    List<Tick> advance(long now) {
        long today = MarketTime.istEpochDay(now);
        if (today != day) {
            startDay(today);
        }
        List<Tick> out = new ArrayList<>();
        while (true) {
            if (second.isEmpty() && !loadNextSecond(now)) {
                break;
            }
            long elapsed = now - secondStart;
            // tick k of n is due k/n of the way through its second
            int due = elapsed >= 1000 ? secondSize : (int) Math.min(secondSize, elapsed * secondSize / 1000 + 1);
            int released = secondSize - second.size();
            while (released < due && second.peekFirst().exchangeTime <= now) {
                release(second.pollFirst(), out);
                released++;
            }
            if (!second.isEmpty()) {
                break;
            }
        }
        if (options != null) {
            stepOptions(now, out);
        }
        return out;
    }

    /** Takes every tick of the next market second off the generator, if that second has begun. */
    private boolean loadNextSecond(long now) {
        if (pending == null) {
            if (ticks == null || !ticks.hasNext()) {
                return false;
            }
            pending = ticks.next();
        }
        if (pending.exchangeTime > now) {
            return false;
        }
        secondStart = pending.exchangeTime - Math.floorMod(pending.exchangeTime, 1000L);
        long secondEnd = secondStart + 1000;
        while (pending != null && pending.exchangeTime < secondEnd) {
            second.addLast(pending);
            pending = ticks.hasNext() ? ticks.next() : null;
        }
        secondSize = second.size();
        return true;
    }

    private void release(Tick tick, List<Tick> out) {
        if (options != null && (optionsSteppedTo == Long.MIN_VALUE
                || tick.exchangeTime - optionsSteppedTo >= MarketTime.MINUTE_MS)) {
            stepOptions(tick.exchangeTime, out);
        }
        if (isIndex(tick.token)) {
            indexLast.put(tick.token, tick.lastPrice);
        }
        history.record(tick);
        out.add(tick);
    }

    private void stepOptions(long at, List<Tick> out) {
        optionsSteppedTo = at;
        for (Tick t : options.step(at, indexLast)) {
            history.record(t);
            out.add(t);
        }
    }

    private void startDay(long epochDay) {
        day = epochDay;
        pending = null;
        second.clear();
        secondSize = 0;
        ticks = null;
        options = null;
        optionsSteppedTo = Long.MIN_VALUE;
        indexLast.clear();
        history.clear();
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        served = ServedInstruments.on(date, calendar, replay.previousCloses(), extraInstruments);
        Optional<SessionHours> hours = calendar.sessionOn(date);
        if (hours.isEmpty()) {
            return;
        }
        List<SimulatedInstrument> session = served.sessionInstruments();
        ticks = SimulatedSession.builder(date).sessionHours(hours.get()).ticksPerSecond(ticksPerSecond)
                .seed(seed ^ epochDay).instruments(session).build().iterator();
        Map<Long, Double> previousClose = new HashMap<>();
        session.stream().filter(i -> !i.isFuture()).forEach(i -> previousClose.put(i.token(), i.startPrice()));
        if (!replay.isEmpty()) {
            ticks = replay.mergeInto(ticks, replay.ticksOn(date, hours.get()));
        }
        options = new OptionMarket(served, previousClose, hours.get(), seed);
    }

    /** The instruments as the market clock's day's Kite instruments dump lists them. */
    List<Instrument> instruments() {
        LocalDate date = MarketTime.istDate(clock.now());
        ServedInstruments s = served;
        if (s == null || !s.date().equals(date)) {
            s = ServedInstruments.on(date, calendar, replay.previousCloses(), extraInstruments);
        }
        return s.all();
    }

    static boolean isIndex(long token) {
        return (token & 0xFF) == 9;
    }

    MinuteHistory history() {
        return history;
    }
}
