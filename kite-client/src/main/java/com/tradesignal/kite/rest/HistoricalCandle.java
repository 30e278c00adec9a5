package com.tradesignal.kite.rest;

/**
 * One candle from Kite's historical API: start time (epoch ms), OHLC, the candle's own volume and, when asked for,
 * the open interest at its end ({@code -1} when absent).
 */
public record HistoricalCandle(long startMillis, double open, double high, double low, double close, long volume,
                               long openInterest) {
}
