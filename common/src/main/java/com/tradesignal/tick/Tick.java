package com.tradesignal.tick;

import java.util.Objects;

/**
 * One normalized tick: what Kite sends for an instrument in {@code full} mode, whether it came from the live
 * WebSocket, a recorded file or the simulator.
 *
 * <p>Field names follow Kite's tick JSON. Times are epoch milliseconds (UTC); Kite's own resolution is one
 * second. Absent optional values are {@link #ABSENT_PRICE} (NaN) for prices, {@code 0} for quantities and open
 * interest (an index tick carries neither), and {@link #ABSENT_TIME} for the last trade time.
 *
 * <p>{@code volume} is the exchange's cumulative traded volume for the day, not the volume of this trade; candle
 * volume is derived from its rise.
 */
public final class Tick {
    public static final double ABSENT_PRICE = Double.NaN;
    public static final long ABSENT_TIME = Long.MIN_VALUE;

    /** Kite {@code instrument_token}. */
    public final long token;
    /** Exchange timestamp, epoch millis: the event time. */
    public final long exchangeTime;
    public final double lastPrice;
    public final long lastQuantity;
    /** The exchange's day VWAP ({@code average_price}). */
    public final double averagePrice;
    /** Cumulative day volume. */
    public final long volume;
    public final long buyQuantity;
    public final long sellQuantity;
    public final long openInterest;
    /** Day OHLC as Kite sends it: {@code dayClose} is the previous session's close. */
    public final double dayOpen;
    public final double dayHigh;
    public final double dayLow;
    public final double dayClose;
    public final long lastTradeTime;
    /** Kite {@code tradingsymbol} when the source knows it (recorded files may carry it); otherwise null. */
    public final String tradingSymbol;
    /**
     * Wall-clock millis when the live source took the tick off the WebSocket, 0 when unknown (replays, backfill).
     * Only latency is measured from it: it is not market data, so it is not part of {@link #equals}.
     */
    public final long receivedAt;

    public Tick(long token, long exchangeTime, double lastPrice, long lastQuantity, double averagePrice, long volume,
                long buyQuantity, long sellQuantity, long openInterest, double dayOpen, double dayHigh, double dayLow,
                double dayClose, long lastTradeTime, String tradingSymbol) {
        this(token, exchangeTime, lastPrice, lastQuantity, averagePrice, volume, buyQuantity, sellQuantity, openInterest,
                dayOpen, dayHigh, dayLow, dayClose, lastTradeTime, tradingSymbol, 0);
    }

    public Tick(long token, long exchangeTime, double lastPrice, long lastQuantity, double averagePrice, long volume,
                long buyQuantity, long sellQuantity, long openInterest, double dayOpen, double dayHigh, double dayLow,
                double dayClose, long lastTradeTime, String tradingSymbol, long receivedAt) {
        this.receivedAt = receivedAt;
        this.token = token;
        this.exchangeTime = exchangeTime;
        this.lastPrice = lastPrice;
        this.lastQuantity = lastQuantity;
        this.averagePrice = averagePrice;
        this.volume = volume;
        this.buyQuantity = buyQuantity;
        this.sellQuantity = sellQuantity;
        this.openInterest = openInterest;
        this.dayOpen = dayOpen;
        this.dayHigh = dayHigh;
        this.dayLow = dayLow;
        this.dayClose = dayClose;
        this.lastTradeTime = lastTradeTime;
        this.tradingSymbol = tradingSymbol;
    }

    public static Builder builder(long token, long exchangeTime, double lastPrice) {
        return new Builder(token, exchangeTime, lastPrice);
    }

    public Builder toBuilder() {
        return new Builder(token, exchangeTime, lastPrice).lastQuantity(lastQuantity).averagePrice(averagePrice)
                .volume(volume).buyQuantity(buyQuantity).sellQuantity(sellQuantity).openInterest(openInterest)
                .dayOhlc(dayOpen, dayHigh, dayLow, dayClose).lastTradeTime(lastTradeTime).tradingSymbol(tradingSymbol).receivedAt(receivedAt);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Tick t)) return false;
        return token == t.token && exchangeTime == t.exchangeTime && Double.compare(lastPrice, t.lastPrice) == 0
                && lastQuantity == t.lastQuantity && Double.compare(averagePrice, t.averagePrice) == 0
                && volume == t.volume && buyQuantity == t.buyQuantity && sellQuantity == t.sellQuantity
                && openInterest == t.openInterest && Double.compare(dayOpen, t.dayOpen) == 0
                && Double.compare(dayHigh, t.dayHigh) == 0 && Double.compare(dayLow, t.dayLow) == 0
                && Double.compare(dayClose, t.dayClose) == 0 && lastTradeTime == t.lastTradeTime
                && Objects.equals(tradingSymbol, t.tradingSymbol);
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, exchangeTime, lastPrice, volume);
    }

    @Override
    public String toString() {
        return "Tick{token=" + token + ", time=" + exchangeTime + ", ltp=" + lastPrice + ", volume=" + volume
                + (tradingSymbol == null ? "" : ", symbol=" + tradingSymbol) + '}';
    }

    /** Builds a tick; everything but token, time and price is optional. */
    public static final class Builder {
        private final long token;
        private final long exchangeTime;
        private final double lastPrice;
        private long lastQuantity;
        private double averagePrice = ABSENT_PRICE;
        private long volume;
        private long buyQuantity;
        private long sellQuantity;
        private long openInterest;
        private double dayOpen = ABSENT_PRICE;
        private double dayHigh = ABSENT_PRICE;
        private double dayLow = ABSENT_PRICE;
        private double dayClose = ABSENT_PRICE;
        private long lastTradeTime = ABSENT_TIME;
        private String tradingSymbol;
        private long receivedAt;

        private Builder(long token, long exchangeTime, double lastPrice) {
            this.token = token;
            this.exchangeTime = exchangeTime;
            this.lastPrice = lastPrice;
        }

        public Builder lastQuantity(long v) { lastQuantity = v; return this; }
        public Builder averagePrice(double v) { averagePrice = v; return this; }
        public Builder volume(long v) { volume = v; return this; }
        public Builder buyQuantity(long v) { buyQuantity = v; return this; }
        public Builder sellQuantity(long v) { sellQuantity = v; return this; }
        public Builder openInterest(long v) { openInterest = v; return this; }
        public Builder dayOhlc(double open, double high, double low, double close) {
            dayOpen = open; dayHigh = high; dayLow = low; dayClose = close; return this;
        }
        public Builder lastTradeTime(long v) { lastTradeTime = v; return this; }
        public Builder tradingSymbol(String v) { tradingSymbol = v; return this; }
        public Builder receivedAt(long wallMillis) { receivedAt = wallMillis; return this; }

        public Tick build() {
            return new Tick(token, exchangeTime, lastPrice, lastQuantity, averagePrice, volume, buyQuantity,
                    sellQuantity, openInterest, dayOpen, dayHigh, dayLow, dayClose, lastTradeTime, tradingSymbol, receivedAt);
        }
    }
}
