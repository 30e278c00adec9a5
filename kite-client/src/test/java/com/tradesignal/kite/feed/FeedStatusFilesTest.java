package com.tradesignal.kite.feed;

import com.tradesignal.kite.auth.AuthState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FeedStatusFilesTest {
    @TempDir
    Path dir;

    private static FeedStatus status(String id, ConnectionState c) {
        return new FeedStatus(id, FeedMode.SIMULATED, c, AuthState.VALID, "OPEN", "ab12…", 1_700_000_000_000L,
                1_700_000_000_500L, 2, 1, 1, 0, 1, "10:41:27 -> 10:44:03 IST (156 s), 2 whole minute(s) backfilled for 2 instrument(s)",
                2, 1234, 56, 3, 4, 0, 42, "connected", 1_700_000_001_000L);
    }

    @Test
    void aWrittenStatusReadsBackEqualAndUsesSnakeCaseNames() throws Exception {
        FeedStatus s = status("kite-0", ConnectionState.CONNECTED);
        Path sub = dir.resolve("feed-status");
        FeedStatusFiles.write(sub, s);
        assertThat(FeedStatusFiles.readAll(sub)).containsExactly(s);
        String json = Files.readString(sub.resolve("kite-0.json"));
        assertThat(json).contains("\"watchdog_reconnects\"").contains("\"last_gap\"").doesNotContain("feedId");
    }

    @Test
    void eachFeedHasItsOwnFileAndAWriteReplacesTheOldOne() {
        FeedStatusFiles.write(dir, status("kite-1", ConnectionState.CONNECTED));
        FeedStatusFiles.write(dir, status("kite-0", ConnectionState.CONNECTED));
        FeedStatusFiles.write(dir, status("kite-0", ConnectionState.RECONNECTING));
        assertThat(FeedStatusFiles.readAll(dir)).extracting(FeedStatus::feedId, FeedStatus::connection)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kite-0", ConnectionState.RECONNECTING),
                        org.assertj.core.groups.Tuple.tuple("kite-1", ConnectionState.CONNECTED));
    }

    @Test
    void aDirectoryThatDoesNotExistHasNoStatuses() {
        assertThat(FeedStatusFiles.readAll(dir.resolve("nope"))).isEmpty();
    }
}
