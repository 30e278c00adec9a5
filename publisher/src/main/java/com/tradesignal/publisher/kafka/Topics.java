package com.tradesignal.publisher.kafka;

/**
 * The contract between the job's Kafka sinks and the publisher's {@link SignalsTopicReader} (cluster mode):
 * <ul>
 *   <li>{@value #SIGNALS}: key = the instrument's symbol (its token when it has none), value = one line of
 *       signals.jsonl exactly (docs/signals.md), written in transactions (exactly once, visible at each checkpoint);</li>
 *   <li>{@value #PRICES}: key = underlying/kind, value = {@link PriceTickJson}, written as they come (at least once:
 *       the latest value wins, so a duplicate is harmless);</li>
 *   <li>both carry the header {@value #DATA_SOURCE_HEADER} = LIVE, REPLAY or SIMULATED, so the dashboard labels
 *       simulated data as such whatever the publisher was started with.</li>
 * </ul>
 */
public final class Topics {
    public static final String SIGNALS = "signals";
    public static final String PRICES = "prices";
    public static final String DATA_SOURCE_HEADER = "data_source";

    private Topics() {}
}
