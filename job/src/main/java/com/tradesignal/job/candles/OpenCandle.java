package com.tradesignal.job.candles;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;

/** A multi-minute candle still taking one-minute candles. */
final class OpenCandle {
    long start;
    double open;
    double high;
    double low;
    double close;
    long volume;
    int ticks;
    long openInterest;
    double averagePrice;
    long buyQuantity;
    long sellQuantity;

    static OpenCandle of(long start, Candle minute) {
        OpenCandle c = new OpenCandle();
        c.start = start;
        c.open = minute.open();
        c.high = minute.high();
        c.low = minute.low();
        c.close = minute.close();
        c.volume = minute.volume();
        c.ticks = minute.ticks();
        c.takeLast(minute);
        return c;
    }

    private void takeLast(Candle minute) {
        openInterest = minute.openInterest();
        averagePrice = minute.averagePrice();
        buyQuantity = minute.buyQuantity();
        sellQuantity = minute.sellQuantity();
    }

    void add(Candle minute) {
        high = Math.max(high, minute.high());
        low = Math.min(low, minute.low());
        close = minute.close();
        volume += minute.volume();
        ticks += minute.ticks();
        takeLast(minute);
    }

    Candle close(long token, String symbol, CandleInterval interval, double preOpenPrice) {
        return new Candle(token, symbol, interval, start, open, high, low, close, volume, preOpenPrice, ticks,
                openInterest, averagePrice, buyQuantity, sellQuantity);
    }

    OpenCandle copy() {
        OpenCandle c = new OpenCandle();
        c.start = start;
        c.open = open;
        c.high = high;
        c.low = low;
        c.close = close;
        c.volume = volume;
        c.ticks = ticks;
        c.openInterest = openInterest;
        c.averagePrice = averagePrice;
        c.buyQuantity = buyQuantity;
        c.sellQuantity = sellQuantity;
        return c;
    }
}
