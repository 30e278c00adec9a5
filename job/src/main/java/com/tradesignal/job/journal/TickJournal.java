package com.tradesignal.job.journal;

import com.tradesignal.serde.TickSerializer;
import com.tradesignal.source.replay.files.TickJson;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code ticks} journal: every raw tick the live job receives, keyed by instrument token, valued as one line of
 * the replay format's JSON Lines ({@link TickJson}), with the exchange time as the record's timestamp. A replay of
 * the journal between two times (found with the broker's time index) runs the same job as a replay of files.
 */
public final class TickJournal {
    public static final String TOPIC = "ticks";
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "tradesignal-ticks";
    /** Within the broker's default transaction.max.timeout.ms (15 min), above any checkpoint interval. */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(5);

    private TickJournal() {}

    /** Exactly once, so a replay of the journal sees each tick once, like the live run did. */
    public static KafkaSink<Tick> sink(String bootstrap, String topic, String transactionalIdPrefix) {
        return KafkaSink.<Tick>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(new Records(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(TRANSACTION_TIMEOUT.toMillis()))
                .build();
    }

    /**
     * The journal's committed ticks from {@code from} (inclusive) to {@code to} (exclusive; null: to the end as it is
     * when the job starts). Bounded either way, so the replay finishes and closes its last candles.
     */
    public static BoundedAfterRestoreKafkaSource<Tick> source(String bootstrap, String topic, Instant from, Instant to) {
        return new BoundedAfterRestoreKafkaSource<>(KafkaSource.<Tick>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId("tradesignal-journal-replay")
                .setStartingOffsets(OffsetsInitializer.timestamp(from.toEpochMilli()))
                .setBounded(to == null ? OffsetsInitializer.latest() : OffsetsInitializer.timestamp(to.toEpochMilli()))
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "false")
                .setDeserializer(new Ticks(topic))
                .build());
    }

    static final class Records implements KafkaRecordSerializationSchema<Tick> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        Records(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(Tick t, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, t.exchangeTime, Long.toString(t.token).getBytes(StandardCharsets.UTF_8),
                    TickJson.encode(t));
        }
    }

    static final class Ticks implements KafkaRecordDeserializationSchema<Tick> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private transient TickJson parser;

        Ticks(String topic) {
            this.topic = topic;
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Tick> out) {
            if (parser == null) parser = new TickJson(topic);
            // a malformed record stops the replay with the topic, partition and offset in the message
            try {
                out.collect(parser.parse(record.value(), record.offset()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("journal " + record.topic() + "-" + record.partition() + " offset "
                        + record.offset() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public TypeInformation<Tick> getProducedType() {
            return TickSerializer.TYPE;
        }
    }
}
