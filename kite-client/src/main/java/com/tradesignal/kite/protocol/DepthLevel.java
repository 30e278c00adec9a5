package com.tradesignal.kite.protocol;

/**
 * One market-depth entry of a full packet: 12 bytes on the wire, {@code qty int32, price int32, orders int16,
 * 2 bytes padding}.
 *
 * @param quantity quantity at this level (unsigned 32 bit)
 * @param price    price, already divided by the segment's divisor
 * @param orders   number of orders (unsigned 16 bit)
 */
public record DepthLevel(long quantity, double price, int orders) {
    /** An all-zero level, what Kite sends for an empty level. */
    public static final DepthLevel EMPTY = new DepthLevel(0, 0.0, 0);
}
