package com.tradesignal.kite.protocol;

import com.tradesignal.tick.Tick;
import java.util.List;

/**
 * Everything one Kite binary packet carries, decoded. Fields the packet's layout does not carry are absent:
 * prices {@link Double#NaN}, quantities {@code 0}, times {@link Tick#ABSENT_TIME}, depth an empty list.
 *
 * <p>Prices are already divided by the segment's divisor ({@link KitePacket#priceDivisor(long)}). Times are epoch
 * millis (Kite sends epoch seconds). A zero timestamp on the wire is decoded as absent.
 *
 * @param kind           the packet layout, decided by its length
 * @param token          instrument token (unsigned 32 bit)
 * @param lastPrice      LTP
 * @param lastQuantity   last traded quantity (quote/full)
 * @param averagePrice   day VWAP (quote/full)
 * @param volume         cumulative day volume (quote/full)
 * @param buyQuantity    total pending buy quantity (quote/full)
 * @param sellQuantity   total pending sell quantity (quote/full)
 * @param open           day open (all but LTP)
 * @param high           day high
 * @param low            day low
 * @param close          previous session's close
 * @param priceChange    the index packets' bytes 24-28 ("price change", ignored by the official clients); NaN
 *                       for other layouts
 * @param lastTradeTime  last trade time, epoch millis (full only)
 * @param openInterest   OI (full only)
 * @param oiDayHigh      OI day high (full only)
 * @param oiDayLow       OI day low (full only)
 * @param exchangeTime   exchange timestamp, epoch millis (full and index full only)
 * @param bids           5 bid levels (full only; empty otherwise)
 * @param asks           5 offer levels (full only; empty otherwise)
 */
