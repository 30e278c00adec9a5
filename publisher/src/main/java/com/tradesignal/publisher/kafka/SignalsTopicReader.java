package com.tradesignal.publisher.kafka;

import com.tradesignal.publisher.market.MarketBoard;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Cluster mode: feeds a {@link MarketBoard} from the job's {@link Topics#SIGNALS} and {@link Topics#PRICES} topics.
 *
 * <p>It is a plain consumer without a group: it assigns itself every partition and, the first time it sees one,
 * starts at the first record of the last {@link Settings#lookback()} (30 h by default, so the previous session's
 * candles are in), or at the end of a partition with nothing that recent ({@link TopicPositions}). A restarted
 * publisher therefore rebuilds the same board, and nothing has to be committed. It reads {@code read_committed}:
 * rows of a transaction the job aborted (a failed checkpoint) are never shown.
 *
 * <p>It runs on its own daemon thread and never gives up: an unreachable broker is logged once per outage and
 * retried, a malformed record is counted ({@code malformedRows}) and skipped. {@link #close()} stops it promptly.
 */
public final class SignalsTopicReader implements AutoCloseable {
    public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(30);
    private static final Logger LOG = LoggerFactory.getLogger(SignalsTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Bounds every metadata call, so an outage is noticed and close() is never kept waiting long. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /** How often the partition list is refreshed: new partitions, and a cheap probe of the broker. */
    private static final long REFRESH_MILLIS = 30_000;
    /** The same while the broker is unreachable or a topic does not exist yet (the job creates it when it starts). */
    private static final long RETRY_MILLIS = 5_000;
    /**
     * Records per poll. While catching up on history (or with a poll this full of rows) the reader waits for the
     * board to apply what it offered before the next poll, so the board's bounded inbox is never overrun (it would
     * drop rows) when a restarted publisher reads back 30 h.
     */
    private static final int BATCH = 500;

    /**
     * @param lookback how far back a partition seen for the first time is read
     */
    public record Settings(String bootstrapServers, String signalsTopic, String pricesTopic, Duration lookback) {
        public static Settings of(String bootstrapServers) {
            return new Settings(bootstrapServers, Topics.SIGNALS, Topics.PRICES, DEFAULT_LOOKBACK);
        }

        public Settings withTopics(String signals, String prices) {
            return new Settings(bootstrapServers, signals, prices, lookback);
        }

        public Settings withLookback(Duration lookback) {
            return new Settings(bootstrapServers, signalsTopic, pricesTopic, lookback);
        }
    }

    private final Settings settings;
    private final MarketBoard board;
    private final Thread thread;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    // Reader thread only:
    private final TopicPositions positions;
    private final BoardRecords records;
    private boolean outage;

    private SignalsTopicReader(Settings settings, MarketBoard board) {
        this.settings = settings;
        this.board = board;
        this.positions = new TopicPositions(List.of(settings.signalsTopic(), settings.pricesTopic()), settings.lookback(), CALL_TIMEOUT);
        this.records = new BoardRecords(board, settings.signalsTopic());
        this.thread = new Thread(this::run, "signals-topic-reader");
        this.thread.setDaemon(true);
    }

    /** Starts reading on a daemon thread; returns at once, whether or not the broker is reachable. */
    public static SignalsTopicReader start(Settings settings, MarketBoard board) {
        SignalsTopicReader reader = new SignalsTopicReader(settings, board);
        reader.thread.start();
        return reader;
    }

    /** Waits until every partition has been read up to where it ended when the reader first saw it. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        LOG.info("reading {} and {} from Kafka at {} (from {} h back)", settings.signalsTopic(), settings.pricesTopic(),
                settings.bootstrapServers(), settings.lookback().toHours());
        while (running) {
            KafkaConsumer<byte[], byte[]> c = null;
            try {
                c = new KafkaConsumer<>(consumerProperties());
                consumer = c;
                if (!running) break; // close() came before the consumer existed, so it could not wake it
                readUntilClosed(c);
            } catch (WakeupException | InterruptException e) {
                // close()
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (TimeoutException e) {
                // a position lost during an outage: a new consumer resumes where this one was
                brokerUnreachable(e);
                pause(RETRY_MILLIS);
            } catch (RuntimeException e) {
                if (!running) break;
                LOG.warn("the Kafka reader failed; starting it again in {} s", RETRY_MILLIS / 1000, e);
                pause(RETRY_MILLIS);
            } finally {
                consumer = null;
                close(c);
            }
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "tradesignal-publisher");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only when a position we held is gone (retention, a recreated topic): start over rather than skip ahead.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(BATCH));
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(CALL_TIMEOUT.toMillis()));
        // While the broker is down the client reconnects by itself; not faster than this.
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "10000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private void readUntilClosed(KafkaConsumer<byte[], byte[]> c) throws InterruptedException {
        long nextRefresh = 0;
        while (running) {
            long now = System.currentTimeMillis();
            if (now >= nextRefresh) {
                nextRefresh = now + (refresh(c) ? REFRESH_MILLIS : RETRY_MILLIS);
            }
            if (c.assignment().isEmpty()) {
                pause(Math.max(1, nextRefresh - System.currentTimeMillis()));
                continue;
            }
            int rows = 0;
            for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                rows += records.apply(r, positions.isHistory(r)) ? 1 : 0;
            }
            positions.remember(c);
            if (rows >= BATCH || (rows > 0 && positions.catchingUp())) {
                board.awaitApplied(30_000);
            }
            noteCaughtUp(c);
        }
    }

    /** Returns whether all is settled (broker reached, both topics there), which sets when to look again. */
    private boolean refresh(KafkaConsumer<byte[], byte[]> c) {
        boolean allPresent;
        try {
            allPresent = positions.assignNew(c);
        } catch (TimeoutException e) {
            brokerUnreachable(e);
            return false;
        }
        if (outage) {
            outage = false;
            LOG.info("Kafka at {} is reachable again", settings.bootstrapServers());
        }
        noteCaughtUp(c); // a partition with nothing in the lookback, or a missing topic, has nothing to catch up on
        return allPresent;
    }

    private void noteCaughtUp(KafkaConsumer<byte[], byte[]> c) {
        if (caughtUp.getCount() > 0 && positions.caughtUp(c)) {
            LOG.info("caught up with Kafka: {} index rows and {} prices from the last {} h", records.rows(),
                    records.prices(), settings.lookback().toHours());
            caughtUp.countDown();
        }
    }

    private void brokerUnreachable(Exception e) {
        if (!outage) {
            outage = true;
            LOG.warn("Kafka at {} is unreachable ({}); the board keeps what it has and the reader retries every {} s",
                    settings.bootstrapServers(), e.getMessage(), RETRY_MILLIS / 1000);
        }
    }

    private void pause(long millis) {
        try {
            closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void close(KafkaConsumer<byte[], byte[]> c) {
        if (c == null) return;
        try {
            c.close(CloseOptions.timeout(Duration.ZERO)); // no group, nothing to commit
        } catch (RuntimeException e) {
            LOG.debug("closing the Kafka consumer failed", e);
        }
    }

    /** Stops the reader: a poll or metadata call in progress is woken at once. The board is left as it is. */
    @Override
    public void close() {
        running = false;
        closed.countDown();
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
