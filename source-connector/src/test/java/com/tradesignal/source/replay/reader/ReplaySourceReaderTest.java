package com.tradesignal.source.replay.reader;

import com.tradesignal.source.replay.ReplaySettings;
import com.tradesignal.source.replay.files.BadLinePolicy;
import com.tradesignal.source.replay.split.TickShardSplit;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplaySourceReaderTest {
    private static final long T0 = 1_669_866_300_000L; // 2022-12-01T09:15:00+05:30

    @TempDir
    Path dir;

    /** Two files, three instruments, interleaved in time; each line's price is unique so order is checkable. */
    private List<String> writeFiles() throws Exception {
        StringBuilder a = new StringBuilder("instrument_token,timestamp,last_price\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            long ts = T0 + i * 1000L;
            a.append(256265).append(',').append(ts).append(',').append(100 + i).append('\n');
            a.append(260105).append(',').append(ts).append(',').append(1000 + i).append('\n');
            b.append("{\"instrument_token\":265,\"timestamp\":").append(ts / 1000).append(",\"last_price\":").append(5000 + i).append("}\n");
        }
        Files.writeString(dir.resolve("a.csv"), a);
        Files.writeString(dir.resolve("b.jsonl"), b);
        return List.of(dir.resolve("a.csv").toString(), dir.resolve("b.jsonl").toString());
    }

    private static ReplaySourceReader reader(List<String> files, BadLinePolicy policy) {
        return new ReplaySourceReader(new TestingReaderContext(), new ReplaySettings(files, policy, 0));
    }

    /** Polls until the reader has emitted {@code limit} ticks or reached the end of its input. */
    private static List<Tick> drain(SourceReader<Tick, TickShardSplit> reader, int limit) throws Exception {
        TestingReaderOutput<Tick> output = new TestingReaderOutput<>();
        while (output.getEmittedRecords().size() < limit) {
            InputStatus status = reader.pollNext(output);
            if (status == InputStatus.END_OF_INPUT) break;
            if (status == InputStatus.NOTHING_AVAILABLE) reader.isAvailable().get(10, TimeUnit.SECONDS);
        }
        return new ArrayList<>(output.getEmittedRecords());
    }

    @Test
    void aReaderEmitsAllTicksOfItsShardsInstrumentsInTimeOrder() throws Exception {
        List<String> files = writeFiles();
        List<Tick> all = new ArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            TickShardSplit split = TickShardSplit.fromStart(files, shard, 2);
            try (ReplaySourceReader reader = reader(files, BadLinePolicy.FAIL)) {
                reader.start();
                reader.addSplits(List.of(split));
                reader.notifyNoMoreSplits();
                List<Tick> ticks = drain(reader, Integer.MAX_VALUE);
                assertThat(ticks).allMatch(t -> split.owns(t.token));
                for (int i = 1; i < ticks.size(); i++) {
                    assertThat(ticks.get(i).exchangeTime).isGreaterThanOrEqualTo(ticks.get(i - 1).exchangeTime);
                }
                all.addAll(ticks);
            }
        }
        assertThat(all).hasSize(900);
        assertThat(all).extracting(t -> t.token).containsOnly(256265L, 260105L, 265L);
    }

    @Test
    void aSnapshotTakenMidwayResumesExactlyAfterTheLastEmittedTick() throws Exception {
        List<String> files = writeFiles();
        TickShardSplit whole = TickShardSplit.fromStart(files, 0, 1);
        List<Tick> uninterrupted;
        try (ReplaySourceReader reader = reader(files, BadLinePolicy.FAIL)) {
            reader.start();
            reader.addSplits(List.of(whole));
            reader.notifyNoMoreSplits();
            uninterrupted = drain(reader, Integer.MAX_VALUE);
        }

        List<Tick> resumed;
        List<TickShardSplit> checkpoint;
        try (ReplaySourceReader reader = reader(files, BadLinePolicy.FAIL)) {
            reader.start();
            reader.addSplits(List.of(whole));
            resumed = drain(reader, 437);
            checkpoint = reader.snapshotState(1);
        }
        try (ReplaySourceReader reader = reader(files, BadLinePolicy.FAIL)) {
            reader.start();
            reader.addSplits(checkpoint);
            reader.notifyNoMoreSplits();
            resumed.addAll(drain(reader, Integer.MAX_VALUE));
        }
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(uninterrupted).hasSize(900);
    }

    @Test
    void aMalformedLineFailsTheReaderWithFileLineAndField() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "instrument_token,timestamp,last_price\n256265," + T0 + ",100\n256265," + (T0 + 1000) + ",abc\n");
        try (ReplaySourceReader reader = reader(List.of(bad.toString()), BadLinePolicy.FAIL)) {
            reader.start();
            reader.addSplits(List.of(TickShardSplit.fromStart(List.of(bad.toString()), 0, 1)));
            reader.notifyNoMoreSplits();
            assertThatThrownBy(() -> drain(reader, Integer.MAX_VALUE))
                    .rootCause().hasMessageContaining("bad.csv:3: field 'last_price'");
        }
    }

    @Test
    void withSkipAMalformedLineIsPassedOverAndTheRestIsRead() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "instrument_token,timestamp,last_price\n256265," + T0 + ",100\n256265,yesterday,101\n256265,"
                + (T0 + 2000) + ",102\n");
        try (ReplaySourceReader reader = reader(List.of(bad.toString()), BadLinePolicy.SKIP)) {
            reader.start();
            reader.addSplits(List.of(TickShardSplit.fromStart(List.of(bad.toString()), 0, 1)));
            reader.notifyNoMoreSplits();
            assertThat(drain(reader, Integer.MAX_VALUE)).extracting(t -> t.lastPrice).containsExactly(100.0, 102.0);
        }
    }

    @Test
    void wakeUpCutsTheRateLimitWaitShort() throws Exception {
        List<String> files = writeFiles();
        TickFileSplitReader splitReader = new TickFileSplitReader(new ReplaySettings(files, BadLinePolicy.FAIL, 1),
                new org.apache.flink.metrics.SimpleCounter());
        splitReader.handleSplitsChanges(new org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition<>(
                List.of(TickShardSplit.fromStart(files, 0, 1))));
        assertThat(splitReader.fetch().nextSplit()).isNotNull(); // uses the one tick of this second
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
            }
            splitReader.wakeUp();
        });
        waker.start();
        long started = System.nanoTime();
        splitReader.fetch(); // would wait for the next second's budget
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        waker.join();
        splitReader.close();
        assertThat(waitedMillis).isLessThan(900);
    }
}
