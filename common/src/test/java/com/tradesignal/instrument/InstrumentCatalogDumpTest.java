package com.tradesignal.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Against the real NFO+BFO dump of 2026-08-18 and Zerodha's mock dump, read in place from the shared fixtures. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InstrumentCatalogDumpTest {
    private static final LocalDate DUMP_DAY = LocalDate.of(2026, 8, 18);
    private static InstrumentCatalog dump;

    @BeforeAll
    static void loadDump() {
        dump = InstrumentCatalog.load(com.tradesignal.testing.SharedFixtures.fixture("kite-instruments-nfo-bfo-2026-08-18.csv"));
    }

    @Test
    void the_real_dump_loads_every_row() {
        // 39,942 lines = header + 39,941 instruments, all tokens distinct.
        assertThat(dump.size()).isEqualTo(39_941);
        assertThat(dump.all()).extracting(Instrument::type).doesNotContain(InstrumentType.OTHER, InstrumentType.INDEX);
    }

    @Test
    void nifty_near_month_future_on_the_dump_day_is_the_august_contract() {
        Instrument fut = dump.nearMonthFuture("NIFTY", DUMP_DAY).orElseThrow();
        assertThat(fut.tradingSymbol()).isEqualTo("NIFTY26AUGFUT");
        assertThat(fut.token()).isEqualTo(14866434L);
        assertThat(fut.exchangeToken()).isEqualTo(58072L);
        assertThat(fut.expiry()).isEqualTo(LocalDate.of(2026, 8, 25));
        assertThat(fut.lotSize()).isEqualTo(65);
        assertThat(fut.tickSize()).isEqualTo(0.1);
        assertThat(fut.exchange()).isEqualTo("NFO");
        assertThat(fut.segment()).isEqualTo("NFO-FUT");
        assertThat(fut.type()).isEqualTo(InstrumentType.FUT);
        assertThat(fut.underlying()).isEqualTo("NIFTY");
        assertThat(fut.key()).isEqualTo("NFO:NIFTY26AUGFUT");
    }

    @Test
    void on_its_expiry_day_the_august_contract_is_still_the_near_month() {
        assertThat(dump.nearMonthFuture("NIFTY", LocalDate.of(2026, 8, 25)))
                .map(Instrument::tradingSymbol).contains("NIFTY26AUGFUT");
    }

    @Test
    void the_day_after_expiry_nifty_rolls_to_the_september_contract() {
        Instrument fut = dump.nearMonthFuture("NIFTY", LocalDate.of(2026, 8, 26)).orElseThrow();
        assertThat(fut.tradingSymbol()).isEqualTo("NIFTY26SEPFUT");
        assertThat(fut.token()).isEqualTo(17512194L);
        assertThat(fut.expiry()).isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(fut.lotSize()).isEqualTo(65);
    }

    @Test
    void after_the_last_listed_expiry_there_is_no_near_month_future() {
        assertThat(dump.nearMonthFuture("NIFTY", LocalDate.of(2026, 10, 27)))
                .map(Instrument::tradingSymbol).contains("NIFTY26OCTFUT");
        assertThat(dump.nearMonthFuture("NIFTY", LocalDate.of(2026, 10, 28))).isEmpty();
    }

    @Test
    void banknifty_near_month_future_rolls_the_same_way_with_its_own_lot_size() {
        Instrument aug = dump.nearMonthFuture("BANKNIFTY", DUMP_DAY).orElseThrow();
        assertThat(aug.tradingSymbol()).isEqualTo("BANKNIFTY26AUGFUT");
        assertThat(aug.token()).isEqualTo(14865154L);
        assertThat(aug.expiry()).isEqualTo(LocalDate.of(2026, 8, 25));
        assertThat(aug.lotSize()).isEqualTo(30);
        assertThat(aug.tickSize()).isEqualTo(0.2);

        Instrument sep = dump.nearMonthFuture("BANKNIFTY", LocalDate.of(2026, 8, 26)).orElseThrow();
        assertThat(sep.tradingSymbol()).isEqualTo("BANKNIFTY26SEPFUT");
        assertThat(sep.expiry()).isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(sep.lotSize()).isEqualTo(30);
    }

    @Test
    void sensex_near_month_future_comes_from_bfo_and_expires_on_its_own_day() {
        Instrument aug = dump.nearMonthFuture("SENSEX", DUMP_DAY).orElseThrow();
        assertThat(aug.tradingSymbol()).isEqualTo("SENSEX26AUGFUT");
        assertThat(aug.token()).isEqualTo(211359237L);
        assertThat(aug.exchange()).isEqualTo("BFO");
        assertThat(aug.segment()).isEqualTo("BFO-FUT");
        assertThat(aug.expiry()).isEqualTo(LocalDate.of(2026, 8, 27));
        assertThat(aug.lotSize()).isEqualTo(20);

        // NIFTY has already rolled on 2026-08-26; SENSEX only on 2026-08-28.
        assertThat(dump.nearMonthFuture("SENSEX", LocalDate.of(2026, 8, 27)))
                .map(Instrument::tradingSymbol).contains("SENSEX26AUGFUT");
        Instrument sep = dump.nearMonthFuture("SENSEX", LocalDate.of(2026, 8, 28)).orElseThrow();
        assertThat(sep.tradingSymbol()).isEqualTo("SENSEX26SEPFUT");
        assertThat(sep.expiry()).isEqualTo(LocalDate.of(2026, 9, 24));
    }

    @Test
    void niftynxt50_futures_are_never_returned_for_nifty() {
        for (LocalDate day = DUMP_DAY; !day.isAfter(LocalDate.of(2026, 10, 28)); day = day.plusDays(1)) {
            Optional<Instrument> fut = dump.nearMonthFuture("NIFTY", day);
            fut.ifPresent(f -> assertThat(f.name()).isEqualTo("NIFTY"));
            fut.ifPresent(f -> assertThat(f.tradingSymbol()).doesNotStartWith("NIFTYNXT50"));
        }
        // ...while NIFTYNXT50 has its own futures, with its own lot size.
        Instrument next50 = dump.nearMonthFuture("NIFTYNXT50", DUMP_DAY).orElseThrow();
        assertThat(next50.tradingSymbol()).isEqualTo("NIFTYNXT5026AUGFUT");
        assertThat(next50.lotSize()).isEqualTo(25);
    }

    @Test
    void an_unknown_underlying_has_no_near_month_future() {
        assertThat(dump.nearMonthFuture("NIFTY 50", DUMP_DAY)).isEmpty();
        assertThat(dump.nearMonthFuture("nifty", DUMP_DAY)).isEmpty();
    }

    @Test
    void options_are_read_with_strike_expiry_and_lot_size() {
        Instrument option = dump.all().stream()
                .filter(i -> i.name().equals("NIFTY") && i.type() == InstrumentType.CE
                        && i.expiry().equals(LocalDate.of(2026, 8, 25)))
                .findAny().orElseThrow();
        assertThat(option.strike()).isPositive();
        assertThat(option.lotSize()).isEqualTo(65);
        assertThat(option.segment()).isEqualTo("NFO-OPT");
        assertThat(dump.all()).filteredOn(i -> i.name().equals("SENSEX") && i.type().isOption())
                .isNotEmpty().allSatisfy(i -> assertThat(i.segment()).isEqualTo("BFO-OPT"));
    }

    @Test
    void tokens_resolve_to_symbols_and_unknown_tokens_to_null() {
        assertThat(dump.symbolOf(14866434L)).isEqualTo("NIFTY26AUGFUT");
        assertThat(dump.byToken(211359237L)).map(Instrument::tradingSymbol).contains("SENSEX26AUGFUT");
        assertThat(dump.symbolOf(256265L)).isNull();
        assertThat(dump.byToken(1L)).isEmpty();
    }

    @Test
    void an_instrument_can_be_found_again_by_exchange_and_tradingsymbol() {
        assertThat(dump.bySymbol("NFO", "NIFTY26SEPFUT")).map(Instrument::token).contains(17512194L);
        assertThat(dump.bySymbol("BFO", "NIFTY26SEPFUT")).isEmpty();
    }

    @Test
    void the_dump_merged_over_the_well_known_indices_knows_index_and_futures_tokens() {
        InstrumentCatalog catalog = InstrumentCatalog.wellKnownIndices().merge(dump);
        assertThat(catalog.size()).isEqualTo(39_941 + 3);
        assertThat(catalog.symbolOf(256265L)).isEqualTo("NIFTY 50");
        Instrument nifty = catalog.byToken(256265L).orElseThrow();
        Instrument future = catalog.nearMonthFuture(nifty.underlying(), DUMP_DAY).orElseThrow();
        assertThat(future.tradingSymbol()).isEqualTo("NIFTY26AUGFUT");
    }

    @Test
    void the_loaded_catalog_survives_java_serialization_as_flink_would_ship_it() throws Exception {
        InstrumentCatalog catalog = InstrumentCatalog.wellKnownIndices().merge(dump);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(catalog);
        }
        // Shared strings and dates keep the 40k-row catalog in the low megabytes.
        assertThat(bytes.size()).isLessThan(8 << 20);
        InstrumentCatalog copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (InstrumentCatalog) in.readObject();
        }
        assertThat(copy).isEqualTo(catalog);
        assertThat(copy.nearMonthFuture("BANKNIFTY", DUMP_DAY)).map(Instrument::lotSize).contains(30);
    }

    @Test
    void a_filtered_catalog_keeps_only_what_an_operator_needs() {
        InstrumentCatalog futures = dump.filter(i -> i.type() == InstrumentType.FUT);
        assertThat(futures.size()).isEqualTo(640 + 12);
        assertThat(futures.nearMonthFuture("SENSEX", DUMP_DAY)).map(Instrument::tradingSymbol)
                .contains("SENSEX26AUGFUT");
        assertThat(dump.size()).isEqualTo(39_941);
    }

    @Test
    void zerodhas_mock_dump_with_crlf_lines_and_equity_rows_loads() {
        Path mock = com.tradesignal.testing.SharedFixtures.fixture("kite-mocks/instruments_all.csv");
        InstrumentCatalog catalog = InstrumentCatalog.load(mock);
        assertThat(catalog.size()).isEqualTo(99);

        Instrument adaniPorts = catalog.byToken(3861249L).orElseThrow();
        assertThat(adaniPorts.tradingSymbol()).isEqualTo("ADANIPORTS");
        assertThat(adaniPorts.name()).isEqualTo("ADANI PORT & SEZ");
        assertThat(adaniPorts.type()).isEqualTo(InstrumentType.EQ);
        assertThat(adaniPorts.exchange()).isEqualTo("NSE");
        assertThat(adaniPorts.expiry()).isNull();
        assertThat(adaniPorts.lotSize()).isEqualTo(1);
        assertThat(adaniPorts.underlying()).isEqualTo("ADANIPORTS");

        // Old-format option row: blank name column.
        Instrument option = catalog.byToken(12073986L).orElseThrow();
        assertThat(option.tradingSymbol()).isEqualTo("BANKNIFTY18JAN23500CE");
        assertThat(option.type()).isEqualTo(InstrumentType.CE);
        assertThat(option.name()).isEmpty();
        assertThat(option.underlying()).isNull();
        assertThat(option.expiry()).isEqualTo(LocalDate.of(2018, 1, 25));
        assertThat(option.strike()).isEqualTo(23500.0);
        assertThat(option.lotSize()).isEqualTo(40);

        assertThat(catalog.byToken(112655620L)).map(Instrument::lotSize).contains(500_000);
    }
}
