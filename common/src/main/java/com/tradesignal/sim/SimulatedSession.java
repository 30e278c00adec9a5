package com.tradesignal.sim;

import com.tradesignal.market.SessionHours;
import com.tradesignal.tick.Tick;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One simulated trading session of ticks: the data behind {@code ./tradesignal demo}. Everything it produces is
 * <strong>simulated</strong>, not market data, and anything that shows it must say so.
 *
 * <p>The same settings (date, seed, hours, rate, instruments) always give the same ticks, on any JVM. Each call to
 * {@link #iterator()} generates the day afresh and lazily. Memory is proportional to the number of instruments, and
 * each tick costs one {@link Tick} allocation. A full day of the six default instruments at 2 ticks a second is about
 * 270,000 ticks. Thousands of instruments ({@link SimulatedInstrument#synthetic}) work the same way.
 *
 * <h2>What a day looks like</h2>
 * <ul>
 *   <li><b>Pre-open</b> (from {@link SessionHours#preOpen()}): nothing for the first 8 minutes, then one auction
 *       print per instrument (indices and futures) at the equilibrium price, stamped at a whole second in
 *       [09:08:00, 09:09:00). The price is the previous close moved by an overnight gap (about 0.45% standard
 *       deviation for NIFTY). A future's print carries the auction's volume (futures have had a pre-open auction
 *       since December 2025). With a shorter pre-open the print comes 8/15 of the way through it. With none, there
 *       is no print.</li>
 *   <li><b>Normal market</b> [open, close): every whole second each instrument sends 0 or more ticks, on average
 *       {@link Builder#ticksPerSecond ticksPerSecond}. Exchange timestamps have Kite's one-second resolution. So at
 *       rates above 1 an instrument often sends two or three ticks stamped with the same second, as the live feed
 *       does. An instrument's ticks never go back in time, and they are strictly increasing in time when the rate is
 *       at most 1. Within one second the instruments' ticks are interleaved in random order.</li>
 * </ul>
 *
 * <h2>Price dynamics</h2>
 * A one-second random walk in log price, calibrated on real NIFTY and NIFTY BANK one-minute candles:
 * <ul>
 *   <li>one-minute volatility 0.030% at midday. It is about 2.9 times that in the first minutes and fades over the
 *       first half hour. It rises 30% in the afternoon and a further 20% towards the close: the intraday U. The whole
 *       day's level varies by seed (±20%). Over a day this gives about 0.037% per minute, like the real index;</li>
 *   <li>a slowly mean-reverting drift (Ornstein-Uhlenbeck, 40-minute memory). It gives trends of a few tenths of
 *       a percent that turn a few times a day, so EMAs and SuperTrend flip;</li>
 *   <li>BANKNIFTY 1.45 times as volatile as NIFTY and 0.85 correlated with it; SENSEX (3.3 times NIFTY's level)
 *       0.97 correlated;</li>
 *   <li>futures: the index times the premium of their previous close over the index, less a day's carry (6.5% a
 *       year). They add a slowly mean-reverting basis noise (about 0.012%) and a bid/ask bounce;</li>
 *   <li>every price is rounded to the 0.05 tick.</li>
 * </ul>
 *
 * <h2>Fields</h2>
 * Every tick carries its {@code tradingSymbol} and the day's OHLC. Open is the first price of the day, which is the
 * pre-open print when there is one. High and low run over the day. Close is the previous session's close, as Kite
 * sends it. Index ticks have no quantities, open interest, average price or last trade time (the absent values
 * {@link Tick} documents). Futures ticks carry:
 * <ul>
 *   <li>cumulative day volume from 0, rising by whole lots in a U-shaped intraday profile;</li>
 *   <li>the last trade's quantity and time, and the running VWAP of the simulated trades (to 0.01);</li>
 *   <li>total buy and sell quantity (leaning with the trend);</li>
 *   <li>open interest, updated once a minute by a small random change.</li>
 * </ul>
 * About one futures tick in seven is a quote update without a trade: its volume, last price and last trade stay
 * the same. Thinner contracts (SENSEX futures) have more such ticks. Day volumes are of the real near-month order:
 * about 100,000 lots for NIFTY, 40,000 for BANKNIFTY and 15,000 for SENSEX, varying with the seed and the day's
 * volatility.
 */
public final class SimulatedSession implements Iterable<Tick> {
    /** Kite's typical rate for a liquid instrument: "0 to ~2 ticks/sec per instrument". */
    public static final double DEFAULT_TICKS_PER_SECOND = 2.0;
    public static final double MAX_TICKS_PER_SECOND = 50.0;

    private final LocalDate tradingDate;
    private final long seed;
    private final SessionHours hours;
    private final double ticksPerSecond;
    private final List<SimulatedInstrument> instruments;

    private SimulatedSession(Builder b) {
        this.tradingDate = b.tradingDate;
        this.seed = b.seed == null ? b.tradingDate.toEpochDay() : b.seed;
        this.hours = b.hours;
        this.ticksPerSecond = b.ticksPerSecond;
        this.instruments = b.instruments;
    }

    /** A session on {@code tradingDate}; by default seeded with the date, regular hours, 2 ticks/s, the default set. */
    public static Builder builder(LocalDate tradingDate) {
        return new Builder(tradingDate);
    }

    /** The default six instruments, regular hours and 2 ticks/s, on {@code tradingDate} with {@code seed}. */
    public static SimulatedSession of(LocalDate tradingDate, long seed) {
        return builder(tradingDate).seed(seed).build();
    }

    public LocalDate tradingDate() { return tradingDate; }
    public long seed() { return seed; }
    public SessionHours sessionHours() { return hours; }
    public double ticksPerSecond() { return ticksPerSecond; }
    public List<SimulatedInstrument> instruments() { return instruments; }

    /** Generates the session from its start: ticks in exchange-time order. */
    @Override
    public Iterator<Tick> iterator() {
        return new SessionRun(this);
    }

    /** The ticks as a sequential stream (generated lazily). */
    public Stream<Tick> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /** The expected number of ticks: the pre-open prints plus rate x normal-market seconds per instrument. */
    public long expectedTickCount() {
        long day = tradingDate.toEpochDay();
        long seconds = (hours.closeMillis(day) - hours.openMillis(day)) / 1000L;
        boolean prints = SessionRun.printWindowSeconds(hours, day) > 0;
        return Math.round(instruments.size() * (ticksPerSecond * seconds + (prints ? 1 : 0)));
    }

    @Override
    public String toString() {
        return "SimulatedSession{" + tradingDate + ", seed=" + seed + ", " + hours + ", " + ticksPerSecond
                + " ticks/s, " + instruments.size() + " instruments}";
    }

    public static final class Builder {
        private final LocalDate tradingDate;
        private Long seed;
        private SessionHours hours = SessionHours.REGULAR;
        private double ticksPerSecond = DEFAULT_TICKS_PER_SECOND;
        private List<SimulatedInstrument> instruments = SimulatedInstrument.defaults();

        private Builder(LocalDate tradingDate) {
            this.tradingDate = Objects.requireNonNull(tradingDate, "tradingDate");
        }

        /** The seed; default: the trading date's epoch day, so different days differ. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Session hours; default {@link SessionHours#REGULAR}. Times must be whole seconds. */
        public Builder sessionHours(SessionHours hours) {
            Objects.requireNonNull(hours, "hours");
            for (LocalTime t : new LocalTime[] {hours.preOpen(), hours.open(), hours.close()}) {
                if (t.getNano() != 0) {
                    throw new IllegalArgumentException("session hours must be whole seconds: " + hours);
                }
            }
            this.hours = hours;
            return this;
        }

        /** Average ticks per second per instrument during the normal market, in (0, 50]; default 2. */
        public Builder ticksPerSecond(double ticksPerSecond) {
            if (!(ticksPerSecond > 0 && ticksPerSecond <= MAX_TICKS_PER_SECOND)) {
                throw new IllegalArgumentException("ticksPerSecond must be in (0, " + MAX_TICKS_PER_SECOND + "]: "
                        + ticksPerSecond);
            }
            this.ticksPerSecond = ticksPerSecond;
            return this;
        }

        /** The instruments; default {@link SimulatedInstrument#defaults()}. Tokens must be distinct. */
        public Builder instruments(List<SimulatedInstrument> instruments) {
            List<SimulatedInstrument> copy = List.copyOf(instruments);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("at least one instrument is needed");
            }
            Set<Long> tokens = new HashSet<>();
            for (SimulatedInstrument i : copy) {
                if (!tokens.add(i.token())) {
                    throw new IllegalArgumentException("duplicate token " + i.token() + " (" + i.symbol() + ")");
                }
            }
            this.instruments = copy;
            return this;
        }

        public SimulatedSession build() {
            return new SimulatedSession(this);
        }
    }
}
