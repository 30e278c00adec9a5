package com.tradesignal.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format handling and error reporting of {@link InstrumentCatalog#load}, on small hand-written dumps. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InstrumentCatalogParsingTest {
    private static final String HEADER = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,"
            + "tick_size,lot_size,instrument_type,segment,exchange\n";
    private static final String NIFTY_AUG = "14866434,58072,NIFTY26AUGFUT,NIFTY,0.0,2026-08-25,0.0,0.1,65,FUT,NFO-FUT,NFO\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private void assertLoadFails(Path file, String expectedMessage) {
        assertThatThrownBy(() -> InstrumentCatalog.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .isInstanceOf(InstrumentDumpException.class)
                .hasMessage(expectedMessage);
    }

    @Test
    void columns_are_found_by_header_name_in_any_order() throws IOException {
        Path file = write("reordered.csv",
                "exchange,segment,instrument_type,lot_size,tradingsymbol,instrument_token,expiry,name\n"
                        + "NFO,NFO-FUT,FUT,65,NIFTY26AUGFUT,14866434,2026-08-25,NIFTY\n");
        Instrument fut = InstrumentCatalog.load(file).byToken(14866434L).orElseThrow();
        assertThat(fut).isEqualTo(new Instrument(14866434L, 0L, "NIFTY26AUGFUT", "NIFTY", "NFO", "NFO-FUT",
                InstrumentType.FUT, LocalDate.of(2026, 8, 25), 0.0, 0.0, 65));
    }

    @Test
    void quoted_fields_may_contain_commas_quotes_and_line_breaks() throws IOException {
        Path file = write("quoted.csv", HEADER
                + "3861249,15083,ADANIPORTS,\"ADANI PORT, SEZ\",0.0,,0.0,0.05,1,EQ,NSE,NSE\n"
                + "1,2,\"QUOTE\"\"D\",\"SAYS \"\"HI\"\"\",0.0,,0.0,0.05,1,EQ,NSE,NSE\n"
                + "3,4,TWOLINES,\"FIRST\nSECOND\",0.0,,0.0,0.05,1,EQ,NSE,NSE\n"
                + "\"5\",\"6\",\"NIFTY 50\",\"NIFTY 50\",\"0.0\",\"\",\"0.0\",\"0.0\",\"0\",\"EQ\",\"INDICES\",\"NSE\"\n"
                + "7,8,BADROW,x,0.0,not-a-date,0.0,0.05,1,EQ,NSE,NSE\n");
        // The last row is bad on purpose: its line number proves that the line break inside quotes was counted.
        assertLoadFails(file, file + ":7: field 'expiry': not a date (yyyy-MM-dd): \"not-a-date\"");

        Files.writeString(file, HEADER
                + "3861249,15083,ADANIPORTS,\"ADANI PORT, SEZ\",0.0,,0.0,0.05,1,EQ,NSE,NSE\n"
                + "1,2,\"QUOTE\"\"D\",\"SAYS \"\"HI\"\"\",0.0,,0.0,0.05,1,EQ,NSE,NSE\n"
                + "3,4,TWOLINES,\"FIRST\nSECOND\",0.0,,0.0,0.05,1,EQ,NSE,NSE\n"
                + "\"5\",\"6\",\"NIFTY 50\",\"NIFTY 50\",\"0.0\",\"\",\"0.0\",\"0.0\",\"0\",\"EQ\",\"INDICES\",\"NSE\"\n");
        InstrumentCatalog catalog = InstrumentCatalog.load(file);
        assertThat(catalog.byToken(3861249L)).map(Instrument::name).contains("ADANI PORT, SEZ");
        assertThat(catalog.byToken(1L)).map(Instrument::tradingSymbol).contains("QUOTE\"D");
        assertThat(catalog.byToken(1L)).map(Instrument::name).contains("SAYS \"HI\"");
        assertThat(catalog.byToken(3L)).map(Instrument::name).contains("FIRST\nSECOND");
        assertThat(catalog.byToken(5L)).map(Instrument::type).contains(InstrumentType.INDEX);
        assertThat(catalog.byToken(5L)).map(Instrument::tradingSymbol).contains("NIFTY 50");
    }

    @Test
    void a_gzipped_dump_is_recognised_by_its_content() throws IOException {
        Path file = dir.resolve("instruments.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((HEADER + NIFTY_AUG).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(InstrumentCatalog.load(file).symbolOf(14866434L)).isEqualTo("NIFTY26AUGFUT");

        Path unlabelled = dir.resolve("instruments");
        Files.copy(file, unlabelled);
        assertThat(InstrumentCatalog.load(unlabelled).size()).isEqualTo(1);
    }

    @Test
    void crlf_line_ends_a_byte_order_mark_and_blank_lines_are_tolerated() throws IOException {
        Path file = write("crlf.csv", ("\uFEFF" + HEADER + NIFTY_AUG + "\n").replace("\n", "\r\n") + "\r\n");
        Instrument fut = InstrumentCatalog.load(file).byToken(14866434L).orElseThrow();
        assertThat(fut.exchange()).isEqualTo("NFO");
        assertThat(fut.lotSize()).isEqualTo(65);
    }

    @Test
    void optional_columns_may_be_blank_or_absent() throws IOException {
        Path file = write("sparse.csv", HEADER + "256265,,NIFTY 50,,,,,,,EQ,INDICES,NSE\n");
        Instrument index = InstrumentCatalog.load(file).byToken(256265L).orElseThrow();
        assertThat(index).isEqualTo(new Instrument(256265L, 0L, "NIFTY 50", "", "NSE", "INDICES",
                InstrumentType.INDEX, null, 0.0, 0.0, 0));
        assertThat(index.underlying()).isEqualTo("NIFTY");

        Path minimal = write("minimal.csv", "instrument_token,tradingsymbol,instrument_type,segment,exchange\n"
                + "265,SENSEX,EQ,INDICES,BSE\n");
        assertThat(InstrumentCatalog.load(minimal).byToken(265L)).map(Instrument::underlying).contains("SENSEX");
    }

    @Test
    void an_unknown_instrument_type_is_kept_as_other() throws IOException {
        Path file = write("other.csv", HEADER + "9,1,XYZ,XYZ,0.0,,0.0,0.05,1,SWAP,NSE,NSE\n");
        assertThat(InstrumentCatalog.load(file).byToken(9L)).map(Instrument::type).contains(InstrumentType.OTHER);
    }

    @Test
    void a_bad_token_is_reported_with_file_line_and_field() throws IOException {
        Path file = write("bad-token.csv", HEADER + NIFTY_AUG
                + "1486643x,58072,NIFTY26SEPFUT,NIFTY,0.0,2026-09-29,0.0,0.1,65,FUT,NFO-FUT,NFO\n");
        assertLoadFails(file, file + ":3: field 'instrument_token': not a whole number: \"1486643x\"");
    }

    @Test
    void a_zero_negative_or_oversized_token_is_out_of_range() throws IOException {
        Path zero = write("zero.csv", HEADER + "0,1,X,X,0.0,,0.0,0.05,1,EQ,NSE,NSE\n");
        assertLoadFails(zero, zero + ":2: field 'instrument_token': out of range 1..4294967295: \"0\"");
        Path negative = write("negative.csv", HEADER + "-5,1,X,X,0.0,,0.0,0.05,1,EQ,NSE,NSE\n");
        assertLoadFails(negative, negative + ":2: field 'instrument_token': not a whole number: \"-5\"");
        Path huge = write("huge.csv", HEADER + "4294967296,1,X,X,0.0,,0.0,0.05,1,EQ,NSE,NSE\n");
        assertLoadFails(huge, huge + ":2: field 'instrument_token': out of range 1..4294967295: \"4294967296\"");
    }

    @Test
    void a_blank_required_field_is_reported() throws IOException {
        Path file = write("blank.csv", HEADER + " ,58072,NIFTY26AUGFUT,NIFTY,0.0,2026-08-25,0.0,0.1,65,FUT,NFO-FUT,NFO\n");
        assertLoadFails(file, file + ":2: field 'instrument_token': required but blank");
        Path noSymbol = write("nosymbol.csv", HEADER + "14866434,58072,,NIFTY,0.0,2026-08-25,0.0,0.1,65,FUT,NFO-FUT,NFO\n");
        assertLoadFails(noSymbol, noSymbol + ":2: field 'tradingsymbol': required but blank");
    }

    @Test
    void a_missing_required_column_is_named() throws IOException {
        Path file = write("no-segment.csv",
                "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,"
                        + "instrument_type,exchange\n"
                        + "14866434,58072,NIFTY26AUGFUT,NIFTY,0.0,2026-08-25,0.0,0.1,65,FUT,NFO\n");
        assertLoadFails(file, file + ":1: field 'segment': missing required column");
    }

    @Test
    void an_empty_file_is_reported_as_missing_its_header() throws IOException {
        Path file = write("empty.csv", "");
        assertLoadFails(file, file + ":1: field 'instrument_token': missing required column (the file is empty)");
    }

    @Test
    void a_duplicate_header_column_is_reported() throws IOException {
        Path file = write("dup-col.csv", HEADER.replace("strike", "expiry") + NIFTY_AUG);
        assertLoadFails(file, file + ":1: field 'expiry': duplicate column");
    }

    @Test
    void a_bad_expiry_date_is_reported() throws IOException {
        Path file = write("bad-expiry.csv", HEADER + NIFTY_AUG
                + "17512194,68407,NIFTY26SEPFUT,NIFTY,0.0,2026-09-31,0.0,0.1,65,FUT,NFO-FUT,NFO\n");
        assertLoadFails(file, file + ":3: field 'expiry': not a date (yyyy-MM-dd): \"2026-09-31\"");
        Path format = write("bad-expiry-format.csv", HEADER
                + "17512194,68407,NIFTY26SEPFUT,NIFTY,0.0,29-09-2026,0.0,0.1,65,FUT,NFO-FUT,NFO\n");
        assertLoadFails(format, format + ":2: field 'expiry': not a date (yyyy-MM-dd): \"29-09-2026\"");
    }

    @Test
    void a_bad_lot_size_is_reported() throws IOException {
        Path fractional = write("bad-lot.csv", HEADER + NIFTY_AUG + NIFTY_AUG.replace(",65,", ",6.5,")
                .replace("14866434", "14866435"));
        assertLoadFails(fractional, fractional + ":3: field 'lot_size': not a whole number: \"6.5\"");
        Path negative = write("negative-lot.csv", HEADER + NIFTY_AUG.replace(",65,", ",-65,"));
        assertLoadFails(negative, negative + ":2: field 'lot_size': not a whole number: \"-65\"");
        Path huge = write("huge-lot.csv", HEADER + NIFTY_AUG.replace(",65,", ",99999999999,"));
        assertLoadFails(huge, huge + ":2: field 'lot_size': out of range 0..2147483647: \"99999999999\"");
    }

    @Test
    void a_bad_strike_or_tick_size_is_reported() throws IOException {
        Path strike = write("bad-strike.csv", HEADER
                + "1,2,NIFTY26AUG25000CE,NIFTY,0.0,2026-08-25,25k,0.05,65,CE,NFO-OPT,NFO\n");
        assertLoadFails(strike, strike + ":2: field 'strike': not a number: \"25k\"");
        Path tick = write("bad-tick.csv", HEADER
                + "1,2,NIFTY26AUG25000CE,NIFTY,0.0,2026-08-25,25000.0,-0.05,65,CE,NFO-OPT,NFO\n");
        assertLoadFails(tick, tick + ":2: field 'tick_size': must not be negative: \"-0.05\"");
        Path nan = write("nan-tick.csv", HEADER
                + "1,2,NIFTY26AUG25000CE,NIFTY,0.0,2026-08-25,25000.0,NaN,65,CE,NFO-OPT,NFO\n");
        assertLoadFails(nan, nan + ":2: field 'tick_size': not a number: \"NaN\"");
    }

    @Test
    void a_row_with_too_few_or_too_many_fields_is_reported() throws IOException {
        Path shortRow = write("short.csv", HEADER + "14866434,58072,NIFTY26AUGFUT,NIFTY,0.0,2026-08-25,0.0,0.1,65,FUT\n");
        assertLoadFails(shortRow, shortRow + ":2: field 'segment': missing (row has 10 fields, header has 12)");
        Path longRow = write("long.csv", HEADER
                + "3861249,15083,ADANIPORTS,ADANI PORT, SEZ,0.0,,0.0,0.05,1,EQ,NSE,NSE\n");
        assertLoadFails(longRow, longRow + ":2: field '#13': unexpected extra field (row has 13 fields, header has 12)");
    }

    @Test
    void an_unterminated_quote_is_reported_at_the_line_where_it_opens() throws IOException {
        Path file = write("unterminated.csv", HEADER + NIFTY_AUG
                + "3861249,15083,ADANIPORTS,\"ADANI PORT, SEZ,0.0,,0.0,0.05,1,EQ,NSE,NSE\n");
        assertLoadFails(file, file + ":3: field 'name': unterminated quoted field");
        Path junk = write("junk-after-quote.csv", HEADER
                + "3861249,15083,ADANIPORTS,\"ADANI\" PORT,0.0,,0.0,0.05,1,EQ,NSE,NSE\n");
        assertLoadFails(junk, junk + ":2: field 'name': unexpected character after closing quote: ' '");
    }

    @Test
    void a_token_listed_twice_in_one_dump_is_reported() throws IOException {
        Path file = write("dup-token.csv", HEADER + NIFTY_AUG + "\n" + NIFTY_AUG.replace("NIFTY26AUGFUT", "OTHERFUT"));
        assertLoadFails(file, file + ":4: field 'instrument_token': duplicate token 14866434 (first on line 2)");
    }

    @Test
    void the_parts_of_a_load_error_are_available_separately() throws IOException {
        Path file = write("parts.csv", HEADER + NIFTY_AUG.replace("2026-08-25", "tomorrow"));
        assertThatThrownBy(() -> InstrumentCatalog.load(file))
                .isInstanceOfSatisfying(InstrumentDumpException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("expiry");
                    assertThat(e.problem()).isEqualTo("not a date (yyyy-MM-dd): \"tomorrow\"");
                });
    }

    @Test
    void a_missing_file_is_an_io_error_not_a_format_error() {
        Path missing = dir.resolve("does-not-exist.csv");
        assertThatThrownBy(() -> InstrumentCatalog.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("does-not-exist.csv");
    }
}
