package com.tradesignal.source.replay.files;

import static com.tradesignal.source.replay.files.TickFileFixtures.millis;
import static com.tradesignal.source.replay.files.TickFileFixtures.write;
import static com.tradesignal.source.replay.files.TickFileFixtures.writeRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickFilesTest {
    private static final String HEADER = "instrument_token,timestamp,last_price";

    @TempDir
    Path dir;

    @Test
    void aDirectoryContributesItsTickFilesRecursivelySortedByPath() {
        Path d = dir.resolve("ticks");
        Path b = write(d, "2022-12-02.csv", HEADER);
        Path a = write(d, "2022-12-01.jsonl.gz", "");
        Path c = write(d, "later/2022-12-03.ndjson", "");
        Path e = write(d, "zz.CSV.GZ", HEADER);
        write(d, "notes.txt", "hello");
        write(d, ".hidden.csv", HEADER);
        write(d, ".git/objects.csv", HEADER);
        write(d, "ticks.csv.bak", HEADER);
        assertThat(TickFiles.expand(List.of(d))).containsExactly(a, b, c, e);
    }

    @Test
    void pathsKeepTheOrderGivenAndAFileIsReadOnce() {
        Path x = write(dir, "b/x.csv", HEADER);
        Path y = write(dir, "a/y.jsonl", "");
        assertThat(TickFiles.expand(List.of(x, dir.resolve("a"), dir.resolve("b"), x))).containsExactly(x, y);
    }

    @Test
    void aMissingPathIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> TickFiles.expand(List.of(missing))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no such file or directory: " + missing);
    }

    @Test
    void anExplicitFileOfAnotherTypeIsAnError() {
        Path txt = write(dir, "ticks.txt", "x");
        assertThatThrownBy(() -> TickFiles.expand(List.of(txt))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a tick file (expected .csv, .jsonl or .ndjson, optionally .gz): " + txt);
        assertThatThrownBy(() -> TickFileReader.open(txt, null, BadLinePolicy.FAIL, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findingNoTickFilesAtAllIsAnError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        write(empty, "readme.md", "x");
        assertThatThrownBy(() -> TickFiles.expand(List.of(empty))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no tick files");
        assertThatThrownBy(() -> TickFiles.expand(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTimeSpanRunsFromTheEarliestFirstTickToTheLatestLastTick() {
        StringBuilder big = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 10_000; i++) big.append("1,").append(1669866300 + i).append(",1.5\n");
        big.append("1,bad,1\n\n"); // a bad last line: the line before it counts
        writeRaw(dir, "big.csv", big.toString());
        write(dir, "early.jsonl.gz", "garbage",
                "{\"instrument_token\":1,\"timestamp\":\"2022-12-01T09:00:00+05:30\",\"last_price\":1}",
                "{\"instrument_token\":1,\"timestamp\":\"2022-12-01T09:05:00+05:30\",\"last_price\":1}");
        write(dir, "late.csv.gz", HEADER, "1,2022-12-01T15:29:59+05:30,1");
        write(dir, "empty.csv", HEADER);
        TimeSpan span = TickFiles.timeSpan(List.of(dir));
        assertThat(span.earliest()).isEqualTo(millis("2022-12-01T09:00:00+05:30"));
        assertThat(span.latest()).isEqualTo(millis("2022-12-01T15:29:59+05:30"));
        assertThat(TickFiles.timeSpan(List.of(dir.resolve("big.csv"))))
                .isEqualTo(new TimeSpan(1669866300_000L, (1669866300L + 9_999) * 1000));
    }

    @Test
    void theTimeSpanIsUnknownWhenNoFileHasATick() {
        write(dir, "empty.csv", HEADER);
        writeRaw(dir, "bad.csv", "no,header\n1,2\n");
        assertThat(TickFiles.timeSpan(List.of(dir))).isEqualTo(new TimeSpan(null, null));
    }
}
