package com.tradesignal.job.sink;

import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.signals.SignalRowJson;
import com.tradesignal.publisher.market.DataSource;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * A signal row as a {@code signals} record: key = the instrument's symbol (its token when it has none), so one
 * instrument's rows stay in one partition and in order; value = its signals.jsonl line; header = the data source.
 */
final class SignalRowRecords implements KafkaRecordSerializationSchema<SignalRow> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final DataSource dataSource;

    SignalRowRecords(String topic, DataSource dataSource) {
        this.topic = topic;
        this.dataSource = dataSource;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(SignalRow row, KafkaSinkContext context, Long timestamp) {
        String symbol = row.candle.symbol();
        byte[] key = (symbol != null ? symbol : Long.toString(row.candle.token())).getBytes(StandardCharsets.UTF_8);
        byte[] value = SignalRowJson.toJson(row).getBytes(StandardCharsets.UTF_8);
        // No record timestamp: the broker keeps the wall time of writing, which the publisher's lookback counts back
        // from. The candle's own time would put a replay of an old month outside any lookback.
        return new ProducerRecord<>(topic, null, null, key, value, KafkaSignals.dataSourceHeader(dataSource));
    }
}
