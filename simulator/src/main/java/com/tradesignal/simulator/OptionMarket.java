package com.tradesignal.simulator;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import com.tradesignal.tick.Tick;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The option chains' side of the simulated market. Option prices follow the simulated index through
 * {@link OptionPricing}; volume and open interest are generated so that they behave the way the signals read them:
 * open interest is largest near the money, calls carry more of it above the index and puts below (the put-call ratio
 * starts near 1 and drifts with the market: as the index rises put writers add positions, as it falls call writers
 * do), weeklies trade several times their open interest in a day, monthlies less.
 *
 * <p>Cheap by design: it is called once per market step (not once per market second), emits at most one tick per
 * option per step and at most one per market second, so its cost follows wall time, whatever the clock's speed. Not
 * thread-safe: the market thread owns it.
 */
final class OptionMarket {
    private static final double SESSION_SECONDS = 22_500;
    /** Probability that an option prints in a given step (when a market second has passed since its last print). */
    private static final double PRINT_PROBABILITY = 0.6;

    private static final class State {
        final ServedInstruments.OptionContract contract;
        final double prevClose;
        double open = Double.NaN;
        double high;
        double low;
        double last;
        long volume;
        double turnover;
        long oi;
        long lastTick = Long.MIN_VALUE;
        long lastTradeTime = Tick.ABSENT_TIME;
        long lastQuantity;

        State(ServedInstruments.OptionContract contract, double prevClose, long oi) {
            this.contract = contract;
            this.prevClose = prevClose;
            this.oi = oi;
        }
    }

    private final List<State> states = new ArrayList<>();
    private final SessionHours hours;
    private final long day;
    private final SplittableRandom random;
    private final Map<Long, Double> indexPreviousClose;
    private long lastStep = Long.MIN_VALUE;
    private long lastOpenInterestMinute = Long.MIN_VALUE;

    /**
     * @param indexPreviousClose each index token's previous close, the chain's starting point
     */
    OptionMarket(ServedInstruments served, Map<Long, Double> indexPreviousClose, SessionHours hours, long seed) {
        this.hours = hours;
        this.day = served.date().toEpochDay();
        this.random = new SplittableRandom(seed * 31 + day);
        this.indexPreviousClose = Map.copyOf(indexPreviousClose);
        long previousClose = MarketTime.at(served.date().minusDays(1), hours.close());
        for (ServedInstruments.OptionContract c : served.options()) {
            double spot = indexPreviousClose.get(c.indexToken());
            double prev = premium(c, spot, previousClose);
            states.add(new State(c, prev, initialOpenInterest(c, spot)));
        }
    }

    /** Open interest at the start of the day, in units (whole lots). */
    private long initialOpenInterest(ServedInstruments.OptionContract c, double spot) {
        Instrument i = c.instrument();
        double step = "NIFTY".equals(c.underlying()) ? 50 : 100;
        double strikesAway = (i.strike() - spot) / step;
        boolean outOfTheMoney = c.call() ? strikesAway > 0 : strikesAway < 0;
        double width = outOfTheMoney ? 9 : 4;
        double weight = Math.exp(-strikesAway * strikesAway / (2 * width * width));
        double atmLots = switch (c.underlying()) {
            case "NIFTY" -> 60_000;
            case "BANKNIFTY" -> 15_000;
            default -> 20_000;
        };
        if ("NIFTY".equals(c.underlying()) && !isWeekly(i)) {
            atmLots /= 3;
        }
        long lots = Math.max(1, Math.round(atmLots * weight * (0.8 + 0.4 * random.nextDouble())));
        return lots * i.lotSize();
    }

    private static boolean isWeekly(Instrument i) {
        return !i.tradingSymbol().contains(i.expiry().getMonth().name().substring(0, 3));
    }

    private static double premium(ServedInstruments.OptionContract c, double spot, long atMillis) {
        Instrument i = c.instrument();
        long expiryMillis = MarketTime.at(i.expiry(), LocalTime.of(15, 30));
        double years = (expiryMillis - atMillis) / (365.0 * MarketTime.DAY_MS);
        return OptionPricing.price(c.call(), spot, i.strike(), years,
                OptionPricing.volatility(c.underlying(), spot, i.strike()));
    }

