package com.tradesignal.instrument;

import com.tradesignal.testing.SharedFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contracts the feed subscribes, resolved from the real Kite NFO+BFO dump of 2026-08-18. Expected values were
 * read from the file itself: futures expire 2026-08-25 (NIFTY, BANKNIFTY, NIFTYNXT50) and 2026-08-27 (SENSEX);
 * nearest option expiries are 2026-08-18 (NIFTY, a Tuesday weekly), 2026-08-25 (BANKNIFTY, monthly only) and
 * 2026-08-20 (SENSEX, a Thursday weekly).
 */
class InstrumentResolverDumpTest {
    private static final LocalDate DUMP_DAY = LocalDate.of(2026, 8, 18);
    private static InstrumentResolver resolver;

    @BeforeAll
    static void load() {
        resolver = InstrumentResolver.of(InstrumentCatalog.load(SharedFixtures.fixture("kite-instruments-nfo-bfo-2026-08-18.csv")));
    }

    @Test
    void theNearMonthFuturesOnTheDumpDayAreTheAugustContractsOnTheirOwnExchanges() {
        Instrument nifty = resolver.nearMonthFuture("NIFTY", DUMP_DAY).orElseThrow();
        assertThat(nifty.key()).isEqualTo("NFO:NIFTY26AUGFUT");
        assertThat(nifty.token()).isEqualTo(14866434L);
        assertThat(nifty.expiry()).isEqualTo(LocalDate.of(2026, 8, 25));

        Instrument bank = resolver.nearMonthFuture("BANKNIFTY", DUMP_DAY).orElseThrow();
        assertThat(bank.key()).isEqualTo("NFO:BANKNIFTY26AUGFUT");
        assertThat(bank.token()).isEqualTo(14865154L);
        assertThat(bank.expiry()).isEqualTo(LocalDate.of(2026, 8, 25));

        Instrument sensex = resolver.nearMonthFuture("SENSEX", DUMP_DAY).orElseThrow();
        assertThat(sensex.key()).isEqualTo("BFO:SENSEX26AUGFUT");
        assertThat(sensex.token()).isEqualTo(211359237L);
        assertThat(sensex.expiry()).isEqualTo(LocalDate.of(2026, 8, 27));
    }

    @Test
    void theNearMonthFutureIsStillTheExpiringContractOnItsExpiryDay() {
        assertThat(resolver.nearMonthFuture("NIFTY", LocalDate.of(2026, 8, 25))).map(Instrument::token).contains(14866434L);
        assertThat(resolver.nearMonthFuture("BANKNIFTY", LocalDate.of(2026, 8, 25))).map(Instrument::token).contains(14865154L);
        assertThat(resolver.nearMonthFuture("SENSEX", LocalDate.of(2026, 8, 27))).map(Instrument::token).contains(211359237L);
    }

    @Test
    void theNearMonthFutureRollsToTheNextContractTheDayAfterExpiry() {
        assertThat(resolver.nearMonthFuture("NIFTY", LocalDate.of(2026, 8, 26)))
                .map(Instrument::key).contains("NFO:NIFTY26SEPFUT");
        assertThat(resolver.nearMonthFuture("NIFTY", LocalDate.of(2026, 8, 26))).map(Instrument::token).contains(17512194L);
        assertThat(resolver.nearMonthFuture("BANKNIFTY", LocalDate.of(2026, 8, 26))).map(Instrument::token).contains(17507842L);
        // SENSEX expires two days later than the NSE contracts, so on 2026-08-26 it has not rolled yet.
        assertThat(resolver.nearMonthFuture("SENSEX", LocalDate.of(2026, 8, 26))).map(Instrument::token).contains(211359237L);
        Instrument sensexSep = resolver.nearMonthFuture("SENSEX", LocalDate.of(2026, 8, 28)).orElseThrow();
        assertThat(sensexSep.key()).isEqualTo("BFO:SENSEX26SEPFUT");
        assertThat(sensexSep.token()).isEqualTo(216221445L);
        assertThat(sensexSep.expiry()).isEqualTo(LocalDate.of(2026, 9, 24));
    }

