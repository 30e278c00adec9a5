package com.tradesignal.bench.latency;

import com.tradesignal.bench.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live-latency measurement at a tiny size (50 instruments, 3 clients, a few seconds): that every client gets
 * price updates, that each update is traced back through every stage to the frame that carried its tick, and that
 * the counts agree. It asserts no latency figure: those depend on the machine.
 */
class LiveLatencyRunTest {

    @Test
    void tracesEveryPublishedTickFromTheSimulatorToEachClient(@TempDir Path dir) throws Exception {
        LiveLatencyRun.Settings s = new LiveLatencyRun.Settings(50, 2.2, List.of(3), Duration.ofSeconds(2),
                Duration.ofSeconds(6), false, 2, Duration.ofSeconds(10));

        List<LiveLatencyRun.Result> results = LiveLatencyRun.run(s, dir, System.err);

        assertThat(results).hasSize(1);
        LiveLatencyRun.Result r = results.get(0);
        assertThat(r.clients()).isEqualTo(3);
        assertThat(r.snapshotsPerClient()).containsExactly(1, 1, 1);
        assertThat(Arrays.stream(r.samplesPerClient()).boxed().toList()).as("price updates measured per client")
                .allSatisfy(n -> assertThat(n).isPositive());

        // every update found its tick at every stage, in order, and the stages add up per sample
        assertThat(r.samples()).isPositive();
        assertThat(r.unmatched()).isZero();
        assertThat(r.incomplete()).isZero();
        assertThat(r.outOfOrder()).isZero();
        assertThat(r.splitMismatch()).isZero();
        assertThat(r.endToEnd().getTotalCount()).isEqualTo(r.samples());
        for (var stage : List.of(r.source(), r.job(), r.board(), r.fanOut())) {
            assertThat(stage.getTotalCount()).isEqualTo(r.samples());
        }
        assertThat(r.endToEnd().getMinValue()).isPositive();
        // the slowest sample's stages cannot exceed its total; each stage's max is at most the end-to-end max
        for (var stage : List.of(r.source(), r.job(), r.board(), r.fanOut())) {
            assertThat(r.endToEnd().highestEquivalentValue(r.endToEnd().getMaxValue()))
                    .isGreaterThanOrEqualTo(r.endToEnd().lowestEquivalentValue(stage.getMaxValue()));
        }

        // counts: ticks flow through, the six published instruments' prices reach the board and the clients
        assertThat(r.simTicksPerSecond()).isPositive();
        assertThat(r.feedTicksPerSecond()).isPositive();
        assertThat(r.boardPricesPerSecond()).isPositive().isLessThan(r.feedTicksPerSecond());
        assertThat(r.updatesDispatchedPerSecond()).isPositive().isLessThanOrEqualTo(r.boardPricesPerSecond());
        // each client gets each dispatched update once (no client was slow enough to lose any here)
        assertThat(r.clientDrops()).isZero();
        assertThat(r.seqGaps()).isZero();
        assertThat(r.clientsClosed()).isZero();
        long samplesInWindowPerClient = r.samples() / r.clients();
        assertThat(samplesInWindowPerClient).isPositive();
        assertThat(Arrays.stream(r.samplesPerClient()).sum()).isGreaterThanOrEqualTo(r.samples());

        Report report = new Report();
        LiveLatencyPart.write(report, results, s.warmUp(), s.measure(), true);
        String md = report.toMarkdown();
        assertThat(md).contains("## Live latency: tick to WebSocket client", "| 50 | 3 |", "fan-out");
    }
}
