package com.tradesignal.instrument;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input checks and window arithmetic of an option chain, on a small hand-built chain. */
class OptionChainTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 8, 25);

    private static OptionChain.Strike strike(double strike) {
        long base = (long) strike * 2;
        return new OptionChain.Strike(strike,
                new Instrument(base, 0L, "X" + (long) strike + "CE", "X", "NFO", "NFO-OPT", InstrumentType.CE, EXPIRY, strike, 0.05, 1),
                new Instrument(base + 1, 0L, "X" + (long) strike + "PE", "X", "NFO", "NFO-OPT", InstrumentType.PE, EXPIRY, strike, 0.05, 1));
    }

    private static final OptionChain CHAIN = new OptionChain("X", EXPIRY,
            List.of(strike(100), strike(110), strike(120), strike(130), strike(140)));

    @Test
    void aChainWithoutStrikesIsRejectedNamingTheUnderlyingAndExpiry() {
        assertThatThrownBy(() -> new OptionChain("X", EXPIRY, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X 2026-08-25").hasMessageContaining("at least one strike");
    }

    @Test
    void unsortedOrRepeatedStrikesAreRejectedNamingTheOffendingStrikes() {
        assertThatThrownBy(() -> new OptionChain("X", EXPIRY, List.of(strike(110), strike(100))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sorted and distinct").hasMessageContaining("100.0 follows 110.0");
        assertThatThrownBy(() -> new OptionChain("X", EXPIRY, List.of(strike(100), strike(100))))
                .hasMessageContaining("100.0 follows 100.0");
    }

    @Test
    void aStrikeWithNeitherCallNorPutIsRejected() {
        assertThatThrownBy(() -> new OptionChain.Strike(100.0, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strike 100.0 has neither");
    }

    @Test
    void theAtTheMoneyStrikeIsTheNearestListedOneAndTheLowerOnATie() {
        assertThat(CHAIN.atmStrike(114.9)).isEqualTo(110.0);
        assertThat(CHAIN.atmStrike(115.0)).isEqualTo(110.0);
        assertThat(CHAIN.atmStrike(115.1)).isEqualTo(120.0);
        assertThat(CHAIN.atmStrike(1_000.0)).isEqualTo(140.0);
    }

    @Test
    void aSpotThatIsNotAPriceIsRejectedInsteadOfPickingTheLowestStrike() {
        assertThatThrownBy(() -> CHAIN.atmStrike(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X").hasMessageContaining("NaN");
        assertThatThrownBy(() -> CHAIN.window(Double.POSITIVE_INFINITY, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeWindowWidthIsRejected() {
        assertThatThrownBy(() -> CHAIN.window(120, -1)).hasMessageContaining("strikesEachSide").hasMessageContaining("-1");
    }

    @Test
    void theWindowHoldsCallThenPutOfEachStrikeAroundTheMoney() {
        OptionWindow window = CHAIN.window(121, 1);
        assertThat(window.centreStrike()).isEqualTo(120.0);
        assertThat(window.tokens()).containsExactly(220L, 221L, 240L, 241L, 260L, 261L);
        assertThat(CHAIN.window(121, 0).tokens()).containsExactly(240L, 241L);
    }

    @Test
    void hysteresisIsCountedInListedStrikesAndIsAtLeastOne() {
        OptionWindow window = CHAIN.window(120, 1);
        assertThat(window.needsRecentre(CHAIN, 124, 1)).isFalse();
        assertThat(window.needsRecentre(CHAIN, 126, 1)).isTrue();
        assertThat(window.needsRecentre(CHAIN, 126, 0)).as("a hysteresis of 0 behaves as 1").isTrue();
        assertThat(window.needsRecentre(CHAIN, 120, 0)).isFalse();
        assertThat(window.needsRecentre(CHAIN, 131, 2)).isFalse();
        assertThat(window.needsRecentre(CHAIN, 136, 2)).isTrue();
    }

    @Test
    void aWindowWhoseCentreIsNotInTheChainAlwaysNeedsRecentring() {
        OptionWindow stale = new OptionWindow(125.0, 1, List.of());
        assertThat(stale.needsRecentre(CHAIN, 125, 5)).isTrue();
    }

    @Test
    void theDiffBetweenWindowsSubscribesTheNewEdgeAndUnsubscribesTheOldOne() {
        OptionWindow.Change change = OptionWindow.diff(CHAIN.window(120, 1), CHAIN.window(130, 1));
        assertThat(change.add()).containsExactly(280L, 281L);
        assertThat(change.remove()).containsExactly(220L, 221L);
        assertThat(OptionWindow.diff(null, CHAIN.window(120, 0)).add()).containsExactly(240L, 241L);
        assertThat(OptionWindow.diff(CHAIN.window(120, 1), CHAIN.window(121, 1)).isEmpty()).isTrue();
    }
}
