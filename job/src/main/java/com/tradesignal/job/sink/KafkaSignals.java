package com.tradesignal.job.sink;

import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.signals.UnderlyingMap;
import com.tradesignal.publisher.kafka.Topics;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.tick.Tick;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Cluster mode: the job's results to Kafka, where the publisher's {@code SignalsTopicReader} reads them (the record
 * format is {@link Topics}).
 * <ul>
 *   <li>Signal rows, exactly once: each checkpoint commits a transaction, so a {@code read_committed} reader sees
 *       every row once, when the checkpoint that covers it completes (rows lag by up to one checkpoint interval).</li>
 *   <li>Index and future prices, at least once and sent at once: a price is superseded by the next, a duplicate is
 *       harmless, and a price held back until the next checkpoint would be stale on arrival.</li>
 * </ul>
 */
public final class KafkaSignals {
    /**
     * How long a transaction may stay open. Flink's default (1 h) exceeds the broker's default
     * {@code transaction.max.timeout.ms} (15 min) and would be refused. It must exceed the checkpoint interval; it is
     * also the longest an abandoned transaction (a job that died and did not come back) holds up read_committed
     * readers before the broker aborts it.
     */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(5);
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "tradesignal-signals";

    /**
     * @param transactionalIdPrefix unique per job writing to the cluster (two jobs with one prefix fence each other
     *                              off), and the same across restarts of one job so that a restored job aborts the
     *                              transactions its previous run left open
     * @param dataSource            what the data is, sent with every record so the dashboard can say so
     */
    public record Settings(String bootstrapServers, String signalsTopic, String pricesTopic, String transactionalIdPrefix,
                           DataSource dataSource) {
        public static Settings of(String bootstrapServers, DataSource dataSource) {
            return new Settings(bootstrapServers, Topics.SIGNALS, Topics.PRICES, DEFAULT_TRANSACTIONAL_ID_PREFIX, dataSource);
        }

        public Settings withTopics(String signals, String prices) {
            return new Settings(bootstrapServers, signals, prices, transactionalIdPrefix, dataSource);
        }

        public Settings withTransactionalIdPrefix(String prefix) {
            return new Settings(bootstrapServers, signalsTopic, pricesTopic, prefix, dataSource);
        }
    }

    private KafkaSignals() {}

    /** Every signal row (all instruments: the topic is the signal stream; the publisher picks the indices). */
    public static KafkaSink<SignalRow> signalSink(Settings s) {
        return KafkaSink.<SignalRow>builder()
                .setBootstrapServers(s.bootstrapServers())
                .setRecordSerializer(new SignalRowRecords(s.signalsTopic(), s.dataSource()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(s.transactionalIdPrefix())
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(TRANSACTION_TIMEOUT.toMillis()))
                .build();
    }

    /** The indices' and their near-month futures' prices, one record per tick; other ticks are not written. */
    public static KafkaSink<Tick> priceSink(Settings s, UnderlyingMap underlyings) {
        return KafkaSink.<Tick>builder()
                .setBootstrapServers(s.bootstrapServers())
                .setRecordSerializer(new PriceRecords(s.pricesTopic(), s.dataSource(), underlyings))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty(ProducerConfig.LINGER_MS_CONFIG, "0") // live prices: no batching delay
                .build();
    }

    static List<Header> dataSourceHeader(DataSource source) {
        return List.of(new RecordHeader(Topics.DATA_SOURCE_HEADER, source.name().getBytes(StandardCharsets.UTF_8)));
    }
}
