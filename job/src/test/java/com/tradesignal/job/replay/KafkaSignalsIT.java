package com.tradesignal.job.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.candle.Candle;
import com.tradesignal.job.LocalRunConfig;
import com.tradesignal.job.TradeSignalJob;
import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.signals.SignalRowJson;
import com.tradesignal.job.sink.JsonLinesFileSink;
import com.tradesignal.job.sink.KafkaSignals;
import com.tradesignal.market.MarketTime;
import com.tradesignal.publisher.kafka.SignalsTopicReader;
import com.tradesignal.publisher.kafka.Topics;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import com.tradesignal.source.replay.ReplaySource;
import com.tradesignal.tick.Tick;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster mode end to end without a cluster: two real NIFTY sessions through the job, its rows and prices through
 * the Kafka sinks into a broker in this JVM, and back through the publisher's reader onto a board. What the board
 * shows must be what the job wrote, and the topic must hold every row exactly once.
 */
class KafkaSignalsIT {
    private static final long NIFTY = 256265;
    private static final String SIGNALS = "signals";
    private static final String PRICES = "prices";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static KafkaClusterTestKit cluster;
    static List<NseMinuteFixture.Row> minutes;
    static List<String> jobRows;

    @BeforeAll
    static void replayTwoSessionsIntoKafka() throws Exception {
        cluster = InJvmKafka.start();
        Properties adminProps = new Properties();
        adminProps.put("bootstrap.servers", cluster.bootstrapServers());
        try (Admin admin = Admin.create(adminProps)) {
            admin.createTopics(List.of(new NewTopic(SIGNALS, 2, (short) 1), new NewTopic(PRICES, 1, (short) 1))).all().get();
        }

        List<NseMinuteFixture.Row> december = NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-nifty.csv"));
        Set<LocalDate> firstTwoDays = december.stream().map(r -> MarketTime.istDate(r.start()))
                .collect(Collectors.toCollection(TreeSet::new)).stream().limit(2).collect(Collectors.toSet());
        minutes = december.stream().filter(r -> firstTwoDays.contains(MarketTime.istDate(r.start()))).toList();
        Path ticks = dir.resolve("ticks");
        Files.createDirectories(ticks);
        FixtureTicks.writeCsv(ticks.resolve("nifty.csv"), NIFTY, minutes);

        Path rowsFile = dir.resolve("signals.jsonl");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                LocalRunConfig.of(2, dir.resolve("checkpoints"), Duration.ofSeconds(1), null));
        TradeSignalJob.Settings settings = TradeSignalJob.Settings.defaults();
        DataStream<Tick> tickStream = TradeSignalJob.ticks(env, ReplaySource.builder().ticks(List.of(ticks)).build(), settings);
        DataStream<Candle> candles = TradeSignalJob.candlesFromTicks(tickStream, settings);
        DataStream<SignalRow> rows = TradeSignalJob.signals(candles, settings);
        TradeSignalJob.writeSignals(rows, new JsonLinesFileSink<>(rowsFile, SignalRowJson::toJson));
        KafkaSignals.Settings kafka = KafkaSignals.Settings.of(cluster.bootstrapServers(), DataSource.REPLAY)
                .withTransactionalIdPrefix("kafka-signals-it");
        TradeSignalJob.publishSignals(rows, KafkaSignals.signalSink(kafka));
        TradeSignalJob.publishPrices(tickStream, settings, KafkaSignals.priceSink(kafka, settings.underlyings()));
        env.execute("KafkaSignalsIT");
        jobRows = Files.readAllLines(rowsFile);
        assertThat(jobRows).hasSizeGreaterThan(1000);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) cluster.close();
    }

    @Test
    void theSignalsTopicHoldsEveryRowTheJobWroteExactlyOnceKeyedBySymbol() {
        List<ConsumerRecord<String, String>> records = readCommitted(SIGNALS);
        assertThat(sorted(records.stream().map(ConsumerRecord::value).toList())).isEqualTo(sorted(jobRows));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(JSON.readTree(r.value()).get("symbol").asText());
            assertThat(new String(r.headers().lastHeader(Topics.DATA_SOURCE_HEADER).value(), StandardCharsets.UTF_8)).isEqualTo("REPLAY");
        });
        assertThat(readCommitted(PRICES)).hasSize(minutes.size() * 4); // every tick of the index is a price
    }

    @Test
    void aBoardFedFromKafkaShowsTheJobsLatestRowsBarsAndPrice() throws Exception {
        MarketBoard board = new MarketBoard(DataSource.LIVE, new PublisherMetrics());
        try (SignalsTopicReader reader = SignalsTopicReader.start(SignalsTopicReader.Settings.of(cluster.bootstrapServers()), board)) {
            assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            board.awaitApplied(10_000);

            Map<String, JsonNode> latest = new java.util.HashMap<>(board.latestRows("NIFTY"));
            for (String interval : MarketBoard.INTERVALS) {
                List<JsonNode> written = written(interval);
                assertThat(latest.get(interval)).as(interval).isEqualTo(written.get(written.size() - 1));
                List<Double> lastSession = written.subList(Math.max(0, written.size() - MarketBoard.MAX_BARS), written.size())
                        .stream().map(n -> n.get("close").asDouble()).toList();
                assertThat(board.bars("NIFTY", interval, MarketBoard.MAX_BARS)).extracting(b -> b.get("close").asDouble())
                        .as(interval).containsExactlyElementsOf(lastSession);
            }
            JsonNode price = board.snapshot(List.of("NIFTY")).get("NIFTY").get("price");
            assertThat(price.get("last").asDouble()).isEqualTo(minutes.get(minutes.size() - 1).close());
            assertThat(board.dataSource()).isEqualTo(DataSource.REPLAY);
            assertThat(board.metrics().malformedRows.sum()).isZero();
            assertThat(board.metrics().rowsDropped.sum()).isZero();
        } finally {
            board.close();
        }
    }

    /** The job's NIFTY rows of one interval, oldest first, as the file has them. */
    private static List<JsonNode> written(String interval) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jobRows) {
            JsonNode n = JSON.readTree(line);
            if (n.get("token").asLong() == NIFTY && n.get("interval").asText().equals(interval)) out.add(n);
        }
        out.sort(Comparator.comparing(n -> n.get("start").asText()));
        return out;
    }

    private static List<ConsumerRecord<String, String>> readCommitted(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 20_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
