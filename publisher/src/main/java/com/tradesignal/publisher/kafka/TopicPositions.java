package com.tradesignal.publisher.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which partitions the reader reads and from where. A partition seen for the first time starts at the first record
 * of the lookback (or at its end when it has nothing that recent) and is history up to where it ended then; a
 * consumer re-created after a failure resumes each partition where the last one was. Outlives the consumers; reader
 * thread only.
 */
final class TopicPositions {
    private static final Logger LOG = LoggerFactory.getLogger(TopicPositions.class);

    private final List<String> topics;
    private final Duration lookback;
    private final Duration timeout;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    /** Per partition, its end when first assigned: records below it are history (read back), not live. */
    private final Map<TopicPartition, Long> historyEnds = new HashMap<>();
    private final Set<TopicPartition> catchingUp = new HashSet<>();
    private final Set<String> missingTopicsLogged = new HashSet<>();
    private boolean assignedOnce;

    TopicPositions(List<String> topics, Duration lookback, Duration timeout) {
        this.topics = topics;
        this.lookback = lookback;
        this.timeout = timeout;
    }

    /**
     * Lists the topics (a round trip to the broker, so it also probes it) and starts reading partitions the consumer
     * does not read yet. Returns whether every topic exists.
     *
     * @throws org.apache.kafka.common.errors.TimeoutException the broker did not answer; nothing was changed
     */
    boolean assignNew(KafkaConsumer<byte[], byte[]> c) {
        Map<String, List<PartitionInfo>> listed = c.listTopics(timeout);
        Set<TopicPartition> added = new HashSet<>();
        boolean allPresent = true;
        for (String topic : topics) {
            List<PartitionInfo> partitions = listed.get(topic);
            if (partitions == null || partitions.isEmpty()) {
                allPresent = false;
                if (missingTopicsLogged.add(topic)) {
                    LOG.info("topic '{}' does not exist yet; waiting for the job to create it", topic);
                }
                continue;
            }
            for (PartitionInfo p : partitions) {
                TopicPartition tp = new TopicPartition(p.topic(), p.partition());
                if (!c.assignment().contains(tp)) added.add(tp);
            }
        }
        if (!added.isEmpty()) {
            Map<TopicPartition, Long> starts = startOffsets(c, added); // before assign: a timeout leaves all as it was
            Map<TopicPartition, Long> held = new HashMap<>();
            for (TopicPartition tp : c.assignment()) held.put(tp, c.position(tp));
            Set<TopicPartition> all = new HashSet<>(held.keySet());
            all.addAll(added);
            c.assign(all);
            held.forEach(c::seek);
            starts.forEach(c::seek);
            positions.putAll(starts);
        }
        assignedOnce = true;
        return allPresent;
    }

    private Map<TopicPartition, Long> startOffsets(KafkaConsumer<byte[], byte[]> c, Set<TopicPartition> partitions) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = System.currentTimeMillis() - lookback.toMillis();
        for (TopicPartition tp : partitions) {
            Long held = positions.get(tp);
            if (held != null) {
                starts.put(tp, held);
            } else {
                since.put(tp, from);
            }
        }
        if (since.isEmpty()) return starts;
        Map<TopicPartition, OffsetAndTimestamp> byTime = c.offsetsForTimes(since, timeout);
        Map<TopicPartition, Long> ends = c.endOffsets(since.keySet(), timeout); // read_committed: the last stable offset
        for (TopicPartition tp : since.keySet()) {
            OffsetAndTimestamp first = byTime.get(tp);
            long end = ends.get(tp);
            starts.put(tp, first != null ? first.offset() : end);
            historyEnds.put(tp, end);
            catchingUp.add(tp);
        }
        return starts;
    }

    /** After a poll: remembers where each partition is, for a consumer that has to be re-created. */
    void remember(KafkaConsumer<byte[], byte[]> c) {
        for (TopicPartition tp : c.assignment()) {
            positions.put(tp, c.position(tp));
        }
    }

    boolean isHistory(ConsumerRecord<?, ?> r) {
        Long end = historyEnds.get(new TopicPartition(r.topic(), r.partition()));
        return end != null && r.offset() < end;
    }

    /** Whether some partition is still being read back up to where it ended when first seen. */
    boolean catchingUp() {
        return !catchingUp.isEmpty();
    }

    /** Whether the partitions have been listed once and every one has been read up to where it ended then. */
    boolean caughtUp(KafkaConsumer<byte[], byte[]> c) {
        catchingUp.removeIf(tp -> c.assignment().contains(tp) && c.position(tp) >= historyEnds.get(tp));
        return assignedOnce && catchingUp.isEmpty();
    }
}