    /**
     * The option ticks of a step at market time {@code now}, priced from {@code indexLast} (each index token's latest
     * value). Nothing outside the normal market.
     */
    List<Tick> step(long now, Map<Long, Double> indexLast) {
        long open = hours.openMillis(day);
        long close = hours.closeMillis(day);
        if (now < open || now >= close) {
            return List.of();
        }
        long second = now - Math.floorMod(now, 1000);
        double elapsed = lastStep == Long.MIN_VALUE ? 1 : Math.max(0, (now - Math.max(lastStep, open)) / 1000.0);
        lastStep = now;
        long minute = MarketTime.minuteStart(now);
        double oiMinutes = lastOpenInterestMinute == Long.MIN_VALUE ? 0 : (minute - lastOpenInterestMinute) / 60_000.0;
        lastOpenInterestMinute = minute;
        List<Tick> out = new ArrayList<>();
        for (State s : states) {
            ServedInstruments.OptionContract c = s.contract;
            Double spot = indexLast.get(c.indexToken());
            if (spot == null) {
                continue;
            }
            if (oiMinutes > 0) {
                evolveOpenInterest(s, spot, oiMinutes);
            }
            if (second <= s.lastTick || random.nextDouble() >= PRINT_PROBABILITY) {
                continue;
            }
            s.lastTick = second;
            double price = premium(c, spot, now);
            int lot = c.instrument().lotSize();
            // Turnover: weeklies trade ~4x their open interest a day, monthlies ~1x; at least one lot when printing.
            double turnover = isWeekly(c.instrument()) ? 4 : 1;
            double expectedLots = s.oi / (double) lot * turnover * Math.max(elapsed, 1) / SESSION_SECONDS;
            long lots = Math.max(1, Math.round(expectedLots * (0.5 + random.nextDouble())));
            long quantity = lots * lot;
            s.volume += quantity;
            s.turnover += quantity * price;
            s.last = price;
            s.lastQuantity = quantity;
            s.lastTradeTime = second;
            if (Double.isNaN(s.open)) {
                s.open = s.high = s.low = price;
            }
            s.high = Math.max(s.high, price);
            s.low = Math.min(s.low, price);
            double vwap = Math.round(s.turnover / s.volume * 100) / 100.0;
            long pending = Math.max(lot, s.oi / 20);
            out.add(Tick.builder(c.instrument().token(), second, price)
                    .lastQuantity(quantity).averagePrice(vwap).volume(s.volume)
                    .buyQuantity(pending + lot * (long) (random.nextDouble() * 50))
                    .sellQuantity(pending + lot * (long) (random.nextDouble() * 50))
                    .openInterest(s.oi).dayOhlc(s.open, s.high, s.low, s.prevClose)
                    .lastTradeTime(s.lastTradeTime).tradingSymbol(c.instrument().tradingSymbol()).build());
        }
        return out;
    }

    /**
     * Open interest drifts by a small random amount each minute and, as writers sell out-of-the-money strikes, grows
     * on the side the market moved away from: puts below a risen index, calls above a fallen one.
     */
    private void evolveOpenInterest(State s, double spot, double minutes) {
        ServedInstruments.OptionContract c = s.contract;
        int lot = c.instrument().lotSize();
        double reference = indexPreviousClose.get(c.indexToken());
        double dayMove = (spot - reference) / reference;
        double writerBias = c.call() ? -dayMove : dayMove;
        boolean otm = c.call() ? c.instrument().strike() > spot : c.instrument().strike() < spot;
        double ratePerMinute = 0.002 * random.nextGaussian() + (otm ? 0.0005 + 0.1 * writerBias : -0.0003);
        long change = Math.round(s.oi * ratePerMinute * Math.min(minutes, 30) / lot) * lot;
        s.oi = Math.max(lot, s.oi + change);
    }

    LocalDate date() {
        return LocalDate.ofEpochDay(day);
    }
}
