package com.tradesignal.source.kite.reader;

import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import com.tradesignal.simulator.KiteSimulator;
import com.tradesignal.source.kite.KiteSource;
import com.tradesignal.source.kite.split.KiteSplit;
import com.tradesignal.source.kite.split.KiteSplitPlanner;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The live reader with Flink's testing reader context, fed by the simulator over a real WebSocket. */
class KiteSourceReaderTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @TempDir
    Path dir;

    @Test
    void aReaderWithTwoConnectionsEmitsTheirTicksAndCheckpointsWhereEachLeftOff() throws Exception {
        MarketClock clock = MarketClock.simulated(DAY.atTime(9, 16).toInstant(MarketTime.IST), 60);
        try (KiteSimulator sim = KiteSimulator.builder().clock(clock).build().start()) {
            new FileTokenStore(new StateDirectory(dir).tokenFile()).save(sim.issueAccessToken());
            KiteSource source = KiteSource.builder().apiKey(sim.apiKey()).endpoints(sim.endpoints()).clock(clock)
                    .underlyings(List.of("NIFTY", "BANKNIFTY")).stateDirectory(dir).maxConnections(2)
                    .backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
            List<KiteSplit> splits = KiteSplitPlanner.plan(List.of("NIFTY", "BANKNIFTY"), List.of(), 0, 2, 3000);
            TestingReaderOutput<Tick> output = new TestingReaderOutput<>();
            List<KiteSplit> checkpoint;
            try (SourceReader<Tick, KiteSplit> reader = source.createReader(new TestingReaderContext())) {
                reader.start();
                reader.addSplits(splits);
                long deadline = System.currentTimeMillis() + 30_000;
                while (tokens(output).size() < 4 && System.currentTimeMillis() < deadline) {
                    InputStatus status = reader.pollNext(output);
                    if (status == InputStatus.NOTHING_AVAILABLE) {
                        reader.isAvailable().get(10, TimeUnit.SECONDS);
                    }
                }
                checkpoint = reader.snapshotState(1);
            }
            assertThat(tokens(output)).as("both indices and both futures").hasSize(4).contains(256265L, 260105L);
            assertThat(checkpoint).extracting(KiteSplit::splitId).containsExactlyInAnyOrder("kite-0", "kite-1");
            long lastEmitted = output.getEmittedRecords().stream().mapToLong(t -> t.exchangeTime).max().orElseThrow();
            assertThat(checkpoint).allSatisfy(s -> {
                assertThat(s.hasResumePoint()).isTrue();
                assertThat(s.lastExchangeTime()).isLessThanOrEqualTo(lastEmitted);
                assertThat(s.lastCumulativeVolume()).as("the future's cumulative volume").hasSize(1);
            });
            assertThat(sim.stats().connectionsAccepted()).isEqualTo(2);
        }
    }

    private static Set<Long> tokens(TestingReaderOutput<Tick> output) {
        return output.getEmittedRecords().stream().map(t -> t.token).collect(Collectors.toSet());
    }
}
