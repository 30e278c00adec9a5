package com.tradesignal.job.replay;

import com.tradesignal.cli.ReplayRun;
import com.tradesignal.job.LocalRunConfig;
import com.tradesignal.job.journal.TickJournal;
import com.tradesignal.market.MarketTime;
import com.tradesignal.serde.TickSerializer;
import com.tradesignal.source.replay.ReplaySource;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticks journal: recorded ticks written through the job's journal sink (exactly once, keyed by token, the replay
 * format's JSON, the exchange time as record time) and replayed from Kafka between two times give exactly the candles
 * and signals of a replay of the files.
 */
class JournalReplayIT {
    private static final long NIFTY = 256265;
    private static final long BANKNIFTY = 260105;

    @TempDir
    Path dir;

    @Test
    void aReplayOfTheJournalGivesTheSameCandlesAndSignalsAsAReplayOfTheFiles() throws Exception {
        List<NseMinuteFixture.Row> nifty = firstDays(NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-nifty.csv")), 3);
        List<NseMinuteFixture.Row> bnf = firstDays(NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-bnf.csv")), 3);
        Path ticks = dir.resolve("ticks");
        Files.createDirectories(ticks);
        FixtureTicks.writeCsv(ticks.resolve("nifty.csv"), NIFTY, nifty);
        FixtureTicks.writeJsonLines(ticks.resolve("bnf.jsonl"), BANKNIFTY, bnf);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);

        ReplayRun.run(request(ticks, dir.resolve("from-files")), quiet);

        try (KafkaClusterTestKit kafka = InJvmKafka.start()) {
            Properties props = new Properties();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                admin.createTopics(List.of(new NewTopic("ticks", 3, (short) 1))).all().get();
            }
            // what the live cluster job does with every tick it receives
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                    LocalRunConfig.of(2, dir.resolve("journal-checkpoints"), Duration.ofSeconds(1), null));
            env.fromSource(ReplaySource.builder().ticks(List.of(ticks)).build(), WatermarkStrategy.noWatermarks(), "ticks",
                            TickSerializer.TYPE)
                    .sinkTo(TickJournal.sink(kafka.bootstrapServers(), "ticks", "journal-it"));
            env.execute("write the journal");

            // from the first session's 09:00 to the end of the journal
            Instant firstMorning = Instant.ofEpochMilli(MarketTime.at(MarketTime.istDate(nifty.get(0).start()), LocalTime.of(9, 0)));
            ReplayRun.run(request(null, dir.resolve("from-journal"))
                    .fromJournal(new ReplayRun.JournalInput(kafka.bootstrapServers(), "ticks", firstMorning, null)), quiet);
        }

        for (String file : List.of("candles.jsonl", "signals.jsonl")) {
            List<String> fromFiles = Files.readAllLines(dir.resolve("from-files").resolve(file));
            List<String> fromJournal = Files.readAllLines(dir.resolve("from-journal").resolve(file));
            assertThat(fromFiles).as(file).hasSizeGreaterThan(500);
            assertThat(sorted(fromJournal)).as(file).isEqualTo(sorted(fromFiles));
        }
        assertThat(Files.readString(dir.resolve("from-journal").resolve("summary.json"))).contains("kafka").contains("topic ticks");
    }

    private static ReplayRun.Request request(Path ticks, Path out) {
        return new ReplayRun.Request(ticks == null ? List.of() : List.of(ticks), null, out, false, 2, Duration.ofSeconds(2),
                Duration.ofSeconds(5), null, null, 0, ReplayRun.Mode.REPLAY, false, List.of());
    }

    private static List<NseMinuteFixture.Row> firstDays(List<NseMinuteFixture.Row> rows, int days) {
        Set<LocalDate> first = rows.stream().map(r -> MarketTime.istDate(r.start()))
                .collect(Collectors.toCollection(TreeSet::new)).stream().limit(days).collect(Collectors.toSet());
        return rows.stream().filter(r -> first.contains(MarketTime.istDate(r.start()))).toList();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
