package com.tradesignal.job.bars;

import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;

/**
 * The ticks of one instrument within one clock minute, folded. Keyed state sees these bars, never single ticks.
 *
 * <p>Open is the price of the earliest tick by exchange time (ties: the first to arrive), close the price of the
 * latest (ties: the last to arrive), so ticks that arrive out of order within the watermark bound still give the
 * right candle. Two partial bars of the same instrument and minute (which a rescaled restore can produce) merge
 * into the bar of all their ticks.
 *
 * <p>Volume is kept as the lowest and highest cumulative day volume seen in the minute; candle volume is derived
 * downstream from the rise of the cumulative volume, so duplicated or dropped ticks cannot inflate it.
 */
public final class MinuteBar {
    public long token;
    public String symbol;
    public long minuteStart;
    public long firstTime;
    public double open;
    public long lastTime;
    public double close;
    public double high;
    public double low;
    public long minVolume;
    public long maxVolume;
    /** Values of the latest tick: open interest, the exchange's day VWAP, total buy and sell quantity. */
    public long openInterest;
    public double averagePrice;
    public long buyQuantity;
    public long sellQuantity;
    public int ticks;

    public MinuteBar() {}

    public static MinuteBar of(Tick t) {
        MinuteBar b = new MinuteBar();
        b.token = t.token;
        b.symbol = t.tradingSymbol;
        b.minuteStart = MarketTime.minuteStart(t.exchangeTime);
        b.firstTime = t.exchangeTime;
        b.open = t.lastPrice;
        b.lastTime = t.exchangeTime;
        b.close = t.lastPrice;
        b.high = t.lastPrice;
        b.low = t.lastPrice;
        b.minVolume = t.volume;
        b.maxVolume = t.volume;
        b.openInterest = t.openInterest;
        b.averagePrice = t.averagePrice;
        b.buyQuantity = t.buyQuantity;
        b.sellQuantity = t.sellQuantity;
        b.ticks = 1;
        return b;
    }

    public long end() {
        return minuteStart + MarketTime.MINUTE_MS;
    }

    /** Folds a tick of the same instrument and minute into this bar. */
    public void fold(Tick t) {
        double p = t.lastPrice;
        if (t.exchangeTime < firstTime) {
            firstTime = t.exchangeTime;
            open = p;
        }
        if (t.exchangeTime >= lastTime) {
            lastTime = t.exchangeTime;
            close = p;
            openInterest = t.openInterest;
            averagePrice = t.averagePrice;
            buyQuantity = t.buyQuantity;
            sellQuantity = t.sellQuantity;
        }
        if (p > high) high = p;
        if (p < low) low = p;
        if (t.volume < minVolume) minVolume = t.volume;
        if (t.volume > maxVolume) maxVolume = t.volume;
        if (symbol == null) symbol = t.tradingSymbol;
        ticks++;
    }

    /** Merges another partial bar of the same instrument and minute; {@code later} arrived after this one. */
    public void merge(MinuteBar later) {
        if (later.firstTime < firstTime) {
            firstTime = later.firstTime;
            open = later.open;
        }
        if (later.lastTime >= lastTime) {
            lastTime = later.lastTime;
            close = later.close;
            openInterest = later.openInterest;
            averagePrice = later.averagePrice;
            buyQuantity = later.buyQuantity;
            sellQuantity = later.sellQuantity;
        }
        high = Math.max(high, later.high);
        low = Math.min(low, later.low);
        minVolume = Math.min(minVolume, later.minVolume);
        maxVolume = Math.max(maxVolume, later.maxVolume);
        if (symbol == null) symbol = later.symbol;
        ticks += later.ticks;
    }

    public MinuteBar copy() {
        MinuteBar b = new MinuteBar();
        b.token = token;
        b.symbol = symbol;
        b.minuteStart = minuteStart;
        b.firstTime = firstTime;
        b.open = open;
        b.lastTime = lastTime;
        b.close = close;
        b.high = high;
        b.low = low;
        b.minVolume = minVolume;
        b.maxVolume = maxVolume;
        b.openInterest = openInterest;
        b.averagePrice = averagePrice;
        b.buyQuantity = buyQuantity;
        b.sellQuantity = sellQuantity;
        b.ticks = ticks;
        return b;
    }

    @Override
    public String toString() {
        return "MinuteBar{" + token + " " + MarketTime.isoIst(minuteStart) + " o=" + open + " h=" + high + " l=" + low
                + " c=" + close + " vol=" + minVolume + ".." + maxVolume + " ticks=" + ticks + '}';
    }
}