public record DecodedTick(
        PacketKind kind,
        long token,
        double lastPrice,
        long lastQuantity,
        double averagePrice,
        long volume,
        long buyQuantity,
        long sellQuantity,
        double open,
        double high,
        double low,
        double close,
        double priceChange,
        long lastTradeTime,
        long openInterest,
        long oiDayHigh,
        long oiDayLow,
        long exchangeTime,
        List<DepthLevel> bids,
        List<DepthLevel> asks) {

    /** Where the event time of {@link #toTick(long)} comes from. */
    public enum TimeSource { EXCHANGE, ARRIVAL }

    public static final double ABSENT_PRICE = Tick.ABSENT_PRICE;
    public static final long ABSENT_TIME = Tick.ABSENT_TIME;

    public DecodedTick {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        bids = bids == null ? List.of() : List.copyOf(bids);
        asks = asks == null ? List.of() : List.copyOf(asks);
    }

    /** An LTP-mode tick (8-byte packet). */
    public static DecodedTick ltp(long token, double lastPrice) {
        return new DecodedTick(PacketKind.LTP, token, lastPrice, 0, ABSENT_PRICE, 0, 0, 0, ABSENT_PRICE, ABSENT_PRICE,
                ABSENT_PRICE, ABSENT_PRICE, ABSENT_PRICE, ABSENT_TIME, 0, 0, 0, ABSENT_TIME, List.of(), List.of());
    }

    /** An index tick (28-byte packet when {@code exchangeTime} is absent, 32-byte otherwise). */
    public static DecodedTick index(long token, double lastPrice, double open, double high, double low, double close,
                                    double priceChange, long exchangeTime) {
        PacketKind kind = exchangeTime == ABSENT_TIME ? PacketKind.INDEX_QUOTE : PacketKind.INDEX_FULL;
        return new DecodedTick(kind, token, lastPrice, 0, ABSENT_PRICE, 0, 0, 0, open, high, low, close, priceChange,
                ABSENT_TIME, 0, 0, 0, exchangeTime, List.of(), List.of());
    }

    /**
     * A decoded tick of the given layout from a normalized {@link Tick} (for the simulator). Fields the layout does
     * not carry are dropped; a full packet gets empty (zero) depth; OI day high/low are set to the tick's OI.
     */
    public static DecodedTick fromTick(Tick t, PacketKind kind) {
        boolean full = kind == PacketKind.FULL;
        boolean quoteOrFull = kind == PacketKind.QUOTE || full;
        boolean hasOhlc = kind != PacketKind.LTP;
        List<DepthLevel> empty = full ? List.of(DepthLevel.EMPTY, DepthLevel.EMPTY, DepthLevel.EMPTY,
                DepthLevel.EMPTY, DepthLevel.EMPTY) : List.of();
        return new DecodedTick(kind, t.token, t.lastPrice,
                quoteOrFull ? t.lastQuantity : 0,
                quoteOrFull ? t.averagePrice : ABSENT_PRICE,
                quoteOrFull ? t.volume : 0,
                quoteOrFull ? t.buyQuantity : 0,
                quoteOrFull ? t.sellQuantity : 0,
                hasOhlc ? t.dayOpen : ABSENT_PRICE,
                hasOhlc ? t.dayHigh : ABSENT_PRICE,
                hasOhlc ? t.dayLow : ABSENT_PRICE,
                hasOhlc ? t.dayClose : ABSENT_PRICE,
                kind.isIndex() ? 0.0 : ABSENT_PRICE,
                full ? t.lastTradeTime : ABSENT_TIME,
                full ? t.openInterest : 0,
                full ? t.openInterest : 0,
                full ? t.openInterest : 0,
                kind.timestamped() ? t.exchangeTime : ABSENT_TIME,
                empty, empty);
    }

    /** Exchange segment: {@code token & 0xFF} (NSE=1, NFO=2, CDS=3, BSE=4, BFO=5, BCD=6, MCX=7, MCXSX=8, INDICES=9). */
    public int segment() {
        return (int) (token & 0xFF);
    }

    /** {@code segment != 9}: indices are not tradable. */
    public boolean tradable() {
        return segment() != KitePacket.SEGMENT_INDICES;
    }

    /** The {@code mode} string the official clients report ("ltp", "quote", "full"). */
    public String mode() {
        return kind.kiteMode();
    }

    /** Whether the packet carried an exchange timestamp (full and index-full packets with a non-zero one). */
    public boolean hasExchangeTime() {
        return exchangeTime != ABSENT_TIME;
    }

    /** Where {@link #toTick(long)} takes the event time from. */
    public TimeSource timeSource() {
        return hasExchangeTime() ? TimeSource.EXCHANGE : TimeSource.ARRIVAL;
    }

    /** Absolute change {@code lastPrice - close} (as Go and the MOCKS JSON; Java/Python report percent). */
    public double change() {
        return lastPrice - close;
    }

    /**
     * The normalized tick, event time = exchange timestamp.
     *
     * @throws IllegalStateException when the packet carried no exchange timestamp (LTP, quote, index quote): use
     *                               {@link #toTick(long)} with the arrival time
     */
    public Tick toTick() {
        if (!hasExchangeTime()) {
            throw new IllegalStateException(kind + " packet for token " + token
                    + " has no exchange timestamp; use toTick(arrivalMillis)");
        }
        return tick(exchangeTime, 0);
    }

    /**
     * The normalized tick; the event time is the exchange timestamp when the packet has one, otherwise
     * {@code arrivalMillis} (see {@link #timeSource()}).
     */
    public Tick toTick(long arrivalMillis) {
        return tick(hasExchangeTime() ? exchangeTime : arrivalMillis, arrivalMillis);
    }

    private Tick tick(long time, long arrivalMillis) {
        return Tick.builder(token, time, lastPrice)
                .receivedAt(arrivalMillis)
                .lastQuantity(lastQuantity)
                .averagePrice(averagePrice)
                .volume(volume)
                .buyQuantity(buyQuantity)
                .sellQuantity(sellQuantity)
                .openInterest(openInterest)
                .dayOhlc(open, high, low, close)
                .lastTradeTime(lastTradeTime)
                .build();
    }
}
