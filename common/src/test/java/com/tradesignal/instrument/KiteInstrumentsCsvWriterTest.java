package com.tradesignal.instrument;

import com.tradesignal.testing.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing instruments as a Kite dump and reading them back. */
class KiteInstrumentsCsvWriterTest {
    @TempDir
    Path dir;

    private InstrumentCatalog roundTrip(List<Instrument> instruments) throws IOException {
        Path file = dir.resolve("dump.csv");
        Files.writeString(file, KiteInstrumentsCsvWriter.toCsv(instruments));
        return InstrumentCatalog.load(file);
    }

    @Test
    void theRealDumpReadsBackToEqualInstruments() throws IOException {
        InstrumentCatalog real = InstrumentCatalog.load(SharedFixtures.fixture("kite-instruments-nfo-bfo-2026-08-18.csv"));
        InstrumentCatalog copy = roundTrip(List.copyOf(real.all()));
        assertThat(copy.size()).isEqualTo(39_941);
        assertThat(copy).isEqualTo(real);
    }

    @Test
    void theHeaderIsKitesTwelveColumnsAndRowsLookLikeKites() {
        Instrument fut = new Instrument(14866434L, 58072L, "NIFTY26AUGFUT", "NIFTY", "NFO", "NFO-FUT", InstrumentType.FUT,
                LocalDate.of(2026, 8, 25), 0.0, 0.1, 65);
        assertThat(KiteInstrumentsCsvWriter.toCsv(List.of(fut))).isEqualTo(
                "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,"
                        + "instrument_type,segment,exchange\n"
                        + "14866434,58072,NIFTY26AUGFUT,NIFTY,0.0,2026-08-25,0.0,0.1,65,FUT,NFO-FUT,NFO\n");
    }

    @Test
    void namesWithCommasAndQuotesAreQuotedAndReadBackUnchanged() throws IOException {
        Instrument equity = new Instrument(3861249L, 15083L, "ADANIPORTS", "ADANI PORT, \"SEZ\"", "NSE", "NSE",
                InstrumentType.EQ, null, 0.0, 0.05, 1);
        assertThat(KiteInstrumentsCsvWriter.toCsv(List.of(equity))).contains(",\"ADANI PORT, \"\"SEZ\"\"\",");
        assertThat(roundTrip(List.of(equity)).byToken(3861249L)).contains(equity);
    }

    @Test
    void anIndexIsWrittenAsEqInTheIndicesSegmentAndReadsBackAsAnIndex() throws IOException {
        List<Instrument> indices = List.copyOf(InstrumentCatalog.wellKnownIndices().all());
        assertThat(KiteInstrumentsCsvWriter.toCsv(indices)).contains(",EQ,INDICES,NSE\n").doesNotContain("INDEX,");
        assertThat(roundTrip(indices)).isEqualTo(InstrumentCatalog.wellKnownIndices());
    }

    @Test
    void largeStrikesAreWrittenInPlainNotation() throws IOException {
        Instrument option = new Instrument(5L, 0L, "X27JAN10000000CE", "X", "NFO", "NFO-OPT", InstrumentType.CE,
                LocalDate.of(2027, 1, 26), 10_000_000.0, 0.05, 1);
        assertThat(KiteInstrumentsCsvWriter.toCsv(List.of(option))).contains(",10000000.0,").doesNotContain("E7");
        assertThat(roundTrip(List.of(option)).byToken(5L)).contains(option);
    }
}
