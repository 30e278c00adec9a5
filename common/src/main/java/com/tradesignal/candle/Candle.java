package com.tradesignal.candle;

/**
 * A closed OHLCV candle of one instrument.
 *
 * @param token         Kite instrument token
 * @param symbol        Kite tradingsymbol, or null when neither the instruments dump nor the ticks named it
 * @param interval      candle length
 * @param start         start of the candle, epoch millis; candles are anchored at the session open (09:15 IST)
 * @param volume        rise in the cumulative day volume over the candle; never negative
 * @param preOpenPrice  the pre-open auction's price (the session's opening print) on the session's first candle of
 *                      each interval, when the pre-open printed; NaN otherwise
 * @param ticks         number of ticks folded into the candle
 */
public record Candle(long token, String symbol, CandleInterval interval, long start, double open, double high,
                     double low, double close, long volume, double preOpenPrice, int ticks) {

    public long end() {
        return start + interval.millis();
    }

    public boolean hasPreOpenPrice() {
        return !Double.isNaN(preOpenPrice);
    }
}
