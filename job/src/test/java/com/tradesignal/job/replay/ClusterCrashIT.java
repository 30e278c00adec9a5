package com.tradesignal.job.replay;

import com.tradesignal.it.servers.FlinkSessionCluster;
import com.tradesignal.it.servers.KafkaBrokerProcess;
import com.tradesignal.job.cluster.ClusterJob;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.MarketClock;
import com.tradesignal.simulator.KiteSimulator;
import com.tradesignal.market.MarketTime;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On real servers (a Kafka broker and a Flink session cluster, each its own JVM started from Maven jars): a
 * multi-day recorded replay through the cluster job into the exactly-once {@code signals} topic. Killing the
 * TaskManager with SIGKILL mid-replay, or stopping with a savepoint and resuming at another parallelism, must leave
 * the committed topic equal to a failure-free run's: no candle lost, none duplicated. The same cluster also runs the
 * job in simulator mode against TradeSignal's Kite-protocol simulator.
 */
class ClusterCrashIT {
    private static final Path JOB_JAR = Path.of("target", "tradesignal-job.jar").toAbsolutePath();
    /** Paced so a run lasts long enough to be interrupted after a few checkpoints. */
    private static final String PACE = "600";

    @TempDir
    static Path dir;
    static KafkaBrokerProcess kafka;
    static FlinkSessionCluster flink;
    static String jarId;
    static Path ticks;
    static List<String> baseline;