    @Test
    void niftyNextFiftyIsNeverPickedForNiftyAlthoughItsSymbolsStartWithNifty() {
        for (LocalDate day = DUMP_DAY; !day.isAfter(LocalDate.of(2026, 10, 27)); day = day.plusDays(1)) {
            assertThat(resolver.nearMonthFuture("NIFTY", day)).get().extracting(Instrument::name).isEqualTo("NIFTY");
            assertThat(resolver.nearestOptionChain("NIFTY", day).orElseThrow().strikes())
                    .allSatisfy(s -> assertThat(s.call().name()).isEqualTo("NIFTY"));
        }
        assertThat(resolver.nearMonthFuture("NIFTYNXT50", DUMP_DAY)).map(Instrument::token).contains(14866690L);
    }

    @Test
    void theNearestOptionExpiryOfEachUnderlyingComesFromTheDump() {
        assertThat(resolver.nearestOptionChain("NIFTY", DUMP_DAY).orElseThrow().expiry()).isEqualTo(LocalDate.of(2026, 8, 18));
        assertThat(resolver.nearestOptionChain("BANKNIFTY", DUMP_DAY).orElseThrow().expiry()).isEqualTo(LocalDate.of(2026, 8, 25));
        assertThat(resolver.nearestOptionChain("SENSEX", DUMP_DAY).orElseThrow().expiry()).isEqualTo(LocalDate.of(2026, 8, 20));
        // A day after each expiry, the chain moves to the next listed one.
        assertThat(resolver.nearestOptionChain("SENSEX", LocalDate.of(2026, 8, 21)).orElseThrow().expiry())
                .isEqualTo(LocalDate.of(2026, 8, 27));
        assertThat(resolver.nearestOptionChain("BANKNIFTY", LocalDate.of(2026, 8, 26)).orElseThrow().expiry())
                .isEqualTo(LocalDate.of(2026, 9, 29));
    }

    @Test
    void theBankNiftyAndSensexChainsHoldEveryListedStrikeWithBothSides() {
        OptionChain bank = resolver.nearestOptionChain("BANKNIFTY", DUMP_DAY).orElseThrow();
        assertThat(bank.underlying()).isEqualTo("BANKNIFTY");
        assertThat(bank.strikes()).hasSize(167);
        assertThat(bank.strikes().get(0).strike()).isEqualTo(46_000.0);
        assertThat(bank.strikes().get(166).strike()).isEqualTo(66_000.0);
        assertThat(bank.strikes()).allSatisfy(s -> {
            assertThat(s.call().exchange()).isEqualTo("NFO");
            assertThat(s.put().type()).isEqualTo(InstrumentType.PE);
        });

        OptionChain sensex = resolver.nearestOptionChain("SENSEX", DUMP_DAY).orElseThrow();
        assertThat(sensex.strikes()).hasSize(134);
        assertThat(sensex.strikes().get(0).strike()).isEqualTo(71_000.0);
        assertThat(sensex.strikes().get(133).strike()).isEqualTo(84_300.0);
        assertThat(sensex.strikes()).allSatisfy(s -> assertThat(s.put().segment()).isEqualTo("BFO-OPT"));
    }

    @Test
    void theBankNiftyWindowAroundTheMoneyHoldsTheRealContracts() {
        OptionChain bank = resolver.nearestOptionChain("BANKNIFTY", DUMP_DAY).orElseThrow();
        OptionWindow window = bank.window(55_040.0, 1);
        assertThat(window.centreStrike()).isEqualTo(55_000.0);
        assertThat(window.instruments()).extracting(Instrument::tradingSymbol).containsExactly(
                "BANKNIFTY26AUG54900CE", "BANKNIFTY26AUG54900PE", "BANKNIFTY26AUG55000CE", "BANKNIFTY26AUG55000PE",
                "BANKNIFTY26AUG55100CE", "BANKNIFTY26AUG55100PE");
        assertThat(window.tokens()).containsExactly(15104514L, 15104770L, 15105026L, 15105282L, 15105538L, 15105794L);
    }

