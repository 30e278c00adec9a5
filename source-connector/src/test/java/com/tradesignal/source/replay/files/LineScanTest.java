package com.tradesignal.source.replay.files;

import static com.tradesignal.source.replay.files.TickFileFixtures.readAll;
import static com.tradesignal.source.replay.files.TickFileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignal.tick.Tick;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eight-bytes-at-a-time newline search and the repeated-timestamp shortcut of the CSV hot path. */
class LineScanTest {
    @TempDir
    Path dir;

    @Test
    void finds_the_first_newline_at_every_position_and_alignment() {
        for (int length = 0; length <= 40; length++) {
            for (int from = 0; from <= length; from++) {
                for (int at = -1; at < length; at++) {
                    byte[] b = new byte[length];
                    // Bytes one bit away from '\n' (0x0A) and with the high bit set: the classic false positives.
                    for (int i = 0; i < length; i++) b[i] = (byte) (i % 3 == 0 ? 0x0B : i % 3 == 1 ? 0x8A : 0x09);
                    if (at >= 0) b[at] = '\n';
                    int expected = at >= from ? at : -1;
                    if (at >= 0 && at < from) {
                        expected = -1; // the only newline lies before the search start
                    }
                    assertThat(LineReader.indexOfNewline(b, from, length))
                            .as("length %d from %d newline at %d", length, from, at).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void finds_the_first_of_two_newlines_within_one_word() {
        byte[] b = "abc\nd\nefgh".getBytes();
        assertThat(LineReader.indexOfNewline(b, 0, b.length)).isEqualTo(3);
        assertThat(LineReader.indexOfNewline(b, 4, b.length)).isEqualTo(5);
        byte[] none = new byte[100];
        Arrays.fill(none, (byte) 'x');
        assertThat(LineReader.indexOfNewline(none, 0, none.length)).isEqualTo(-1);
    }

    @Test
    void repeated_and_changing_timestamps_each_keep_their_own_value() {
        Path f = write(dir, "t.csv",
                "instrument_token,timestamp,last_price,last_trade_time",
                "1,2022-12-01T09:15:03+05:30,10,2022-12-01T09:15:03+05:30",
                "2,2022-12-01T09:15:03+05:30,11,2022-12-01T09:15:01+05:30",
                "3,2022-12-01T09:15:04+05:30,12,2022-12-01T09:15:03+05:30",
                "4,2022-12-01T03:45:04Z,13,2022-12-01T09:15:03+05:30",
                "5,2022-12-01T09:15:04+05:30,14,");
        List<Tick> ticks = readAll(f);
        long t0915 = 1669866300000L; // 2022-12-01T09:15:00+05:30
        assertThat(ticks).extracting(t -> t.exchangeTime)
                .containsExactly(t0915 + 3000, t0915 + 3000, t0915 + 4000, t0915 + 4000, t0915 + 4000);
        assertThat(ticks).extracting(t -> t.lastTradeTime)
                .containsExactly(t0915 + 3000, t0915 + 1000, t0915 + 3000, t0915 + 3000, Tick.ABSENT_TIME);
    }
}
