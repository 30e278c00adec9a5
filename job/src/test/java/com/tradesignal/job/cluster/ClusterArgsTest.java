package com.tradesignal.job.cluster;

import org.apache.flink.util.ParameterTool;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterArgsTest {

    private static ClusterArgs parse(String... args) {
        return ClusterArgs.parse(ParameterTool.fromArgs(args));
    }

    @Test
    void aJournalReplayTakesItsTimesWithOffsets() {
        ClusterArgs a = parse("--mode", "replay", "--kafka.bootstrap", "kafka:9092", "--replay.from", "2026-11-27T09:00+05:30",
                "--replay.to", "2026-11-27T15:35+05:30");
        assertThat(a.mode()).isEqualTo(ClusterArgs.Mode.REPLAY);
        assertThat(a.replayFrom()).isEqualTo(Instant.parse("2026-11-27T03:30:00Z"));
        assertThat(a.replayTo()).isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
        assertThat(a.signalsTopic()).isEqualTo("signals");
        assertThat(a.ticksTopic()).isEqualTo("ticks");
    }

    @Test
    void aFileReplayTakesAListOfPaths() {
        ClusterArgs a = parse("--mode", "REPLAY", "--kafka.bootstrap", "k:9092", "--replay.files", "/data/a.csv, /data/b.jsonl",
                "--replay.max-ticks-per-second", "5000");
        assertThat(a.replayFiles()).containsExactly(Path.of("/data/a.csv"), Path.of("/data/b.jsonl"));
        assertThat(a.maxTicksPerSecond()).isEqualTo(5000);
    }

    @Test
    void liveNeedsTheKeyAndTheStateDirectoryButNeverASecret() {
        ClusterArgs a = parse("--mode", "live", "--kafka.bootstrap", "k:9092", "--kite.api-key", "key", "--state.dir", "/state");
        assertThat(a.underlyings()).isEqualTo(List.of("NIFTY", "BANKNIFTY", "SENSEX"));
        assertThatThrownBy(() -> parse("--mode", "live", "--kafka.bootstrap", "k:9092", "--kite.api-key", "key"))
                .hasMessageContaining("--state.dir");
        assertThatThrownBy(() -> parse("--mode", "live", "--kafka.bootstrap", "k:9092", "--kite.api-key", "key",
                "--state.dir", "/s", "--kite.api-secret", "s3cret"))
                .hasMessageContaining("--kite.api-secret is refused").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> parse("--mode", "simulator", "--kafka.bootstrap", "k:9092", "--kite.api-key", "key", "--state.dir", "/s"))
                .hasMessageContaining("--kite.url");
    }

    @Test
    void aSimulatorsClockTravelsAsAnArgumentButKiteRunsOnTheWallClock() {
        ClusterArgs a = parse("--mode", "simulator", "--kafka.bootstrap", "k:9092", "--kite.api-key", "sim_api_key", "--state.dir", "/s",
                "--kite.url", "http://simulator:8600", "--kite.market-clock", "2026-11-27T09:14:00+05:30,2026-11-28T21:30:00Z,60");
        assertThat(a.clock().speed()).isEqualTo(60.0);
        assertThat(a.clock().marketTimeAt(Instant.parse("2026-11-28T21:31:00Z").toEpochMilli()))
                .isEqualTo(Instant.parse("2026-11-27T04:44:00Z").toEpochMilli()); // one wall minute = one market hour
        assertThatThrownBy(() -> parse("--mode", "live", "--kafka.bootstrap", "k:9092", "--kite.api-key", "key", "--state.dir", "/s",
                "--kite.market-clock", "2026-11-27T09:14:00+05:30,2026-11-28T21:30:00Z,60")).hasMessageContaining("wall clock");
        assertThatThrownBy(() -> parse("--mode", "simulator", "--kafka.bootstrap", "k:9092", "--kite.api-key", "k", "--state.dir", "/s",
                "--kite.url", "http://127.0.0.1:1", "--kite.market-clock", "from-simulator")).hasMessageContaining("/sim/status");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> parse("--kafka.bootstrap", "k")).hasMessageContaining("--mode is required");
        assertThatThrownBy(() -> parse("--mode", "backfill", "--kafka.bootstrap", "k")).hasMessageContaining("--mode backfill");
        assertThatThrownBy(() -> parse("--mode", "replay")).hasMessageContaining("--kafka.bootstrap is required");
        assertThatThrownBy(() -> parse("--mode", "replay", "--kafka.bootstrap", "k")).hasMessageContaining("--replay.files");
        assertThatThrownBy(() -> parse("--mode", "replay", "--kafka.bootstrap", "k", "--replay.from", "yesterday"))
                .hasMessageContaining("--replay.from yesterday");
        assertThatThrownBy(() -> parse("--mode", "replay", "--kafka.bootstrap", "k", "--replay.from", "2026-11-27T10:00+05:30",
                "--replay.to", "2026-11-27T09:00+05:30")).hasMessageContaining("is not after");
    }
}
