package com.tradesignal.source.replay.files;

import static com.tradesignal.source.replay.files.TickFileFixtures.readAll;
import static com.tradesignal.source.replay.files.TickFileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradesignal.tick.Tick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResumeFromPositionTest {
    @TempDir
    Path dir;

    private Path sample(String name) {
        List<String> lines = new ArrayList<>();
        boolean csv = name.contains(".csv");
        if (csv) lines.add("instrument_token,timestamp,last_price,tradingsymbol");
        for (int i = 0; i < 40; i++) {
            if (i % 9 == 4) lines.add("");
            if (i % 11 == 6) lines.add(csv ? "1,bad,1,X" : "{\"instrument_token\":1,\"timestamp\":\"bad\"}");
            long token = i % 3 == 0 ? 7 : 8;
            lines.add(csv ? token + "," + (1669866303 + i) + "," + i + ",\"S, " + i + "\""
                    : "{\"instrument_token\":" + token + ",\"timestamp\":" + (1669866303 + i) + ",\"last_price\":" + i
                    + ",\"tradingsymbol\":\"S, " + i + "\"}");
        }
        return write(dir, name, lines.toArray(new String[0]));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ticks.csv", "ticks.jsonl", "ticks.csv.gz", "ticks.ndjson.gz"})
    void resumingFromAnyPositionGivesExactlyTheRemainingTicks(String name) throws IOException {
        Path f = sample(name);
        List<Tick> all = new ArrayList<>();
        List<FilePosition> after = new ArrayList<>();
        try (TickFileReader r = TickFileReader.open(f, FilePosition.START, BadLinePolicy.SKIP, null, null)) {
            for (Tick t = r.next(); t != null; t = r.next()) {
                all.add(t);
                after.add(r.position());
            }
            assertThat(r.position()).isEqualTo(after.get(after.size() - 1)); // the last line is a tick
        }
        assertThat(all).hasSize(40);
        for (int k = 0; k < all.size(); k++) {
            assertThat(readAll(f, after.get(k), BadLinePolicy.SKIP, null, null))
                    .as("resumed after tick %d at %s", k, after.get(k))
                    .isEqualTo(all.subList(k + 1, all.size()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ticks.csv", "ticks.jsonl.gz"})
    void resumingWithATokenFilterGivesTheRemainingTicksOfThoseTokens(String name) throws IOException {
        Path f = sample(name);
        List<Tick> sevens = new ArrayList<>();
        List<FilePosition> after = new ArrayList<>();
        try (TickFileReader r = TickFileReader.open(f, null, BadLinePolicy.SKIP, null, t -> t == 7)) {
            for (Tick t = r.next(); t != null; t = r.next()) {
                sevens.add(t);
                after.add(r.position());
            }
        }
        assertThat(sevens).hasSize(14).allMatch(t -> t.token == 7);
        for (int k = 0; k < sevens.size(); k++) {
            assertThat(readAll(f, after.get(k), BadLinePolicy.SKIP, null, t -> t == 7))
                    .isEqualTo(sevens.subList(k + 1, sevens.size()));
        }
    }

    @Test
    void positionsCountLinesAndBytesIncludingTheHeader() throws IOException {
        Path f = write(dir, "ticks.csv", "instrument_token,timestamp,last_price", "1,1669866303,1", "", "2,1669866304,2");
        try (TickFileReader r = TickFileReader.open(f, FilePosition.START, BadLinePolicy.FAIL, null, null)) {
            assertThat(r.position()).isEqualTo(new FilePosition(38, 1));
            r.next();
            assertThat(r.position()).isEqualTo(new FilePosition(38 + 15, 2));
            r.next();
            assertThat(r.position()).isEqualTo(new FilePosition(Files.size(f), 4));
            assertThat(r.next()).isNull();
            assertThat(r.position()).isEqualTo(new FilePosition(Files.size(f), 4));
        }
    }

    @Test
    void anErrorAfterResumingCitesTheTrueLineNumber() throws IOException {
        Path f = write(dir, "ticks.csv", "instrument_token,timestamp,last_price", "1,1669866303,1", "2,1669866304,x");
        FilePosition afterFirst;
        try (TickFileReader r = TickFileReader.open(f, FilePosition.START, BadLinePolicy.FAIL, null, null)) {
            r.next();
            afterFirst = r.position();
        }
        assertThatThrownBy(() -> readAll(f, afterFirst, BadLinePolicy.FAIL, null, null))
                .hasMessage(f + ":3: field 'last_price': 'x' is not a number");
    }

    @Test
    void aPositionThatIsNotALineStartIsRefused() {
        Path f = write(dir, "ticks.csv", "instrument_token,timestamp,last_price", "1,1669866303,1", "2,1669866304,2");
        assertThatThrownBy(() -> readAll(f, new FilePosition(42, 2), BadLinePolicy.FAIL, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(f.toString());
        assertThatThrownBy(() -> readAll(f, new FilePosition(10_000, 2), BadLinePolicy.FAIL, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
