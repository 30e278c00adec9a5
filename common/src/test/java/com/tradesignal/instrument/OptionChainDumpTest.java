package com.tradesignal.instrument;

import com.tradesignal.testing.SharedFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Option chains and the at-the-money window, on the real Kite NFO+BFO dump of 2026-08-18. */
class OptionChainDumpTest {
    private static InstrumentResolver resolver;

    @BeforeAll
    static void load() {
        resolver = InstrumentResolver.of(InstrumentCatalog.load(SharedFixtures.fixture("kite-instruments-nfo-bfo-2026-08-18.csv")));
    }

    @Test
    void theNearestNiftyExpiryOnItsOwnExpiryDayIsThatDayWith105StrikesFiftyApart() {
        OptionChain chain = resolver.nearestOptionChain("NIFTY", LocalDate.of(2026, 8, 18)).orElseThrow();
        assertThat(chain.expiry()).isEqualTo(LocalDate.of(2026, 8, 18));
        assertThat(chain.strikes()).hasSize(105);
        assertThat(chain.strikes().get(0).strike()).isEqualTo(22000.0);
        assertThat(chain.strikes().get(104).strike()).isEqualTo(27200.0);
        assertThat(chain.strikes()).allSatisfy(s -> {
            assertThat(s.call().tradingSymbol()).endsWith("CE");
            assertThat(s.put().tradingSymbol()).endsWith("PE");
        });
    }

    @Test
    void theDayAfterTheChainMovesToTheNextWeeklyExpiry() {
        assertThat(resolver.nearestOptionChain("NIFTY", LocalDate.of(2026, 8, 19)).orElseThrow().expiry())
                .isEqualTo(LocalDate.of(2026, 8, 25));
    }

    @Test
    void theWindowAroundTheMoneyHoldsTheRealContracts() {
        OptionChain chain = resolver.nearestOptionChain("NIFTY", LocalDate.of(2026, 8, 18)).orElseThrow();
        assertThat(chain.atmStrike(24_512.3)).isEqualTo(24_500.0);
        assertThat(chain.atmStrike(24_525.0)).as("a tie goes to the lower strike").isEqualTo(24_500.0);
        OptionWindow w = chain.window(24_512.3, 1);
        assertThat(w.centreStrike()).isEqualTo(24_500.0);
        assertThat(w.tokens()).containsExactly(11547650L, 11547906L, 11548162L, 11548418L, 11548674L, 11549442L);
        assertThat(w.instruments()).extracting(Instrument::tradingSymbol)
                .containsExactly("NIFTY2681824450CE", "NIFTY2681824450PE", "NIFTY2681824500CE", "NIFTY2681824500PE",
                        "NIFTY2681824550CE", "NIFTY2681824550PE");
    }

    @Test
    void theWindowMovesOnlyWhenThePriceHasMovedByTheHysteresis() {
        OptionChain chain = resolver.nearestOptionChain("NIFTY", LocalDate.of(2026, 8, 18)).orElseThrow();
        OptionWindow w = chain.window(24_500, 10);
        assertThat(w.tokens()).hasSize(42);
        assertThat(w.needsRecentre(chain, 24_549, 2)).isFalse();
        assertThat(w.needsRecentre(chain, 24_580, 2)).isTrue();
        OptionWindow moved = chain.window(24_600, 10);
        OptionWindow.Change change = OptionWindow.diff(w, moved);
        assertThat(change.add()).hasSize(4);
        assertThat(change.remove()).hasSize(4);
        assertThat(OptionWindow.diff(null, w).add()).hasSize(42);
        assertThat(OptionWindow.diff(w, w).isEmpty()).isTrue();
    }

    @Test
    void aWindowAtTheEndOfTheChainIsCutShort() {
        OptionChain chain = resolver.nearestOptionChain("NIFTY", LocalDate.of(2026, 8, 18)).orElseThrow();
        assertThat(chain.window(10_000, 3).tokens()).hasSize(8);
    }

    @Test
    void sensexOptionsComeFromBfoAndNiftyNextFiftyIsNotNifty() {
        OptionChain sensex = resolver.nearestOptionChain("SENSEX", LocalDate.of(2026, 8, 18)).orElseThrow();
        assertThat(sensex.strikes().get(0).call().exchange()).isEqualTo("BFO");
        OptionChain nifty = resolver.nearestOptionChain("NIFTY", LocalDate.of(2026, 8, 18)).orElseThrow();
        assertThat(nifty.strikes()).allSatisfy(s -> assertThat(s.call().name()).isEqualTo("NIFTY"));
        assertThat(resolver.nearestOptionChain("NOSUCH", LocalDate.of(2026, 8, 18))).isEmpty();
    }
}
