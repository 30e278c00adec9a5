package com.tradesignal.it.servers;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test of the real-server harness: a Kafka broker and a Flink session cluster (1 TaskManager, 2 slots) as
 * separate JVM processes on 127.0.0.1. It creates topics and round-trips a record through the broker, uploads the
 * shaded job jar and replays a few minutes of ticks through its ClusterJob into Kafka, runs a long {@link SmokeJob}
 * through a TaskManager killed with SIGKILL and replaced, stops it with a savepoint and resumes it from there, then
 * closes everything and checks that every PID has gone. About a minute on two idle cores.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RealServersIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SMOKE_JOB = SmokeJob.class.getName();
    /** The shaded jar's cluster entry point (job/src/main/java/com/tradesignal/job/cluster). */
    private static final String CLUSTER_JOB = "com.tradesignal.job.cluster.ClusterJob";
    private static final String SIGNALS = "it-signals";

    @Test
    void kafkaAndFlinkRunAsProcessesSurviveAKilledTaskManagerAndStopByPid() throws Exception {
        long t0 = System.nanoTime();
        Path work = ServerProcesses.freshWorkDir("RealServersIT");
        List<Long> pids = new ArrayList<>();

        CompletableFuture<KafkaBrokerProcess> kafkaStart =
                CompletableFuture.supplyAsync(() -> KafkaBrokerProcess.start(work.resolve("kafka")));
        FlinkSessionCluster startedFlink;
        try {
            // ClusterJob's exactly-once sink commits on checkpoints, and a bounded run ends with one: check often.
            startedFlink = FlinkSessionCluster.start(work.resolve("flink"), 1, 2, Map.of("execution.checkpointing.interval", "1 s"));
        } catch (RuntimeException e) {
            kafkaStart.handle((kafka, error) -> {
                if (kafka != null) {
                    kafka.close();
                }
                return null;
            }).join();
            throw e;
        }
        try (FlinkSessionCluster flink = startedFlink; KafkaBrokerProcess kafka = kafkaStart.join()) {
            log(t0, "started " + kafka + " and " + flink);
            pids.add(kafka.pid());
            pids.addAll(flink.pids());
            assertThat(pids).allMatch(ServerProcesses::isAlive).doesNotContain(ProcessHandle.current().pid());

            kafkaTopicRoundTrip(kafka);
            log(t0, "Kafka topic created and a record round-tripped");

            FlinkSessionCluster.Overview overview = flink.overview();
            assertThat(overview.taskManagers()).isEqualTo(1);
            assertThat(overview.slotsTotal()).isEqualTo(2);
            assertThat(overview.flinkVersion()).isEqualTo("2.2.1");
            assertThat(flink.registeredTaskManagers()).containsExactly("tm-0");

            // The shaded job jar uploads, and its cluster entry point replays a few minutes of ticks into Kafka.
            // (ClusterCrashIT tests what it writes; this only shows that the jar runs on a real cluster.)
            Path jobJar = ServerProcesses.jobJar();
            String jobJarId = flink.uploadJar(jobJar);
            assertThat(jobJarId).endsWith("_tradesignal-job.jar");
            assertThat(flink.get("/jars").path("files").findValuesAsText("id")).contains(jobJarId);
            log(t0, "uploaded " + jobJar.getFileName() + " (" + Files.size(jobJar) / 1_000_000 + " MB) as " + jobJarId);
            Path ticks = writeTicks(work.resolve("ticks.csv"));
            String replay = flink.run(jobJarId, CLUSTER_JOB, List.of("--mode", "replay", "--kafka.bootstrap", kafka.bootstrap(),
                    "--replay.files", ticks.toString(), "--topics.signals", SIGNALS, "--prices", "false",
                    "--transactional-id-prefix", "it-smoke"), null, 2);
            flink.awaitStatus(replay, "FINISHED", WAIT);
            List<String> rows = readCommitted(kafka, SIGNALS);
            assertThat(rows).isNotEmpty();
            log(t0, CLUSTER_JOB + " " + replay + " FINISHED, " + rows.size() + " committed rows in " + SIGNALS);

            String smokeJarId = flink.uploadJar(smokeJobJar(work.resolve("smoke-job.jar")));

            // A long job checkpoints, loses its TaskManager to SIGKILL, and recovers on a new one.
            String longJob = flink.run(smokeJarId, SMOKE_JOB, List.of("100000000", "1"), null, 2);
            flink.awaitStatus(longJob, "RUNNING", WAIT);
            long completedBeforeKill = awaitCheckpoints(flink, longJob, 1);
            log(t0, "long job " + longJob + " RUNNING, " + completedBeforeKill + " checkpoint(s)");

            FlinkSessionCluster.TaskManager first = flink.taskManagers().get(0);
            int exitCode = flink.killTaskManager(0);
            assertThat(exitCode).as("exit code of a SIGKILLed JVM: 128 + 9").isEqualTo(137);
            assertThat(ServerProcesses.isAlive(first.pid())).isFalse();
            long completedAtKill = flink.checkpoints(longJob).completed();
            FlinkSessionCluster.TaskManager second = flink.startTaskManager();
            pids.add(second.pid());
            log(t0, "killed TaskManager pid " + first.pid() + " (exit " + exitCode + "), started pid " + second.pid());

            // The JobManager has dropped tm-0 and registered tm-1, with both slots.
            overview = flink.awaitRegistered(WAIT);
            assertThat(flink.registeredTaskManagers()).containsExactly("tm-1");
            assertThat(overview.taskManagers()).isEqualTo(1);
            assertThat(overview.slotsTotal()).isEqualTo(2);
            log(t0, "/overview shows " + overview.taskManagers() + " TaskManager (tm-1), " + overview.slotsTotal() + " slots again");

            // The job restarted from a checkpoint and checkpoints again, on the new TaskManager.
            flink.awaitAllTasksRunning(longJob, WAIT);
            FlinkSessionCluster.Checkpoints afterRecovery = awaitCheckpointSinceRestore(flink, longJob);
            assertThat(afterRecovery.restored()).as("restored from a checkpoint after the kill").isGreaterThanOrEqualTo(1);
            assertThat(afterRecovery.completed()).isGreaterThan(completedAtKill);
            assertThat(flink.jobStatus(longJob)).isEqualTo("RUNNING");
            log(t0, "long job recovered: " + afterRecovery);

            // Stop with a savepoint, and resume from it.
            String savepoint = flink.stopWithSavepoint(longJob, work.resolve("savepoints"));
            flink.awaitStatus(longJob, "FINISHED", WAIT);
            assertThat(Path.of(java.net.URI.create(savepoint)).resolve("_metadata")).isRegularFile();
            log(t0, "stopped with savepoint " + savepoint);

            String resumed = flink.run(smokeJarId, SMOKE_JOB, List.of("100000000", "1"), savepoint, 2);
            flink.awaitStatus(resumed, "RUNNING", WAIT);
            assertThat(awaitRestore(flink, resumed).latestRestoredPath()).isEqualTo(savepoint);
            flink.cancel(resumed);
            flink.awaitStatus(resumed, "CANCELED", WAIT);
            log(t0, "resumed job " + resumed + " from the savepoint, then cancelled it");

            pids.addAll(flink.pids());
        }
        log(t0, "closed; checking PIDs " + pids);
        assertThat(pids).noneMatch(ServerProcesses::isAlive);
    }

    private static void kafkaTopicRoundTrip(KafkaBrokerProcess kafka) throws Exception {
        String topic = "it-smoke";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(SIGNALS, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(description.partitions()).hasSize(2);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "k", "hello")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-smoke",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            assertThat(values).containsExactly("hello");
        }
    }

    /** Waits until the job has at least {@code atLeast} completed checkpoints; returns the count. */
    private static long awaitCheckpoints(FlinkSessionCluster flink, String jobId, long atLeast) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        FlinkSessionCluster.Checkpoints last = null;
        while (System.nanoTime() < deadline) {
            last = flink.checkpoints(jobId);
            if (last.completed() >= atLeast) {
                return last.completed();
            }
            ServerProcesses.sleep(200);
        }
        throw new AssertionError("Job " + jobId + " has " + last + ", expected " + atLeast + " completed; status "
                + flink.jobStatus(jobId) + "; " + flink.rootException(jobId));
    }

    /** Waits until the JobManager reports that the job restored from a checkpoint or savepoint. */
    private static FlinkSessionCluster.Checkpoints awaitRestore(FlinkSessionCluster flink, String jobId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        FlinkSessionCluster.Checkpoints last = null;
        while (System.nanoTime() < deadline) {
            last = flink.checkpoints(jobId);
            if (last.restored() > 0 && last.latestRestoredPath() != null) {
                return last;
            }
            ServerProcesses.sleep(200);
        }
        throw new AssertionError("Job " + jobId + " reported no restore: " + last);
    }

    /** Waits until the job has restored and completed a checkpoint since: it runs again with its state. */
    private static FlinkSessionCluster.Checkpoints awaitCheckpointSinceRestore(FlinkSessionCluster flink, String jobId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        FlinkSessionCluster.Checkpoints last = null;
        while (System.nanoTime() < deadline) {
            last = flink.checkpoints(jobId);
            if (last.completedSinceRestore()) {
                return last;
            }
            ServerProcesses.sleep(200);
        }
        throw new AssertionError("Job " + jobId + " completed no checkpoint after a restore: " + last + "; status "
                + flink.jobStatus(jobId) + "; " + flink.rootException(jobId));
    }

    /** Four minutes of NIFTY 50 ticks, one every 2 s, from the open on 1 Dec 2022. */
    private static Path writeTicks(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("instrument_token,timestamp,last_price\n");
        java.time.ZonedDateTime open = java.time.ZonedDateTime.parse("2022-12-01T09:15:00+05:30");
        double price = 18800;
        for (int i = 0; i < 120; i++) {
            price += (i % 7 == 0 ? -1.5 : 0.75);
            csv.append(256265).append(',').append(open.plusSeconds(2L * i).toOffsetDateTime())
                    .append(',').append(String.format(java.util.Locale.ROOT, "%.2f", price)).append('\n');
        }
        Files.writeString(file, csv);
        return file;
    }

    /** Every committed record of the topic (read_committed), read to its end. */
    private static List<String> readCommitted(KafkaBrokerProcess kafka, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    /** A jar of SmokeJob's class files (it and its nested classes), the way a user jar reaches a cluster. */
    private static Path smokeJobJar(Path jar) throws IOException {
        String packageDir = SmokeJob.class.getPackageName().replace('.', '/');
        List<Class<?>> classes = new ArrayList<>(List.of(SmokeJob.class));
        classes.addAll(List.of(SmokeJob.class.getDeclaredClasses()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SMOKE_JOB);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Class<?> c : classes) {
                String file = c.getName().substring(c.getPackageName().length() + 1) + ".class";
                try (InputStream in = SmokeJob.class.getResourceAsStream(file)) {
                    assertThat(in).as("class file %s", file).isNotNull();
                    jarOut.putNextEntry(new JarEntry(packageDir + "/" + file));
                    in.transferTo(jarOut);
                    jarOut.closeEntry();
                }
            }
        }
        try (JarFile check = new JarFile(jar.toFile())) {
            assertThat(check.getEntry(packageDir + "/SmokeJob.class")).isNotNull();
            assertThat(check.getEntry(packageDir + "/SmokeJob$Pace.class")).isNotNull();
        }
        return jar;
    }

    private static void log(long t0, String message) {
        System.out.printf("[RealServersIT %5.1f s] %s%n", (System.nanoTime() - t0) / 1e9, message);
    }
}
