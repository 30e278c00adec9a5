package com.tradesignal.job.publish;

import com.tradesignal.job.signals.UnderlyingMap;
import com.tradesignal.market.MarketTime;
import com.tradesignal.publisher.market.EmbeddedBoards;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.market.PriceTick;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;

/**
 * Embedded mode: every tick of an index or its near-month future, as a price on the publisher's board (latest value
 * wins there). It runs chained to the source, in the source's thread, so a price reaches the board without a network
 * hop or a wait for the candle to close.
 */
public final class BoardPriceSink implements Sink<Tick> {
    private static final long serialVersionUID = 1L;

    private final String boardName;
    private final UnderlyingMap underlyings;

    public BoardPriceSink(String boardName, UnderlyingMap underlyings) {
        this.boardName = boardName;
        this.underlyings = underlyings;
    }

    /** The ticks worth a price update: the indices and their futures (the sink then keeps only the near month). */
    public static boolean isIndexOrFuture(UnderlyingMap map, Tick tick) {
        UnderlyingMap.Role role = map.role(tick.token);
        return role != null && role.kind() != UnderlyingMap.Kind.OPTION;
    }

    @Override
    public SinkWriter<Tick> createWriter(WriterInitContext context) {
        Counter missing = context.metricGroup().counter("publisherMissing");
        return new SinkWriter<>() {
            @Override
            public void write(Tick tick, Context ctx) {
                PriceTick price = toPrice(underlyings, tick, System.currentTimeMillis());
                if (price == null) return;
                MarketBoard board = board();
                if (board == null) {
                    missing.inc();
                } else {
                    board.offerPrice(price);
                }
            }

            private MarketBoard board;

            /** Found once: the publisher registers its board before the job starts, and it stays for the run. */
            private MarketBoard board() {
                if (board == null) board = EmbeddedBoards.get(boardName).orElse(null);
                return board;
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** The price of an index or near-month future tick; null for any other tick. */
    public static PriceTick toPrice(UnderlyingMap map, Tick tick, long wallNow) {
        UnderlyingMap.Role role = map.role(tick.token);
        if (role == null || role.kind() == UnderlyingMap.Kind.OPTION || Double.isNaN(tick.lastPrice)) return null;
        PriceTick.Kind kind = PriceTick.Kind.INDEX;
        if (role.kind() == UnderlyingMap.Kind.FUTURE) {
            long day = MarketTime.istEpochDay(tick.exchangeTime);
            Long nearMonth = map.nearMonthFuture(role.underlying(), day).orElse(null);
            if (nearMonth == null || nearMonth != tick.token) return null;
            kind = PriceTick.Kind.FUTURE;
        }
        // ticks from the live feed carry their arrival; others (replay) are timed from here
        return new PriceTick(role.underlying(), kind, tick.tradingSymbol, tick.token, tick.lastPrice, tick.dayClose,
                tick.exchangeTime, tick.receivedAt > 0 ? tick.receivedAt : wallNow);
    }
}
