package com.tradesignal.bench.day;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.market.MarketTime;

import java.time.LocalTime;
import java.util.SplittableRandom;

/**
 * One simulated instrument during the day: how its price follows its underlying (an index is the underlying, a
 * future adds a cost-of-carry basis, an option is priced by {@link OptionPricer}) and what the feed reports about it
 * (last trade, cumulative volume in whole lots, day VWAP, open interest, pending quantities, day OHLC). Prices are in
 * paise, rounded to the instrument's tick size.
 */
final class SimContract {
    final Instrument instrument;
    final Universe.Kind kind;
    final int underlying;
    final byte[] symbol;
    final double rate;
    private final long tickPaise;
    private final int lot;
    private final long expirySecond;
    private final double basis;
    private final double vol;
    private final boolean option;
    private final boolean put;

    long last = TickLineWriter.ABSENT;
    long lastQuantity;
    long volume;
    double turnoverPaise;
    long lastTradeSecond = Long.MIN_VALUE;
    long openInterest;
    long buyQuantity;
    long sellQuantity;
    long dayOpen = TickLineWriter.ABSENT;
    long dayHigh = TickLineWriter.ABSENT;
    long dayLow = TickLineWriter.ABSENT;
    long previousClose = TickLineWriter.ABSENT;

    SimContract(Universe.Member m, int underlying, double rate, SplittableRandom rnd) {
        this.instrument = m.instrument();
        this.kind = m.kind();
        this.underlying = underlying;
        this.symbol = TickLineWriter.symbolBytes(instrument.tradingSymbol());
        this.rate = rate;
        double tick = instrument.tickSize() > 0 ? instrument.tickSize() : 0.05;
        this.tickPaise = Math.max(1, Math.round(tick * 100));
        this.lot = Math.max(1, instrument.lotSize());
        this.option = kind == Universe.Kind.INDEX_OPTION || kind == Universe.Kind.STOCK_OPTION;
        this.put = option && instrument.type() == com.tradesignal.instrument.InstrumentType.PE;
        this.expirySecond = instrument.expiry() == null ? 0
                : MarketTime.at(instrument.expiry(), LocalTime.of(15, 30)) / 1000;
        // cost of carry to expiry, plus a small premium or discount of its own
        this.basis = 0.00025 * Universe.gaussian(rnd);
        this.vol = kind == Universe.Kind.INDEX_OPTION ? (m.underlying().equals("BANKNIFTY") ? 0.15 : 0.13) : 0.28;
        if (kind != Universe.Kind.INDEX) {
            openInterest = lot * Math.round(200 + 20_000 * m.weight() * (0.5 + rnd.nextDouble()));
            buyQuantity = lot * (50L + rnd.nextInt(500));
            sellQuantity = lot * (50L + rnd.nextInt(500));
        }
    }

    boolean isIndex() {
        return kind == Universe.Kind.INDEX;
    }

    /** The fair price in rupees with the underlying at {@code spot} at {@code epochSecond}. */
    double fair(double spot, long epochSecond) {
        if (kind == Universe.Kind.INDEX) return spot;
        double years = Math.max(600, expirySecond - epochSecond) / OptionPricer.YEAR_SECONDS;
        if (!option) return spot * (1 + OptionPricer.RATE * years + basis);
        return OptionPricer.price(spot, instrument.strike(), years, vol, put);
    }

    /** Rupees to paise on the tick grid, at least one tick (a listed contract never trades at zero). */
    long toTick(double rupees) {
        long t = Math.round(rupees * 100 / tickPaise);
        return Math.max(1, t) * tickPaise;
    }

    /** The previous close (Kite's {@code ohlc.close}): the fair price a day earlier at the underlying's last close. */
    void previousClose(double underlyingClose, long epochSecond) {
        previousClose = toTick(fair(underlyingClose, epochSecond - 86_400));
    }

    /**
     * The day so far when the generated window starts after the open: OHLC from the underlying's session extremes
     * (a put's high is where the underlying was lowest), and the volume the rate would have traded by then.
     */
    void dayBefore(double sessionOpen, double sessionHigh, double sessionLow, long epochSecond, long secondsTraded) {
        long o = toTick(fair(sessionOpen, epochSecond)), a = toTick(fair(sessionHigh, epochSecond)), b = toTick(fair(sessionLow, epochSecond));
        dayOpen = o;
        dayHigh = Math.max(o, Math.max(a, b));
        dayLow = Math.min(o, Math.min(a, b));
        if (!isIndex()) {
            long lots = Math.round(rate * secondsTraded * 0.85 * 2);
            volume = lots * lot;
            turnoverPaise = (double) volume * o;
        }
    }

    /** Updates the state for a tick at {@code epochSecond} with the underlying at {@code spot}. */
    void tick(double spot, long epochSecond, SplittableRandom rnd) {
        long price = toTick(fair(spot, epochSecond));
        if (isIndex()) {
            trade(price, 0, epochSecond);
            return;
        }
        buyQuantity = Math.max(lot, buyQuantity + lot * (rnd.nextInt(21) - 10L));
        sellQuantity = Math.max(lot, sellQuantity + lot * (rnd.nextInt(21) - 10L));
        if (last != TickLineWriter.ABSENT && rnd.nextDouble() >= 0.85) {
            return; // a quote-only tick: depth moved, no trade, so the last trade's price, time and volume stand
        }
        if (option) {
            if (price > 10 * tickPaise) price += tickPaise * (rnd.nextInt(3) - 1);
        } else {
            price += tickPaise * (rnd.nextInt(5) - 2);
        }
        int lots = 1;
        while (lots < 20 && rnd.nextDouble() < 0.5) lots++;
        trade(price, (long) lots * lot, epochSecond);
        if (rnd.nextDouble() < 0.3) {
            openInterest = Math.max(lot, openInterest + (rnd.nextDouble() < 0.55 ? lastQuantity : -lastQuantity));
        }
    }

    private void trade(long price, long quantity, long epochSecond) {
        last = price;
        if (dayOpen == TickLineWriter.ABSENT) dayOpen = dayHigh = dayLow = price;
        if (price > dayHigh) dayHigh = price;
        if (price < dayLow) dayLow = price;
        if (quantity > 0) {
            lastQuantity = quantity;
            volume += quantity;
            turnoverPaise += (double) price * quantity;
            lastTradeSecond = epochSecond;
        }
    }

    /** The day VWAP in paise, or absent before any volume. */
    long averagePrice() {
        return volume == 0 ? TickLineWriter.ABSENT : Math.round(turnoverPaise / volume);
    }

    /** Writes the current state as one tick line. */
    void write(TickLineWriter out, byte[] timestamp, IsoSeconds times) throws java.io.IOException {
        out.begin(instrument.token(), timestamp).price(last).symbol(symbol)
                .quantity(isIndex() ? 0 : lastQuantity).price(averagePrice()).quantity(volume)
                .quantity(buyQuantity).quantity(sellQuantity).quantity(openInterest)
                .price(dayOpen).price(dayHigh).price(dayLow).price(previousClose)
                .end(lastTradeSecond == Long.MIN_VALUE || isIndex() ? null : times.at(lastTradeSecond));
    }
}
