package com.tradesignal.source.replay.files;

import static com.tradesignal.source.replay.files.TickFileFixtures.millis;
import static com.tradesignal.source.replay.files.TickFileFixtures.readOne;
import static com.tradesignal.source.replay.files.TickFileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampFormsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2022-12-01T09:15:03+05:30      | 2022-12-01T09:15:03+05:30",
            "2022-12-01T03:45:03Z           | 2022-12-01T09:15:03+05:30",
            "2022-12-01T03:45:03z           | 2022-12-01T09:15:03+05:30",
            "2017-12-15T09:15:00+0530       | 2017-12-15T09:15:00+05:30",
            "2022-12-01T09:15:03.250+05:30  | 2022-12-01T09:15:03.250+05:30",
            "2022-12-01T03:45:03.123456789Z | 2022-12-01T09:15:03.123+05:30",
            "2022-12-01T09:45:03+06         | 2022-12-01T09:15:03+05:30",
            "2022-11-30T23:15:03-05:00      | 2022-12-01T09:45:03+05:30",
            "2022-12-01 09:15:03            | 2022-12-01T09:15:03+05:30",
            "2022-12-01T09:15:03            | 2022-12-01T09:15:03+05:30",
            "2022-12-01 09:15:03.5          | 2022-12-01T09:15:03.500+05:30",
            "2022-12-01 09:15               | 2022-12-01T09:15:00+05:30",
            "2024-02-29 00:00:00            | 2024-02-29T00:00:00+05:30",
            "1669866303                     | 2022-12-01T09:15:03+05:30",
            "1669866303250                  | 2022-12-01T09:15:03.250+05:30",
            "99999999999                    | 5138-11-16T09:46:39Z",
            "100000000000                   | 1973-03-03T09:46:40Z",
    })
    void everyTimestampFormReadsAsEpochMillis(String written, String meant) {
        Path f = write(dir, "t.csv", "instrument_token,timestamp,last_price,last_trade_time", "1," + written + ",1," + written);
        assertThat(readOne(f).exchangeTime).isEqualTo(millis(meant));
        assertThat(readOne(f).lastTradeTime).isEqualTo(millis(meant));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"2022-12-01T09:15:03+05:30\" | 2022-12-01T09:15:03+05:30",
            "\"2017-12-15T09:15:00+0530\"  | 2017-12-15T09:15:00+05:30",
            "\"2022-12-01 09:15:03\"       | 2022-12-01T09:15:03+05:30",
            "1669866303                    | 2022-12-01T09:15:03+05:30",
            "1669866303250                 | 2022-12-01T09:15:03.250+05:30",
            "\"1669866303\"                | 2022-12-01T09:15:03+05:30",
    })
    void jsonTimestampsMayBeStringsOrNumbers(String written, String meant) {
        Path f = write(dir, "t.jsonl", "{\"instrument_token\":1,\"last_price\":1,\"timestamp\":" + written
                + ",\"last_trade_time\":" + written + "}");
        assertThat(readOne(f).exchangeTime).isEqualTo(millis(meant));
        assertThat(readOne(f).lastTradeTime).isEqualTo(millis(meant));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2022-13-01 09:15:03", "2022-02-29 09:15:03", "2022-12-01 24:00:00", "2022-12-01 09:60:00",
            "2022-12-01 09:15:61", "2022-12-01", "2022/12/01 09:15:03", "2022-12-01T09:15:03+05:3",
            "2022-12-01T09:15:03+19:00", "2022-12-01T09:15:03 IST", "yesterday", "1669866303.5", "-1669866303",
            "2022-12-01T09:15:03."})
    void malformedTimestampsAreRejected(String written) {
        Path f = write(dir, "t.csv", "instrument_token,timestamp,last_price", "1," + written + ",1");
        assertThatThrownBy(() -> readOne(f)).isInstanceOf(TickFormatException.class)
                .hasMessage(f + ":2: field 'timestamp': '" + written + "' is not a timestamp (expected ISO-8601 such as"
                        + " 2022-12-01T09:15:03+05:30, or epoch seconds or milliseconds)");
    }
}
