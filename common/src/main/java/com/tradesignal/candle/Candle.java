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
 * @param openInterest  open interest at the candle's last tick (0 when the instrument has none)
 * @param averagePrice  the exchange's day VWAP ({@code average_price}) at the last tick, NaN when absent
 * @param buyQuantity   total pending buy quantity at the last tick
 * @param sellQuantity  total pending sell quantity at the last tick
 */
public record Candle(long token, String symbol, CandleInterval interval, long start, double open, double high,
                     double low, double close, long volume, double preOpenPrice, int ticks, long openInterest,
                     double averagePrice, long buyQuantity, long sellQuantity) {

    /** A candle with no open interest, exchange VWAP or order book quantities (an index, or a test). */
    public Candle(long token, String symbol, CandleInterval interval, long start, double open, double high,
                  double low, double close, long volume, double preOpenPrice, int ticks) {
        this(token, symbol, interval, start, open, high, low, close, volume, preOpenPrice, ticks, 0, Double.NaN, 0, 0);
    }

    public long end() {
        return start + interval.millis();
    }

    public boolean hasPreOpenPrice() {
        return !Double.isNaN(preOpenPrice);
    }
}
