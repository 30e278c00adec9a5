package com.tradesignal.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Catalog behaviour on hand-built instruments: well-known indices, merge precedence, near-month selection. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InstrumentCatalogTest {

    private static Instrument future(long token, String symbol, String name, String exchange, LocalDate expiry,
                                     int lot) {
        return new Instrument(token, token >> 8, symbol, name, exchange, exchange + "-FUT", InstrumentType.FUT, expiry,
                0.0, 0.05, lot);
    }

    @Test
    void the_well_known_indices_are_nifty_50_nifty_bank_and_sensex() {
        InstrumentCatalog indices = InstrumentCatalog.wellKnownIndices();
        assertThat(indices.size()).isEqualTo(3);
        assertThat(indices.byToken(256265L)).contains(new Instrument(256265L, 1001L, "NIFTY 50", "NIFTY 50", "NSE",
                "INDICES", InstrumentType.INDEX, null, 0.0, 0.05, 0));
        assertThat(indices.byToken(260105L)).contains(new Instrument(260105L, 1016L, "NIFTY BANK", "NIFTY BANK", "NSE",
                "INDICES", InstrumentType.INDEX, null, 0.0, 0.05, 0));
        assertThat(indices.byToken(265L)).contains(new Instrument(265L, 1L, "SENSEX", "SENSEX", "BSE",
                "INDICES", InstrumentType.INDEX, null, 0.0, 0.05, 0));
        assertThat(indices.symbolOf(256265L)).isEqualTo("NIFTY 50");
        assertThat(indices.symbolOf(260105L)).isEqualTo("NIFTY BANK");
        assertThat(indices.symbolOf(265L)).isEqualTo("SENSEX");
    }

    @Test
    void index_tokens_follow_kites_exchange_token_times_256_plus_9_rule() {
        for (Instrument index : InstrumentCatalog.wellKnownIndices().all()) {
            assertThat(index.token()).isEqualTo(index.exchangeToken() * 256 + 9);
        }
    }

    @Test
    void index_tokens_map_to_the_underlying_names_their_derivatives_use() {
        assertThat(InstrumentCatalog.INDEX_TOKENS)
                .containsExactly(Map.entry("NIFTY", 256265L), Map.entry("BANKNIFTY", 260105L), Map.entry("SENSEX", 265L));
        assertThat(InstrumentCatalog.indexUnderlying(256265L)).contains("NIFTY");
        assertThat(InstrumentCatalog.indexUnderlying(260105L)).contains("BANKNIFTY");
        assertThat(InstrumentCatalog.indexUnderlying(265L)).contains("SENSEX");
        assertThat(InstrumentCatalog.indexUnderlying(14866434L)).isEmpty();
        assertThat(InstrumentCatalog.wellKnownIndices().all()).extracting(Instrument::underlying)
                .containsExactlyInAnyOrder("NIFTY", "BANKNIFTY", "SENSEX");
        assertThatThrownBy(() -> InstrumentCatalog.INDEX_TOKENS.put("FINNIFTY", 257801L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_index_other_than_the_well_known_three_has_its_own_name_as_underlying() {
        Instrument vix = new Instrument(264969L, 1035L, "INDIA VIX", "INDIA VIX", "NSE", "INDICES",
                InstrumentType.INDEX, null, 0.0, 0.0, 0);
        assertThat(vix.underlying()).isEqualTo("INDIA VIX");
        assertThat(vix.key()).isEqualTo("NSE:INDIA VIX");
    }

    @Test
    void merge_lets_the_other_catalog_win_on_a_shared_token_and_changes_neither_input() {
        Instrument old = future(100L, "OLD26AUGFUT", "OLD", "NFO", LocalDate.of(2026, 8, 25), 75);
        Instrument reused = future(100L, "NEW26SEPFUT", "NEW", "NFO", LocalDate.of(2026, 9, 29), 65);
        Instrument onlyLeft = future(200L, "LEFT26AUGFUT", "LEFT", "NFO", LocalDate.of(2026, 8, 25), 1);
        Instrument onlyRight = future(300L, "RIGHT26AUGFUT", "RIGHT", "NFO", LocalDate.of(2026, 8, 25), 1);
        InstrumentCatalog left = InstrumentCatalog.of(old, onlyLeft);
        InstrumentCatalog right = InstrumentCatalog.of(reused, onlyRight);

        InstrumentCatalog merged = left.merge(right);
        assertThat(merged.size()).isEqualTo(3);
        assertThat(merged.byToken(100L)).contains(reused);
        assertThat(merged.byToken(200L)).contains(onlyLeft);
        assertThat(merged.byToken(300L)).contains(onlyRight);
        assertThat(right.merge(left).byToken(100L)).contains(old);

        assertThat(left.byToken(100L)).contains(old);
        assertThat(left.size()).isEqualTo(2);
        assertThat(right.size()).isEqualTo(2);
    }

    @Test
    void a_dump_that_lists_an_index_overrides_the_built_in_row() {
        Instrument fromDump = new Instrument(256265L, 1001L, "NIFTY 50", "NIFTY 50", "NSE", "INDICES",
                InstrumentType.INDEX, null, 0.0, 0.0, 0);
        InstrumentCatalog merged = InstrumentCatalog.wellKnownIndices().merge(InstrumentCatalog.of(fromDump));
        assertThat(merged.byToken(256265L)).containsSame(fromDump);
        assertThat(merged.byToken(256265L).orElseThrow().underlying()).isEqualTo("NIFTY");
    }

    @Test
    void near_month_selection_uses_the_name_column_even_when_another_underlying_expires_first() {
        // NIFTYNXT50 expiring earlier would win if selection went by a "NIFTY" symbol prefix.
        InstrumentCatalog catalog = InstrumentCatalog.of(
                future(1L, "NIFTYNXT5026AUGFUT", "NIFTYNXT50", "NFO", LocalDate.of(2026, 8, 20), 25),
                future(2L, "NIFTY26AUGFUT", "NIFTY", "NFO", LocalDate.of(2026, 8, 25), 65),
                future(3L, "NIFTY26SEPFUT", "NIFTY", "NFO", LocalDate.of(2026, 9, 29), 65));
        assertThat(catalog.nearMonthFuture("NIFTY", LocalDate.of(2026, 8, 18)))
                .map(Instrument::tradingSymbol).contains("NIFTY26AUGFUT");
        assertThat(catalog.nearMonthFuture("NIFTYNXT50", LocalDate.of(2026, 8, 18)))
                .map(Instrument::tradingSymbol).contains("NIFTYNXT5026AUGFUT");
        assertThat(catalog.nearMonthFuture("NIFTYNXT50", LocalDate.of(2026, 8, 21))).isEmpty();
    }

    @Test
    void near_month_selection_trusts_the_expiry_column_not_the_month_in_the_symbol() {
        // A contract whose symbol says AUG but whose expiry was moved (e.g. a holiday) is selected by its real date.
        InstrumentCatalog catalog = InstrumentCatalog.of(
                future(1L, "NIFTY26SEPFUT", "NIFTY", "NFO", LocalDate.of(2026, 8, 24), 65),
                future(2L, "NIFTY26AUGFUT", "NIFTY", "NFO", LocalDate.of(2026, 8, 25), 65));
        assertThat(catalog.nearMonthFuture("NIFTY", LocalDate.of(2026, 8, 24))).map(Instrument::token).contains(1L);
        assertThat(catalog.nearMonthFuture("NIFTY", LocalDate.of(2026, 8, 25))).map(Instrument::token).contains(2L);
    }

    @Test
    void options_and_indices_are_never_a_near_month_future() {
        InstrumentCatalog catalog = InstrumentCatalog.wellKnownIndices().merge(InstrumentCatalog.of(
                new Instrument(1L, 1L, "NIFTY26AUG25000CE", "NIFTY", "NFO", "NFO-OPT", InstrumentType.CE,
                        LocalDate.of(2026, 8, 20), 25000.0, 0.05, 65)));
        assertThat(catalog.nearMonthFuture("NIFTY", LocalDate.of(2026, 8, 18))).isEmpty();
    }

    @Test
    void a_catalog_cannot_be_built_with_two_instruments_on_one_token() {
        Instrument a = future(1L, "A26AUGFUT", "A", "NFO", LocalDate.of(2026, 8, 25), 1);
        Instrument b = future(1L, "B26AUGFUT", "B", "NFO", LocalDate.of(2026, 8, 25), 1);
        assertThatThrownBy(() -> InstrumentCatalog.of(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate instrument token 1: NFO:A26AUGFUT and NFO:B26AUGFUT");
    }

    @Test
    void the_all_view_is_read_only_and_to_string_stays_short() {
        InstrumentCatalog indices = InstrumentCatalog.wellKnownIndices();
        assertThatThrownBy(() -> indices.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(indices).hasToString("InstrumentCatalog[3 instruments]");
        assertThat(InstrumentCatalog.empty().size()).isZero();
    }

    @Test
    void instrument_types_are_classified_from_the_dump_columns() {
        assertThat(InstrumentType.fromDump("EQ", "INDICES")).isEqualTo(InstrumentType.INDEX);
        assertThat(InstrumentType.fromDump("EQ", "NSE")).isEqualTo(InstrumentType.EQ);
        assertThat(InstrumentType.fromDump("FUT", "NFO-FUT")).isEqualTo(InstrumentType.FUT);
        assertThat(InstrumentType.fromDump("CE", "BFO-OPT")).isEqualTo(InstrumentType.CE);
        assertThat(InstrumentType.fromDump("PE", "NFO-OPT")).isEqualTo(InstrumentType.PE);
        assertThat(InstrumentType.fromDump("SWAP", "CDS-FUT")).isEqualTo(InstrumentType.OTHER);
    }
}
