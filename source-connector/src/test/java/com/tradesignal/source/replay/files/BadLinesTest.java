package com.tradesignal.source.replay.files;

import static com.tradesignal.source.replay.files.TickFileFixtures.readAll;
import static com.tradesignal.source.replay.files.TickFileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tradesignal.tick.Tick;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadLinesTest {
    private static final String HEADER = "instrument_token,timestamp,last_price,volume,tradingsymbol";
    private static final String GOOD = "256265,2022-12-01T09:15:03+05:30,18012.5,100,NIFTY 50";

    @TempDir
    Path dir;

    private TickFormatException csvProblem(String badRow) {
        Path f = write(dir, "ticks.csv", HEADER, GOOD, badRow, GOOD);
        return catchThrowableOfType(TickFormatException.class, () -> readAll(f));
    }

    private String csvFile() {
        return dir.resolve("ticks.csv").toString();
    }

    @Test
    void aNonNumericPriceNamesFileLineFieldAndValue() {
        TickFormatException e = csvProblem("256265,2022-12-01T09:15:04+05:30,abc,100,NIFTY 50");
        assertThat(e).hasMessage(csvFile() + ":3: field 'last_price': 'abc' is not a number");
        assertThat(e.file()).isEqualTo(csvFile());
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("last_price");
        assertThat(e.problem()).isEqualTo("'abc' is not a number");
    }

    @Test
    void theMessageUsesThePathAsTheUserGaveIt() {
        Path relative = Path.of("target", "tmp", "bad-lines-relative-" + System.nanoTime() + ".csv");
        write(Path.of("."), relative.toString(), HEADER, "x,2022-12-01T09:15:04+05:30,1,1,A");
        try {
            assertThatThrownBy(() -> readAll(relative)).hasMessage(relative + ":2: field 'instrument_token': 'x' is not a number");
        } finally {
            relative.toFile().delete();
        }
    }

    @Test
    void negativeNumbersAreRejected() {
        assertThat(csvProblem("256265,2022-12-01T09:15:04+05:30,18012.5,-5,NIFTY 50"))
                .hasMessage(csvFile() + ":3: field 'volume': '-5' is negative");
        assertThat(csvProblem("256265,2022-12-01T09:15:04+05:30,-0.05,5,NIFTY 50"))
                .hasMessage(csvFile() + ":3: field 'last_price': '-0.05' is negative");
    }

    @Test
    void fractionalQuantitiesAreRejected() {
        assertThat(csvProblem("256265,2022-12-01T09:15:04+05:30,18012.5,7.5,NIFTY 50"))
                .hasMessage(csvFile() + ":3: field 'volume': '7.5' is not a whole number");
    }

    @Test
    void anEmptyRequiredCellIsAMissingValue() {
        TickFormatException e = csvProblem("256265,2022-12-01T09:15:04+05:30,,5,NIFTY 50");
        assertThat(e).hasMessage(csvFile() + ":3: field 'last_price': missing value");
        assertThat(csvProblem(",2022-12-01T09:15:04+05:30,1,5,NIFTY 50"))
                .hasMessage(csvFile() + ":3: field 'instrument_token': missing value");
        assertThat(csvProblem("1,  ,1,5,NIFTY 50")).hasMessage(csvFile() + ":3: field 'timestamp': missing value");
    }

    @Test
    void anUnparseableTimestampIsRejected() {
        TickFormatException e = csvProblem("256265,01/12/2022 09:15,18012.5,5,NIFTY 50");
        assertThat(e.field()).isEqualTo("timestamp");
        assertThat(e.problem()).startsWith("'01/12/2022 09:15' is not a timestamp");
    }

    @Test
    void aRowWithFewerCellsThanTheHeaderIsRejected() {
        TickFormatException e = csvProblem("256265,2022-12-01T09:15:04+05:30,18012.5");
        assertThat(e).hasMessage(csvFile() + ":3: row has 3 cells but the header has 5");
        assertThat(e.field()).isNull();
        assertThat(csvProblem("256265")).hasMessage(csvFile() + ":3: row has 1 cell but the header has 5");
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsRejected() {
        // most likely an unquoted comma in a symbol, which would shift every later column
        assertThat(csvProblem("256265,2022-12-01T09:15:04+05:30,18012.5,5,NIFTY, 50"))
                .hasMessage(csvFile() + ":3: row has 6 cells but the header has 5");
    }

    @Test
    void anUnterminatedQuoteIsRejected() {
        assertThat(csvProblem("256265,2022-12-01T09:15:04+05:30,18012.5,5,\"NIFTY 50"))
                .hasMessage(csvFile() + ":3: field 'tradingsymbol': unterminated quoted value (a quoted value cannot"
                        + " span lines)");
        assertThat(csvProblem("256265,2022-12-01T09:15:04+05:30,\"18012.5\"x,5,NIFTY"))
                .hasMessage(csvFile() + ":3: field 'last_price': unexpected text after the closing quote");
    }

    @Test
    void aHeaderWithoutARequiredColumnFailsEvenWhenSkipping() {
        Path f = write(dir, "ticks.csv", "instrument_token,timestamp,ltp", "1,1669866303,5");
        assertThatThrownBy(() -> readAll(f, FilePosition.START, BadLinePolicy.SKIP, p -> { }, null))
                .isInstanceOf(TickFormatException.class)
                .hasMessage(f + ":1: field 'last_price': required column is missing from the header");
        Path g = write(dir, "g.csv", "instrument_token,time,last_price", "1,1669866303,5");
        assertThatThrownBy(() -> readAll(g)).hasMessage(g + ":1: field 'timestamp': required column is missing from"
                + " the header (exchange_timestamp is also accepted)");
    }

    @Test
    void aHeaderWithAColumnTwiceFails() {
        Path f = write(dir, "ticks.csv", "instrument_token,timestamp,last_price,volume,volume", "1,1669866303,5,1,2");
        assertThatThrownBy(() -> readAll(f)).hasMessage(f + ":1: field 'volume': the header has this column twice");
    }

    @Test
    void invalidJsonIsRejected() {
        Path f = write(dir, "ticks.jsonl", "{\"instrument_token\":1,\"timestamp\":1669866303,\"last_price\":1}",
                "{\"instrument_token\":1,\"timestamp\":1669866303,\"last_price\":1");
        TickFormatException e = catchThrowableOfType(TickFormatException.class, () -> readAll(f));
        assertThat(e.getMessage()).startsWith(f + ":2: invalid JSON: ");
        assertThat(e.field()).isNull();
        assertThat(e.line()).isEqualTo(2);

        Path g = write(dir, "g.jsonl", "{instrument_token:1}");
        assertThat(catchThrowableOfType(TickFormatException.class, () -> readAll(g)).getMessage())
                .startsWith(g + ":1: invalid JSON: Unexpected character");
        Path h = write(dir, "h.jsonl", "{\"instrument_token\":1,\"timestamp\":1669866303,\"last_price\":1} {}");
        assertThatThrownBy(() -> readAll(h)).hasMessage(h + ":1: invalid JSON: more than one value on the line");
    }

    @Test
    void aJsonLineThatIsNotAnObjectIsRejected() {
        Path f = write(dir, "ticks.jsonl", "[1,2,3]");
        assertThatThrownBy(() -> readAll(f)).hasMessage(f + ":1: expected a JSON object, found an array");
        Path g = write(dir, "g.jsonl", "42");
        assertThatThrownBy(() -> readAll(g)).hasMessage(g + ":1: expected a JSON object, found a number");
    }

    @Test
    void badJsonValuesNameTheirField() {
        String base = "\"instrument_token\":1,\"timestamp\":1669866303,";
        Path f = write(dir, "a.jsonl", "{" + base + "\"last_price\":\"abc\"}");
        assertThatThrownBy(() -> readAll(f)).hasMessage(f + ":1: field 'last_price': 'abc' is not a number");
        Path g = write(dir, "b.jsonl", "{" + base + "\"last_price\":1,\"volume\":-3}");
        assertThatThrownBy(() -> readAll(g)).hasMessage(g + ":1: field 'volume': '-3' is negative");
        Path h = write(dir, "c.jsonl", "{" + base + "\"last_price\":1,\"ohlc\":{\"open\":[1]}}");
        assertThatThrownBy(() -> readAll(h)).hasMessage(h + ":1: field 'ohlc.open': expected a number, found an array");
        Path i = write(dir, "d.jsonl", "{" + base + "\"last_price\":1,\"oi\":2.5}");
        assertThatThrownBy(() -> readAll(i)).hasMessage(i + ":1: field 'oi': '2.5' is not a whole number");
        Path j = write(dir, "e.jsonl", "{\"instrument_token\":1,\"timestamp\":true,\"last_price\":1}");
        assertThatThrownBy(() -> readAll(j)).hasMessage(j + ":1: field 'timestamp': expected a timestamp, found true");
        Path k = write(dir, "f.jsonl", "{\"instrument_token\":1,\"timestamp\":\"soon\",\"last_price\":1}");
        assertThat(catchThrowableOfType(TickFormatException.class, () -> readAll(k)).getMessage())
                .startsWith(k + ":1: field 'timestamp': 'soon' is not a timestamp");
    }

    @Test
    void aJsonLineMissingARequiredFieldIsRejected() {
        Path f = write(dir, "a.jsonl", "{\"instrument_token\":1,\"last_price\":1}");
        assertThatThrownBy(() -> readAll(f)).hasMessage(f + ":1: field 'timestamp': missing value");
        Path g = write(dir, "b.jsonl", "{\"timestamp\":1669866303,\"last_price\":1}");
        assertThatThrownBy(() -> readAll(g)).hasMessage(g + ":1: field 'instrument_token': missing value");
        Path h = write(dir, "c.jsonl", "{\"instrument_token\":1,\"timestamp\":1669866303,\"last_price\":null}");
        assertThatThrownBy(() -> readAll(h)).hasMessage(h + ":1: field 'last_price': missing value");
    }

    @Test
    void skippingReportsEachBadLineToTheListenerAndKeepsTheGoodOnes() {
        Path f = write(dir, "ticks.csv", HEADER,
                GOOD,
                "256265,2022-12-01T09:15:04+05:30,abc,100,NIFTY 50",
                "",
                "256265,2022-12-01T09:15:05+05:30,18013,100",
                "256265,2022-12-01T09:15:06+05:30,18014,100,NIFTY 50",
                "256265,never,18014,100,NIFTY 50");
        List<TickFormatException> skipped = new ArrayList<>();
        List<Tick> ticks = readAll(f, FilePosition.START, BadLinePolicy.SKIP, skipped::add, null);
        assertThat(ticks).extracting(t -> t.lastPrice).containsExactly(18012.5, 18014.0);
        assertThat(skipped).extracting(TickFormatException::line).containsExactly(3L, 5L, 7L);
        assertThat(skipped).extracting(TickFormatException::field).containsExactly("last_price", null, "timestamp");
    }

    @Test
    void skippingWithoutAListenerIsAllowed() {
        Path f = write(dir, "ticks.jsonl", "not json", "{\"instrument_token\":1,\"timestamp\":1669866303,\"last_price\":1}");
        assertThat(readAll(f, null, BadLinePolicy.SKIP, null, null)).hasSize(1);
    }

    @Test
    void theTokenFilterKeepsOnlyWantedInstrumentsAndDoesNotValidateTheOthers() {
        Path f = write(dir, "ticks.csv", HEADER,
                "1,2022-12-01T09:15:03+05:30,10,1,A",
                "2,garbage,not-a-price,-1,\"unterminated",
                "2,too-few",
                "3,2022-12-01T09:15:04+05:30,30,3,C",
                "1,2022-12-01T09:15:05+05:30,11,2,A");
        List<TickFormatException> skipped = new ArrayList<>();
        List<Tick> ticks = readAll(f, FilePosition.START, BadLinePolicy.SKIP, skipped::add, t -> t != 2);
        assertThat(ticks).extracting(t -> t.token).containsExactly(1L, 3L, 1L);
        assertThat(skipped).isEmpty();
        assertThat(readAll(f, FilePosition.START, BadLinePolicy.FAIL, null, t -> t == 1))
                .extracting(t -> t.lastPrice).containsExactly(10.0, 11.0);
    }

    @Test
    void theTokenFilterAlsoSkipsJsonLinesOfOtherInstrumentsUnvalidated() {
        Path f = write(dir, "ticks.jsonl",
                "{\"last_price\":\"bad\",\"instrument_token\":2,\"timestamp\":\"bad\"}",
                "{\"instrument_token\":2, this is not json",
                "{\"mode\":\"full\",\"instrument_token\":1,\"timestamp\":1669866303,\"last_price\":1}");
        assertThat(readAll(f, FilePosition.START, BadLinePolicy.FAIL, null, t -> t == 1)).hasSize(1);
        assertThatThrownBy(() -> readAll(f, FilePosition.START, BadLinePolicy.FAIL, null, t -> t == 2))
                .hasMessage(f + ":1: field 'last_price': 'bad' is not a number");
    }
}
