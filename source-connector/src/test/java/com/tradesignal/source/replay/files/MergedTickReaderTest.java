package com.tradesignal.source.replay.files;

import static com.tradesignal.source.replay.files.TickFileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradesignal.tick.Tick;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedTickReaderTest {
    @TempDir
    Path dir;

    /** What the merge hands out per tick, including what a checkpoint would record. */
    record Step(Tick tick, int file, long offsetAfter, long lineAfter) {}

    private static List<Step> drain(List<Path> files, FilePosition[] from, LongPredicate filter) throws IOException {
        List<Step> steps = new ArrayList<>();
        try (MergedTickReader m = MergedTickReader.open(files, from, BadLinePolicy.SKIP, null, filter)) {
            while (m.advance()) {
                steps.add(new Step(m.current(), m.currentFileIndex(), m.currentFileByteOffsetAfter(),
                        m.currentFileLineAfter()));
            }
            assertThat(m.advance()).isFalse();
        }
        return steps;
    }

    private static String csvRow(long token, long second, double price) {
        return token + "," + (1669866300 + second) + "," + price;
    }

    private static String jsonRow(long token, long second, double price) {
        return "{\"instrument_token\":" + token + ",\"timestamp\":" + (1669866300 + second) + ",\"last_price\":" + price + "}";
    }

    @Test
    void ticksComeOutInTimestampOrderAndTiesGoToTheEarlierFile() throws IOException {
        Path a = write(dir, "a.csv", "instrument_token,timestamp,last_price", csvRow(1, 0, 1), csvRow(1, 2, 2), csvRow(1, 2, 3));
        Path b = write(dir, "b.jsonl", jsonRow(2, 1, 10), jsonRow(2, 2, 11), jsonRow(2, 5, 12));
        Path c = write(dir, "c.csv.gz", "instrument_token,timestamp,last_price", csvRow(3, 0, 20), csvRow(3, 2, 21));
        List<Step> steps = drain(List.of(a, b, c), null, null);
        assertThat(steps).extracting(s -> s.tick().lastPrice)
                .containsExactly(1.0, 20.0, 10.0, 2.0, 3.0, 11.0, 21.0, 12.0);
        assertThat(steps).extracting(Step::file).containsExactly(0, 2, 1, 0, 0, 1, 2, 1);
    }

    @Test
    void theOrderDependsOnlyOnTimesAndFileIndexWhenAllTimesAreEqual() throws IOException {
        Path a = write(dir, "a.jsonl", jsonRow(1, 0, 1), jsonRow(1, 0, 2));
        Path b = write(dir, "b.jsonl", jsonRow(2, 0, 3), jsonRow(2, 0, 4));
        assertThat(drain(List.of(a, b), null, null)).extracting(s -> s.tick().lastPrice).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(drain(List.of(b, a), null, null)).extracting(s -> s.tick().lastPrice).containsExactly(3.0, 4.0, 1.0, 2.0);
    }

    @Test
    void resumingFromThePerFilePositionsContinuesTheMergedStreamExactly() throws IOException {
        List<Path> files = new ArrayList<>();
        String[] names = {"a.csv", "b.jsonl.gz", "c.csv.gz", "d.jsonl", "e.csv"};
        java.util.Random random = new java.util.Random(42);
        for (int f = 0; f < names.length; f++) {
            boolean csv = names[f].contains(".csv");
            List<String> lines = new ArrayList<>();
            if (csv) lines.add("instrument_token,timestamp,last_price");
            long second = 0;
            int count = f == 4 ? 0 : 30 + random.nextInt(30); // e.csv has no ticks at all
            for (int i = 0; i < count; i++) {
                second += random.nextInt(3); // many equal timestamps within and across files
                long token = 1 + random.nextInt(4);
                double price = f * 1000 + i;
                if (random.nextInt(10) == 0) lines.add(csv ? "1,bad,1" : "{bad json");
                if (random.nextInt(10) == 0) lines.add("");
                lines.add(csv ? csvRow(token, second, price) : jsonRow(token, second, price));
            }
            files.add(write(dir, names[f], lines.toArray(new String[0])));
        }
        for (LongPredicate filter : new LongPredicate[] {null, t -> t % 2 == 0}) {
            List<Step> all = drain(files, null, filter);
            assertThat(all).hasSizeGreaterThan(50);
            for (int i = 1; i < all.size(); i++) {
                Step prev = all.get(i - 1);
                Step cur = all.get(i);
                assertThat(prev.tick().exchangeTime < cur.tick().exchangeTime
                        || (prev.tick().exchangeTime == cur.tick().exchangeTime && prev.file() <= cur.file()))
                        .as("order at %d", i).isTrue();
            }
            FilePosition[] checkpoint = new FilePosition[files.size()];
            Arrays.fill(checkpoint, FilePosition.START);
            for (int k = 0; k < all.size(); k++) {
                Step s = all.get(k);
                checkpoint[s.file()] = new FilePosition(s.offsetAfter(), s.lineAfter());
                assertThat(drain(files, checkpoint.clone(), filter)).as("resumed after step %d", k)
                        .extracting(Step::tick).isEqualTo(all.subList(k + 1, all.size()).stream().map(Step::tick).toList());
            }
        }
    }

    @Test
    void theAfterPositionIsThatOfTheCurrentTickNotOfAPeekedOne() throws IOException {
        Path a = write(dir, "a.csv", "instrument_token,timestamp,last_price", csvRow(1, 0, 1), csvRow(1, 1, 2));
        try (MergedTickReader m = MergedTickReader.open(List.of(a), null, BadLinePolicy.FAIL, null, null)) {
            assertThat(m.advance()).isTrue();
            assertThat(m.currentFileLineAfter()).isEqualTo(2);
            assertThat(m.currentFileByteOffsetAfter()).isEqualTo(38 + 17); // "1,1669866300,1.0\n"
            assertThat(m.currentFilePositionAfter()).isEqualTo(new FilePosition(55, 2));
            assertThat(m.advance()).isTrue();
            assertThat(m.currentFileLineAfter()).isEqualTo(3);
        }
    }

    @Test
    void aBadLineDoesNotCostTheTickBeforeIt() throws IOException {
        Path a = write(dir, "a.csv", "instrument_token,timestamp,last_price", csvRow(1, 0, 1), "1,bad,1");
        try (MergedTickReader m = MergedTickReader.open(List.of(a), null, BadLinePolicy.FAIL, null, null)) {
            assertThat(m.advance()).isTrue();
            assertThat(m.current().lastPrice).isEqualTo(1.0);
            assertThatThrownBy(m::advance).isInstanceOf(TickFormatException.class).hasMessageStartingWith(a + ":3:");
        }
    }

    @Test
    void startPositionsMustMatchTheFiles() {
        Path a = write(dir, "a.jsonl", jsonRow(1, 0, 1));
        assertThatThrownBy(() -> MergedTickReader.open(List.of(a), new FilePosition[2], BadLinePolicy.FAIL, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void currentIsUnavailableBeforeTheFirstAdvance() throws IOException {
        Path a = write(dir, "a.jsonl", jsonRow(1, 0, 1));
        try (MergedTickReader m = MergedTickReader.open(List.of(a), null, BadLinePolicy.FAIL, null, null)) {
            assertThatThrownBy(m::current).isInstanceOf(IllegalStateException.class);
        }
    }
}
