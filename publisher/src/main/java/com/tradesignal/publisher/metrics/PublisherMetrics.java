package com.tradesignal.publisher.metrics;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the publisher counts, exposed at {@code /metrics} in the Prometheus text format. */
public final class PublisherMetrics {
    public final AtomicInteger clients = new AtomicInteger();
    public final LongAdder messagesOut = new LongAdder();
    /** Messages a slow client's queue dropped (older updates replaced by newer ones). */
    public final LongAdder clientDrops = new LongAdder();
    public final LongAdder slowDisconnects = new LongAdder();
    public final LongAdder malformedClientMessages = new LongAdder();
    public final LongAdder rowsIn = new LongAdder();
    /** Rows the board's inbox had no room for: the publisher could not keep up with the job. */
    public final LongAdder rowsDropped = new LongAdder();
    public final LongAdder malformedRows = new LongAdder();
    public final LongAdder pricesIn = new LongAdder();
    /** Prices replaced in the inbox by a newer one before they were applied (latest value wins). */
    public final LongAdder pricesConflated = new LongAdder();
    /** From the source taking a tick off the feed to the publisher handing its update to the clients' queues. */
    public final LatencyHistogram tickToPublish = new LatencyHistogram();

    public String prometheus() {
        StringBuilder out = new StringBuilder(2048);
        gauge(out, "tradesignal_publisher_clients", "WebSocket clients connected", clients.get());
        counter(out, "tradesignal_publisher_messages_out_total", "WebSocket messages sent", messagesOut.sum());
        counter(out, "tradesignal_publisher_client_drops_total", "updates dropped from slow clients' queues", clientDrops.sum());
        counter(out, "tradesignal_publisher_slow_disconnects_total", "clients closed for falling too far behind", slowDisconnects.sum());
        counter(out, "tradesignal_publisher_malformed_client_messages_total", "client messages rejected", malformedClientMessages.sum());
        counter(out, "tradesignal_publisher_rows_in_total", "signal rows received from the job", rowsIn.sum());
        counter(out, "tradesignal_publisher_dropped_rows_total", "signal rows dropped because the inbox was full", rowsDropped.sum());
        counter(out, "tradesignal_publisher_malformed_rows_total", "signal rows that could not be read", malformedRows.sum());
        counter(out, "tradesignal_publisher_prices_in_total", "price ticks received from the job", pricesIn.sum());
        counter(out, "tradesignal_publisher_prices_conflated_total", "price ticks superseded before they were applied", pricesConflated.sum());
        tickToPublish.writeTo(out, "tradesignal_publisher_tick_to_publish_seconds",
                "from the source receiving a tick to its update being queued for the clients");
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }
}
