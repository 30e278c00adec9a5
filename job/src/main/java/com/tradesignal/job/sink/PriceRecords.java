package com.tradesignal.job.sink;

import com.tradesignal.job.publish.BoardPriceSink;
import com.tradesignal.job.signals.UnderlyingMap;
import com.tradesignal.publisher.kafka.PriceTickJson;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.PriceTick;
import com.tradesignal.tick.Tick;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * A tick of an index or its near-month future as a {@code prices} record (the same price the embedded board gets):
 * key = underlying/kind, so the prices that supersede each other share a partition and stay in order; value =
 * {@link PriceTickJson}; header = the data source. Any other tick gives no record (the sink skips a null).
 */
final class PriceRecords implements KafkaRecordSerializationSchema<Tick> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final DataSource dataSource;
    private final UnderlyingMap underlyings;

    PriceRecords(String topic, DataSource dataSource, UnderlyingMap underlyings) {
        this.topic = topic;
        this.dataSource = dataSource;
        this.underlyings = underlyings;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Tick tick, KafkaSinkContext context, Long timestamp) {
        PriceTick price = BoardPriceSink.toPrice(underlyings, tick, System.currentTimeMillis());
        if (price == null) return null;
        byte[] key = (price.underlying() + "/" + price.kind()).getBytes(StandardCharsets.UTF_8);
        byte[] value = PriceTickJson.toJson(price).getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, null, key, value, KafkaSignals.dataSourceHeader(dataSource));
    }
}
