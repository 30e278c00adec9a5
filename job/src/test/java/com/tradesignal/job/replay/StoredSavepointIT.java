package com.tradesignal.job.replay;

import com.tradesignal.cli.ReplayRun;
import com.tradesignal.job.journal.TickJournal;
import com.tradesignal.sim.SimulatedInstrument;
import com.tradesignal.sim.SimulatedSession;
import com.tradesignal.source.replay.files.TickJson;
import com.tradesignal.tick.Tick;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Savepoints carry across versions: a savepoint stored in the repository by an earlier version of the job (with the
 * output files as they were when it was taken) must restore on this version, and the replay must then end exactly as
 * an uninterrupted run. If an operator's uid, state or serializer changes incompatibly, this test fails.
 *
 * <p>The input is a journal of two SIMULATED sessions (NIFTY 50 and its future, from TradeSignal's simulator with a
 * fixed seed), written to a fresh broker the same way each time, so its offsets match the ones in the savepoint.
 * To store a new savepoint (after an intended, documented incompatible change):
 * {@code mvn -pl job verify -Dit.test=StoredSavepointIT -Dtradesignal.savepoint.generate=true}.
 */
class StoredSavepointIT {
    static final Path STORED = Path.of("src", "test", "resources", "savepoints", "journal-replay-v1").toAbsolutePath();
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27));

    @TempDir
    Path dir;

    @Test
    void aSavepointStoredByAnEarlierVersionRestoresAndTheReplayEndsAsIfUninterrupted() throws Exception {
        assertThat(STORED.resolve("savepoint/_metadata")).as("the stored savepoint").exists();
        try (KafkaClusterTestKit kafka = journal()) {
            ReplayRun.run(request(kafka, dir.resolve("uninterrupted"), null), quiet());

            Path out = dir.resolve("resumed");
            Files.createDirectories(out);
            for (String f : List.of("candles.jsonl", "signals.jsonl")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(STORED.resolve(f + ".gz")))) {
                    Files.copy(in, out.resolve(f));
                }
            }
            Path savepoint = copyTree(STORED.resolve("savepoint"), dir.resolve("savepoint"));
            ReplayRun.run(request(kafka, out, savepoint), quiet());
        }
        for (String f : List.of("candles.jsonl", "signals.jsonl")) {
            List<String> uninterrupted = Files.readAllLines(dir.resolve("uninterrupted").resolve(f));
            assertThat(uninterrupted).hasSizeGreaterThan(1000);
            assertThat(Files.readAllLines(dir.resolve("resumed").resolve(f)).stream().sorted().toList())
                    .as(f).isEqualTo(uninterrupted.stream().sorted().toList());
        }
    }

    /** Stores a new savepoint: the replay stopped about half way, and its output files as they were then. */
    @Test
    @EnabledIfSystemProperty(named = "tradesignal.savepoint.generate", matches = "true")
    void generate() throws Exception {
        try (KafkaClusterTestKit kafka = journal()) {
            Path out = dir.resolve("generated");
            ReplayRun.Running run = ReplayRun.start(request(kafka, out, null), quiet());
            Path candles = out.resolve("candles.jsonl");
            while (lines(candles) < 800) {
                Thread.sleep(10);
            }
            String savepoint = run.job().stopWithSavepoint(false, dir.resolve("sp").toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(1, TimeUnit.MINUTES);
            deleteTree(STORED);
            copyTree(Path.of(URI.create(savepoint)), STORED.resolve("savepoint"));
            for (String f : List.of("candles.jsonl", "signals.jsonl")) {
                // stored compressed: the output as it was at the savepoint, which the restored sinks continue
                try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(STORED.resolve(f + ".gz")))) {
                    Files.copy(out.resolve(f), gz);
                }
            }
        }
    }

    private static ReplayRun.Request request(KafkaClusterTestKit kafka, Path out, Path savepoint) {
        return new ReplayRun.Request(List.of(), null, out, false, 2, Duration.ofSeconds(2), Duration.ofSeconds(1), null,
                savepoint, 0, ReplayRun.Mode.SIMULATED, false, List.of())
                .fromJournal(new ReplayRun.JournalInput(kafka.bootstrapServers(), TickJournal.TOPIC,
                        DAYS.get(0).atTime(LocalTime.of(9, 0)).toInstant(com.tradesignal.market.MarketTime.IST), null));
    }

    /** A fresh broker with the journal of the two simulated sessions: one partition, one record per tick, no transactions. */
    private static KafkaClusterTestKit journal() throws Exception {
        KafkaClusterTestKit kafka = InJvmKafka.start();
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(TickJournal.TOPIC, 1, (short) 1))).all().get();
        }
        p.put("enable.idempotence", "true");
        p.put("acks", "all");
        List<SimulatedInstrument> nifty = SimulatedInstrument.defaults().stream()
                .filter(i -> i.token() == SimulatedInstrument.NIFTY_50_TOKEN || i.token() == SimulatedInstrument.NIFTY_SIM_FUT_TOKEN)
                .toList();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (LocalDate day : DAYS) {
                for (Tick t : SimulatedSession.builder(day).seed(11).ticksPerSecond(0.5).instruments(nifty).build()) {
                    producer.send(new ProducerRecord<>(TickJournal.TOPIC, 0, t.exchangeTime,
                            Long.toString(t.token).getBytes(StandardCharsets.UTF_8), TickJson.encode(t)));
                }
            }
            producer.flush();
        }
        return kafka;
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) return 0;
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true);
    }
}
