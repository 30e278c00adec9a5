package com.tradesignal.publisher.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.market.PriceTick;
import com.tradesignal.publisher.market.Rows;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster-mode reader against a one-node broker in this JVM: what the board shows, and what it must not. */
class SignalsTopicReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FUTURE_TOKEN = 13238786L;
    private static KafkaClusterTestKit cluster;
    private static Admin admin;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        admin = Admin.create(p);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (admin != null) admin.close();
        if (cluster != null) cluster.close();
    }

    @Test
    void theBoardShowsCommittedRowsAndPricesOnlyAndARestartedReaderRebuildsTheSameBoard() throws Exception {
        String signals = "signals-restart", prices = "prices-restart";
        createTopics(signals, 2, prices, 1);
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, String> plain = producer(null); KafkaProducer<String, String> tx = producer("test-restart")) {
            // Older than the 30 h lookback, first in its partition: not read back.
            plain.send(new ProducerRecord<>(signals, null, now - Duration.ofHours(40).toMillis(), "NIFTY 50",
                    Rows.index("NIFTY", "3m", 0, 1).toString(), List.of(replay()))).get();

            tx.beginTransaction();
            for (int minute = 0; minute < 5; minute++) {
                tx.send(row(signals, Rows.index("NIFTY", "1m", minute, 25_000 + minute)));
            }
            tx.send(row(signals, Rows.index("NIFTY", "5m", 0, 25_004)));
            tx.send(row(signals, Rows.index("BANKNIFTY", "1m", 0, 56_000)));
            ObjectNode future = Rows.index("NIFTY", "1m", 0, 25_100);
            future.put("token", FUTURE_TOKEN).put("symbol", "NIFTY26DECFUT");
            tx.send(row(signals, future));
            tx.send(price(prices, Rows.price("NIFTY", 25_004.5, now)));
            tx.send(price(prices, new PriceTick("NIFTY", PriceTick.Kind.FUTURE, "NIFTY26DECFUT", FUTURE_TOKEN, 25_090.25,
                    Double.NaN, now - 1000, now)));
            tx.commitTransaction();

            // A checkpoint that failed: the job aborts its transaction; read_committed never shows it.
            tx.beginTransaction();
            tx.send(row(signals, Rows.index("NIFTY", "1m", 5, 99_999)));
            tx.send(price(prices, Rows.price("NIFTY", 99_999, now)));
            tx.flush();
            tx.abortTransaction();

            plain.send(new ProducerRecord<>(signals, null, "NIFTY 50", "{not json", List.of(replay()))).get();
            plain.send(new ProducerRecord<>(prices, null, "NIFTY/INDEX", "{\"underlying\":\"NIFTY\"}", List.of(replay()))).get();

            tx.beginTransaction();
            tx.send(row(signals, Rows.index("NIFTY", "15m", 0, 25_004)));
            tx.commitTransaction();
        }

        MarketBoard board = new MarketBoard(DataSource.LIVE, new PublisherMetrics());
        String before;
        try (SignalsTopicReader reader = start(board, signals, prices)) {
            assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            board.awaitApplied(5000);

            Map<String, ObjectNode> latest = board.latestRows("NIFTY");
            assertThat(latest).containsOnlyKeys("1m", "5m", "15m");
            assertThat((JsonNode) latest.get("1m")).isEqualTo(JSON.readTree(Rows.index("NIFTY", "1m", 4, 25_004).toString()));
            assertThat(board.bars("NIFTY", "1m", 375)).extracting(b -> b.get("close").asDouble())
                    .containsExactly(25_000.0, 25_001.0, 25_002.0, 25_003.0, 25_004.0);
            assertThat(board.latestRows("BANKNIFTY")).containsOnlyKeys("1m");
            JsonNode nifty = board.snapshot(MarketBoard.UNDERLYINGS).get("NIFTY");
            assertThat(nifty.get("price").get("last").asDouble()).isEqualTo(25_004.5);
            assertThat(nifty.get("future").get("last").asDouble()).isEqualTo(25_090.25);
            assertThat(board.dataSource()).isEqualTo(DataSource.REPLAY);
            assertThat(board.metrics().malformedRows.sum()).as("the bad row and the bad price").isEqualTo(2);
            // 8 index rows and the unreadable one (the board judges it); the future's row never reached the board.
            assertThat(board.metrics().rowsIn.sum()).isEqualTo(9);
            assertThat(board.metrics().rowsDropped.sum()).isZero();
            before = board.snapshot(MarketBoard.UNDERLYINGS).toString();
        } finally {
            board.close();
        }

        MarketBoard restarted = new MarketBoard(DataSource.LIVE, new PublisherMetrics());
        try (SignalsTopicReader reader = start(restarted, signals, prices)) {
            assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            restarted.awaitApplied(5000);
            assertThat(restarted.snapshot(MarketBoard.UNDERLYINGS).toString()).isEqualTo(before);
            assertThat(restarted.dataSource()).isEqualTo(DataSource.REPLAY);
        } finally {
            restarted.close();
        }
    }

    @Test
    void topicsCreatedAfterTheReaderStartedAreReadFromTheirStart() throws Exception {
        String signals = "signals-late", prices = "prices-late";
        MarketBoard board = new MarketBoard(DataSource.LIVE, new PublisherMetrics());
        try (SignalsTopicReader reader = start(board, signals, prices)) {
            assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).as("nothing to catch up on").isTrue();
            createTopics(signals, 1, prices, 1);
            try (KafkaProducer<String, String> plain = producer(null)) {
                plain.send(row(signals, Rows.index("SENSEX", "5m", 0, 82_000))).get();
                plain.send(price(prices, Rows.price("SENSEX", 82_001, System.currentTimeMillis()))).get();
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (board.latestRows("SENSEX").isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(board.latestRows("SENSEX")).containsOnlyKeys("5m");
            board.awaitApplied(5000);
            assertThat(board.snapshot(List.of("SENSEX")).get("SENSEX").get("price").get("last").asDouble()).isEqualTo(82_001);
        } finally {
            board.close();
        }
    }

    @Test
    void readingBackMoreRowsThanTheBoardsInboxHoldsDropsNone() throws Exception {
        String signals = "signals-many", prices = "prices-many";
        createTopics(signals, 1, prices, 1);
        int count = 15_000; // the board's inbox holds 10,000
        OffsetDateTime first = OffsetDateTime.of(2026, 11, 20, 9, 15, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
        try (KafkaProducer<String, String> plain = producer(null)) {
            for (int i = 0; i < count; i++) {
                String start = first.plusMinutes(i).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                plain.send(new ProducerRecord<>(signals, "NIFTY 50", "{\"symbol\":\"NIFTY 50\",\"token\":256265,"
                        + "\"interval\":\"1m\",\"start\":\"" + start + "\",\"open\":1,\"high\":2,\"low\":0.5,\"close\":" + i
                        + ",\"volume\":0}"));
            }
        }
        MarketBoard board = new MarketBoard(DataSource.LIVE, new PublisherMetrics());
        try (SignalsTopicReader reader = start(board, signals, prices)) {
            assertThat(reader.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            board.awaitApplied(10_000);
            assertThat(board.metrics().rowsDropped.sum()).isZero();
            assertThat(board.metrics().rowsIn.sum()).isEqualTo(count);
            assertThat(board.latestRows("NIFTY").get("1m").get("close").asInt()).isEqualTo(count - 1);
        } finally {
            board.close();
        }
    }

    @Test
    void anUnreachableBrokerIsRetriedAndCloseStillReturnsAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        MarketBoard board = new MarketBoard(DataSource.LIVE, new PublisherMetrics());
        try {
            SignalsTopicReader reader = SignalsTopicReader.start(SignalsTopicReader.Settings.of("127.0.0.1:" + port), board);
            Thread.sleep(1500);
            assertThat(reader.isRunning()).isTrue();
            assertThat(reader.awaitCaughtUp(Duration.ZERO)).isFalse();
            long started = System.nanoTime();
            reader.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(reader.isRunning()).isFalse();
        } finally {
            board.close();
        }
    }

    private static SignalsTopicReader start(MarketBoard board, String signals, String prices) {
        return SignalsTopicReader.start(SignalsTopicReader.Settings.of(cluster.bootstrapServers()).withTopics(signals, prices), board);
    }

    private static void createTopics(String signals, int signalPartitions, String prices, int pricePartitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(signals, signalPartitions, (short) 1), new NewTopic(prices, pricePartitions, (short) 1)))
                .all().get();
    }

    private static KafkaProducer<String, String> producer(String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        KafkaProducer<String, String> producer = new KafkaProducer<>(p);
        if (transactionalId != null) {
            producer.initTransactions();
        }
        return producer;
    }

    /** A signal row as the job's sink writes it: key = symbol, header data_source. */
    private static ProducerRecord<String, String> row(String topic, ObjectNode row) {
        return new ProducerRecord<>(topic, null, row.get("symbol").asText(), row.toString(), List.of(replay()));
    }

    private static ProducerRecord<String, String> price(String topic, PriceTick price) {
        return new ProducerRecord<>(topic, null, price.underlying() + "/" + price.kind(), PriceTickJson.toJson(price),
                List.of(replay()));
    }

    private static RecordHeader replay() {
        return new RecordHeader(Topics.DATA_SOURCE_HEADER, "REPLAY".getBytes(StandardCharsets.UTF_8));
    }
}
