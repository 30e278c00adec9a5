package com.tradesignal.simulator;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.sim.SimulatedInstrument;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the simulator serves on one trading date, as the day's Kite instruments dump would list it: the three
 * indices with their real tokens, a near- and a next-month future of each, and option chains (NIFTY weekly and
 * monthly, BANKNIFTY monthly, SENSEX weekly).
 *
 * <p>Expiries follow the rules in force since 1 September 2025: NSE contracts expire on Tuesdays (monthly: the
 * month's last Tuesday), BSE's on Thursdays, moved to the previous trading day when that is a holiday. Derivative
 * tokens are Kite-shaped ({@code exchange_token << 8 | segment}, NFO = 2, BFO = 5) but their exchange tokens come
 * from a private range (from 8,800,000), far above the real ones, so a simulated contract is never mistaken for a
 * real one. Trading symbols follow Kite's conventions: {@code NIFTY26DECFUT}, {@code NIFTY26DEC25000CE} (monthly),
 * {@code NIFTY26D0125000CE} (weekly: year, month digit or O/N/D, day).
 */
final class ServedInstruments {
    static final double TICK_SIZE = SimulatedInstrument.TICK_SIZE;
    /** Strikes on each side of the at-the-money strike. */
    static final int STRIKES_EACH_SIDE = 20;
    private static final long NFO_SEGMENT = 2;
    private static final long BFO_SEGMENT = 5;
    private static final long NFO_EXCHANGE_TOKEN_BASE = 8_800_000L;
    private static final long BFO_EXCHANGE_TOKEN_BASE = 8_900_000L;

    /** One option contract and the underlying index it is priced from. */
    record OptionContract(Instrument instrument, String underlying, long indexToken, boolean call) {
    }

    private final LocalDate date;
    private final List<SimulatedInstrument> sessionInstruments = new ArrayList<>();
    private final List<OptionContract> options = new ArrayList<>();
    private final Map<Long, Instrument> byToken = new LinkedHashMap<>();

    private ServedInstruments(LocalDate date) {
        this.date = date;
    }

    /**
     * The instruments of {@code date}. Strikes are centred on each index's previous close (the price the simulated
     * day starts from), as a real chain is centred on where the index was when the day's dump was made.
     */
    static ServedInstruments on(LocalDate date, MarketCalendar calendar) {
        return on(date, calendar, Map.of());
    }

    /**
     * As {@link #on(LocalDate, MarketCalendar)}, with some indices' previous close replaced (a replayed recording's),
     * so their futures and strikes sit where that index is.
     */
    static ServedInstruments on(LocalDate date, MarketCalendar calendar, Map<Long, Double> previousCloses) {
        return on(date, calendar, previousCloses, List.of());
    }

    /**
     * As {@link #on(LocalDate, MarketCalendar, Map)}, plus {@code extras} (load-test futures, each its own
     * underlying's near-month contract) listed after the indices' contracts and ticking like them.
     */
    static ServedInstruments on(LocalDate date, MarketCalendar calendar, Map<Long, Double> previousCloses,
                                List<SimulatedInstrument> extras) {
        ServedInstruments s = onlyIndices(date, calendar, previousCloses);
        for (SimulatedInstrument extra : extras) {
            if (s.byToken.containsKey(extra.token())) {
                throw new IllegalArgumentException("extra instrument " + extra.symbol() + " has a served token: " + extra.token());
            }
            s.add(extra, extra.toInstrument(date));
        }
        return s;
    }

    private static ServedInstruments onlyIndices(LocalDate date, MarketCalendar calendar, Map<Long, Double> previousCloses) {
        ServedInstruments s = new ServedInstruments(date);
        long nfo = NFO_EXCHANGE_TOKEN_BASE;
        long bfo = BFO_EXCHANGE_TOKEN_BASE;
        for (SimulatedInstrument index : SimulatedInstrument.defaults()) {
            if (index.isFuture()) {
                continue;
            }
            Double replayed = previousCloses.get(index.token());
            if (replayed != null) {
                index = new SimulatedInstrument(index.token(), index.symbol(), index.underlying(), false, replayed,
                        index.lotSize());
            }
            s.add(index, index.toInstrument(date));
            String name = index.underlying();
            boolean bse = "SENSEX".equals(name);
            DayOfWeek expiryDay = bse ? DayOfWeek.THURSDAY : DayOfWeek.TUESDAY;
            String exchange = bse ? "BFO" : "NFO";
            int lot = switch (name) {
                case "NIFTY" -> 65;
                case "BANKNIFTY" -> 30;
                default -> 20;
            };
            double strikeStep = "NIFTY".equals(name) ? 50 : 100;

            LocalDate nearMonth = monthlyExpiry(date, expiryDay, calendar);
            LocalDate nextMonth = monthlyExpiry(nearMonth.plusDays(1), expiryDay, calendar);
            for (LocalDate expiry : List.of(nearMonth, nextMonth)) {
                long et = bse ? bfo++ : nfo++;
                String symbol = name + monthCode(expiry) + "FUT";
                Instrument fut = new Instrument(et << 8 | (bse ? BFO_SEGMENT : NFO_SEGMENT), et, symbol, name, exchange,
                        exchange + "-FUT", InstrumentType.FUT, expiry, 0.0, TICK_SIZE, lot);
                // The future's previous close: the index plus the carry to expiry (6.5% a year).
                double days = expiry.toEpochDay() - date.toEpochDay() + 1;
                double prevClose = round(index.startPrice() * (1 + 0.065 * days / 365));
                s.add(new SimulatedInstrument(fut.token(), symbol, name, true, prevClose, lot), fut);
            }

            List<LocalDate> optionExpiries = new ArrayList<>();
            switch (name) {
                case "NIFTY" -> {
                    optionExpiries.add(weeklyExpiry(date, expiryDay, calendar));
                    if (!optionExpiries.contains(nearMonth)) {
                        optionExpiries.add(nearMonth);
                    }
                }
                case "BANKNIFTY" -> optionExpiries.add(nearMonth);
                default -> optionExpiries.add(weeklyExpiry(date, expiryDay, calendar));
            }
            double atm = Math.round(index.startPrice() / strikeStep) * strikeStep;
            for (LocalDate expiry : optionExpiries) {
                boolean monthly = expiry.equals(nearMonth);
                for (int k = -STRIKES_EACH_SIDE; k <= STRIKES_EACH_SIDE; k++) {
                    double strike = atm + k * strikeStep;
                    for (boolean call : new boolean[] {true, false}) {
                        long et = bse ? bfo++ : nfo++;
                        String symbol = name + (monthly ? monthCode(expiry) : weekCode(expiry))
                                + strikeText(strike) + (call ? "CE" : "PE");
                        Instrument opt = new Instrument(et << 8 | (bse ? BFO_SEGMENT : NFO_SEGMENT), et, symbol, name,
                                exchange, exchange + "-OPT", call ? InstrumentType.CE : InstrumentType.PE, expiry,
                                strike, TICK_SIZE, lot);
                        s.byToken.put(opt.token(), opt);
                        s.options.add(new OptionContract(opt, name, index.token(), call));
                    }
                }
            }
        }
        return s;
    }

    private void add(SimulatedInstrument sim, Instrument instrument) {
        sessionInstruments.add(sim);
        byToken.put(instrument.token(), instrument);
    }

    LocalDate date() {
        return date;
    }

    /** The indices and futures, whose prices come from the calibrated {@link com.tradesignal.sim.SimulatedSession}. */
    List<SimulatedInstrument> sessionInstruments() {
        return Collections.unmodifiableList(sessionInstruments);
    }

    List<OptionContract> options() {
        return Collections.unmodifiableList(options);
    }

    /** All of them, indices first, in dump order. */
    List<Instrument> all() {
        return List.copyOf(byToken.values());
    }

    Instrument byToken(long token) {
        return byToken.get(token);
    }

    /** The month's last {@code day} on or after {@code from} (else the next month's), moved back over holidays. */
    static LocalDate monthlyExpiry(LocalDate from, DayOfWeek day, MarketCalendar calendar) {
        LocalDate e = tradingDayOnOrBefore(from.with(TemporalAdjusters.lastInMonth(day)), calendar);
        if (e.isBefore(from)) {
            e = tradingDayOnOrBefore(from.plusMonths(1).with(TemporalAdjusters.lastInMonth(day)), calendar);
        }
        return e;
    }

    /** The first {@code day} on or after {@code from}, moved back over holidays (never before {@code from}). */
    static LocalDate weeklyExpiry(LocalDate from, DayOfWeek day, MarketCalendar calendar) {
        LocalDate e = tradingDayOnOrBefore(from.with(TemporalAdjusters.nextOrSame(day)), calendar);
        if (e.isBefore(from)) {
            e = tradingDayOnOrBefore(from.plusDays(1).with(TemporalAdjusters.next(day)), calendar);
        }
        return e;
    }

    private static LocalDate tradingDayOnOrBefore(LocalDate d, MarketCalendar calendar) {
        LocalDate e = d;
        for (int i = 0; i < 10 && calendar.sessionOn(e).isEmpty(); i++) {
            e = e.minusDays(1);
        }
        return e;
    }

    /** {@code 26DEC}: Kite's monthly contract code. */
    static String monthCode(LocalDate expiry) {
        return String.format(Locale.ROOT, "%02d", expiry.getYear() % 100)
                + expiry.getMonth().name().substring(0, 3);
    }

    /** {@code 26D01}: Kite's weekly contract code (month as 1-9, O, N, D). */
    static String weekCode(LocalDate expiry) {
        int m = expiry.getMonthValue();
        String month = m <= 9 ? Integer.toString(m) : m == 10 ? "O" : m == 11 ? "N" : "D";
        return String.format(Locale.ROOT, "%02d%s%02d", expiry.getYear() % 100, month, expiry.getDayOfMonth());
    }

    private static String strikeText(double strike) {
        return strike == Math.rint(strike) ? Long.toString((long) strike) : Double.toString(strike);
    }

    private static double round(double price) {
        return Math.round(price * 20) / 20.0;
    }
}
