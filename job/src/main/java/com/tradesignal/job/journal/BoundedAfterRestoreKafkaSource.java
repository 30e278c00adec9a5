package com.tradesignal.job.journal;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.List;

/**
 * A bounded {@link KafkaSource} that also finishes after a restore. flink-connector-kafka 5.0.0-2.2 never tells the
 * readers of a restored bounded source that no more splits will come (FLINK-31006), so a journal replay that
 * restarted from a checkpoint or savepoint would read to its end and then wait for ever. When the restored state has
 * every partition assigned already, this source tells each reader so as it registers, after the Kafka enumerator
 * has handed it whatever it still had. Everything else, the state formats included, is the Kafka source's own.
 */
public final class BoundedAfterRestoreKafkaSource<T>
        implements Source<T, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final KafkaSource<T> kafka;

    public BoundedAfterRestoreKafkaSource(KafkaSource<T> kafka) {
        this.kafka = kafka;
    }

    @Override
    public Boundedness getBoundedness() {
        return kafka.getBoundedness();
    }

    @Override
    public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext context) throws Exception {
        return kafka.createReader(context);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context) throws Exception {
        return kafka.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState state) throws IOException {
        SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restored = kafka.restoreEnumerator(context, state);
        boolean allAssigned = state.initialDiscoveryFinished() && state.unassignedSplits().isEmpty();
        if (getBoundedness() != Boundedness.BOUNDED || !allAssigned) {
            return restored;
        }
        return new NoMoreSplitsOnRegistration(restored, context);
    }

    @Override
    public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
        return kafka.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
        return kafka.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return kafka.getProducedType();
    }

    /** The restored Kafka enumerator, plus the "no more splits" it forgets to send. */
    private static final class NoMoreSplitsOnRegistration implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
        private final SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> kafka;
        private final SplitEnumeratorContext<KafkaPartitionSplit> context;

        NoMoreSplitsOnRegistration(SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> kafka,
                                   SplitEnumeratorContext<KafkaPartitionSplit> context) {
            this.kafka = kafka;
            this.context = context;
        }

        @Override
        public void start() {
            kafka.start();
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            kafka.handleSplitRequest(subtaskId, requesterHostname);
        }

        @Override
        public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
            kafka.addSplitsBack(splits, subtaskId);
        }

        @Override
        public void addReader(int subtaskId) {
            kafka.addReader(subtaskId); // first whatever splits it still holds for this reader
            context.signalNoMoreSplits(subtaskId);
        }

        @Override
        public KafkaSourceEnumState snapshotState(long checkpointId) throws Exception {
            return kafka.snapshotState(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            kafka.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void close() throws IOException {
            kafka.close();
        }
    }
}