    @Test
    void theSensexWindowRecentresOnlyPastTheHysteresisAndTheDiffSwapsTheEdges() {
        OptionChain sensex = resolver.nearestOptionChain("SENSEX", DUMP_DAY).orElseThrow();
        OptionWindow window = sensex.window(81_000.0, 1);
        assertThat(window.tokens()).containsExactly(218902789L, 218952709L, 218817285L, 218859525L, 218879493L, 219026693L);

        // One strike (100 points) away is within a hysteresis of 2 strikes; two strikes away is not.
        assertThat(window.needsRecentre(sensex, 81_100.0, 2)).isFalse();
        assertThat(window.needsRecentre(sensex, 81_190.0, 2)).isTrue();

        OptionWindow moved = sensex.window(81_100.0, 1);
        OptionWindow.Change change = OptionWindow.diff(window, moved);
        assertThat(change.remove()).containsExactly(218902789L, 218952709L); // 80900 CE, PE
        assertThat(moved.instruments()).filteredOn(i -> change.add().contains(i.token()))
                .extracting(Instrument::tradingSymbol).containsExactly("SENSEX2682081200CE", "SENSEX2682081200PE");
    }

    @Test
    void anUnknownNameResolvesToNothing() {
        assertThat(resolver.nearMonthFuture("NOSUCH", DUMP_DAY)).isEmpty();
        assertThat(resolver.nearestOptionChain("NOSUCH", DUMP_DAY)).isEmpty();
        assertThat(resolver.nearestOptionChain("nifty", DUMP_DAY)).as("names are exact").isEmpty();
        assertThat(resolver.index("NOSUCH")).isEmpty();
        assertThat(resolver.index("NIFTYNXT50")).as("not one of the well-known indices").isEmpty();
    }

    @Test
    void afterTheLastListedExpiryNothingIsResolved() {
        assertThat(resolver.nearMonthFuture("SENSEX", LocalDate.of(2026, 10, 30))).isEmpty();
        // The longest-dated SENSEX options in the dump expire 2031-06-26.
        assertThat(resolver.nearestOptionChain("SENSEX", LocalDate.of(2031, 6, 26)).map(OptionChain::expiry))
                .contains(LocalDate.of(2031, 6, 26));
        assertThat(resolver.nearestOptionChain("SENSEX", LocalDate.of(2031, 6, 27))).isEmpty();
    }

    @Test
    void theIndicesAreSynthesizedFromTheWellKnownTokensBecauseAnNfoBfoDumpListsNone() {
        assertThat(resolver.dump().byToken(256265L)).isEmpty();
        Instrument nifty = resolver.index("NIFTY").orElseThrow();
        assertThat(nifty.token()).isEqualTo(256265L);
        assertThat(nifty.key()).isEqualTo("NSE:NIFTY 50");
        assertThat(nifty.type()).isEqualTo(InstrumentType.INDEX);
        assertThat(nifty.segment()).isEqualTo("INDICES");
        assertThat(resolver.index("BANKNIFTY")).map(Instrument::key).contains("NSE:NIFTY BANK");
        assertThat(resolver.index("BANKNIFTY")).map(Instrument::token).contains(260105L);
        assertThat(resolver.index("SENSEX")).map(Instrument::key).contains("BSE:SENSEX");
        assertThat(resolver.index("SENSEX")).map(Instrument::token).contains(265L);
        assertThat(resolver.index("SENSEX").orElseThrow().underlying()).isEqualTo("SENSEX");
    }
}
