package com.tradesignal.publisher.market;

/**
 * Told of every change the board applies, on the board's dispatcher thread and in the order applied. Implementations
 * must only enqueue (the WebSocket fan-out does), never block.
 */
public interface BoardListener {
    /**
     * @param underlying whose state changed
     * @param kind       "candle", "price" or "future": updates of the same underlying and kind supersede each other
     *                   (prices); candles never do
     * @param message    the update message, already encoded, without a {@code seq}
     */
    void onUpdate(String underlying, String kind, String message);
}