    @BeforeAll
    static void startServersAndRunTheFailureFreeReplay() throws Exception {
        assertThat(JOB_JAR).as("the shaded job jar (mvn package)").exists();
        ticks = dir.resolve("ticks");
        Files.createDirectories(ticks);
        FixtureTicks.writeCsv(ticks.resolve("nifty.csv"), 256265, days(NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-nifty.csv")), 4));
        FixtureTicks.writeJsonLines(ticks.resolve("bnf.jsonl"), 260105, days(NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-bnf.csv")), 4));

        kafka = KafkaBrokerProcess.start(dir.resolve("kafka"));
        flink = FlinkSessionCluster.start(dir.resolve("flink"), 1, 2, Map.of(
                "execution.checkpointing.interval", "1 s",
                "state.backend.type", "rocksdb"));
        try (Admin admin = Admin.create(props())) {
            admin.createTopics(List.of(new NewTopic("signals-baseline", 1, (short) 1), new NewTopic("signals-crash", 1, (short) 1),
                    new NewTopic("signals-rescaled", 1, (short) 1))).all().get();
        }
        jarId = flink.uploadJar(JOB_JAR);
        String job = flink.run(jarId, ClusterJob.class.getName(), args("signals-baseline", "baseline", "0"), null, 2);
        flink.awaitStatus(job, "FINISHED", Duration.ofMinutes(3));
        baseline = readCommitted("signals-baseline");
        assertThat(baseline).hasSizeGreaterThan(1000);
    }

    @AfterAll
    static void stopServers() {
        if (flink != null) flink.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void aTaskManagerKilledMidReplayLosesNothingAndDuplicatesNothing() throws Exception {
        String job = flink.run(jarId, ClusterJob.class.getName(), args("signals-crash", "crash", PACE), null, 2);
        awaitCompletedCheckpoints(job, 3);
        long pid = flink.taskManagers().get(0).pid();
        flink.killTaskManager(0);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        flink.startTaskManager();
        flink.awaitStatus(job, "FINISHED", Duration.ofMinutes(4));
        assertThat(flink.checkpoints(job).restored()).as("the job restarted from a checkpoint").isPositive();
        assertThat(sorted(readCommitted("signals-crash"))).isEqualTo(sorted(baseline));
    }

    @Test
    void aStopWithSavepointAndAResumeAtAnotherParallelismLosesNothingAndDuplicatesNothing() throws Exception {
        String first = flink.run(jarId, ClusterJob.class.getName(), args("signals-rescaled", "rescaled", PACE), null, 2);
        awaitCompletedCheckpoints(first, 2);
        String savepoint = flink.stopWithSavepoint(first, dir.resolve("savepoints"));
        assertThat(flink.jobStatus(first)).isEqualTo("FINISHED");
        String second = flink.run(jarId, ClusterJob.class.getName(), args("signals-rescaled", "rescaled", "0"), savepoint, 1);
        flink.awaitStatus(second, "FINISHED", Duration.ofMinutes(3));
        assertThat(sorted(readCommitted("signals-rescaled"))).isEqualTo(sorted(baseline));
    }

    @Test
    void inSimulatorModeTheClusterJobJournalsTicksAndPublishesSignalsAndPricesWithNoSecretInItsConfiguration() throws Exception {
        Instant marketStart = LocalDate.of(2026, 11, 27).atTime(9, 14).toInstant(MarketTime.IST);
        Instant wallStart = Instant.now();
        MarketClock clock = MarketClock.simulated(marketStart, wallStart, 60);
        try (KiteSimulator sim = KiteSimulator.builder().clock(clock).build().start()) {
            StateDirectory state = new StateDirectory(dir.resolve("sim-state"));
            AccessToken token = sim.issueAccessToken();
            new FileTokenStore(state.tokenFile()).save(token);
            try (Admin admin = Admin.create(props())) {
                admin.createTopics(List.of(new NewTopic("signals-sim", 1, (short) 1), new NewTopic("prices-sim", 1, (short) 1),
                        new NewTopic("ticks-sim", 2, (short) 1))).all().get();
            }
            String job = flink.run(jarId, ClusterJob.class.getName(), List.of("--mode", "simulator",
                    "--kafka.bootstrap", kafka.bootstrap(), "--kite.url", sim.endpoints().apiRoot(), "--kite.api-key", sim.apiKey(),
                    "--state.dir", state.root().toString(), "--underlyings", "NIFTY",
                    "--kite.market-clock", marketStart.atOffset(MarketTime.IST) + "," + wallStart + ",60",
                    "--topics.signals", "signals-sim", "--topics.prices", "prices-sim", "--topics.ticks", "ticks-sim",
                    "--transactional-id-prefix", "sim"), null, 1);
            try {
                long deadline = System.currentTimeMillis() + 150_000;
                while (readCommitted("signals-sim").stream().noneMatch(r -> r.contains("\"verdict\"") && r.contains("\"NIFTY 50\""))) {
                    assertThat(flink.jobStatus(job)).as(flink.rootException(job)).isEqualTo("RUNNING");
                    assertThat(System.currentTimeMillis()).as("an index row with its verdict within 150 s").isLessThan(deadline);
                    Thread.sleep(1000);
                }
                List<String> journal = readCommitted("ticks-sim");
                assertThat(journal).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith("{\"instrument_token\":"));
                assertThat(readCommitted("prices-sim")).anySatisfy(p -> assertThat(p).contains("\"underlying\":\"NIFTY\""));
                // what the web UI shows of the job: its arguments, and never the access token
                String config = flink.get("/jobs/" + job + "/config").toString();
                assertThat(config).contains("simulator").doesNotContain(token.token());
            } finally {
                flink.cancel(job);
            }
        }
    }

    private static List<String> args(String topic, String prefix, String pace) {
        return List.of("--mode", "replay", "--kafka.bootstrap", kafka.bootstrap(), "--replay.files", ticks.toString(),
                "--topics.signals", topic, "--prices", "false", "--transactional-id-prefix", prefix,
                "--replay.max-ticks-per-second", pace);
    }

    private static void awaitCompletedCheckpoints(String job, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (flink.checkpoints(job).completed() < n) {
            assertThat(flink.jobStatus(job)).as("job %s: %s", job, flink.rootException(job)).isIn("RUNNING", "CREATED", "INITIALIZING");
            assertThat(System.currentTimeMillis()).as("%d checkpoints in 2 minutes", n).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static Properties props() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrap());
        return p;
    }

    /** Every committed record of the topic, read to its end with read_committed. */
    static List<String> readCommitted(String topic) {
        Properties p = props();
        p.put("isolation.level", "read_committed");
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 60_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    private static List<NseMinuteFixture.Row> days(List<NseMinuteFixture.Row> rows, int n) {
        Set<LocalDate> first = rows.stream().map(r -> MarketTime.istDate(r.start()))
                .collect(Collectors.toCollection(TreeSet::new)).stream().limit(n).collect(Collectors.toSet());
        return rows.stream().filter(r -> first.contains(MarketTime.istDate(r.start()))).toList();
    }
}
