package com.tradesignal.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RateOfChangeTest {
    private static final double EPS = 1e-12;

    @Test
    void roc3ComparesEachCloseWithTheCloseThreeBarsEarlierInPercent() {
        // ROC(3), closes 100, 102, 101, 105, 99:
        //   bars 0..2: NaN; bar 3: 100·(105 − 100)/100 = 5; bar 4: 100·(99 − 102)/102 = −2.941176...
        RateOfChange roc = new RateOfChange(3);
        assertThat(roc.update(100)).isNaN();
        assertThat(roc.update(102)).isNaN();
        assertThat(roc.update(101)).isNaN();
        assertThat(roc.isWarm()).isFalse();
        assertThat(roc.update(105)).isCloseTo(5.0, within(EPS));
        assertThat(roc.isWarm()).isTrue();
        assertThat(roc.update(99)).isCloseTo(-300.0 / 102, within(EPS));
    }

    @Test
    void roc10IsNaNForTheFirstTenClosesAndKeepsOnlyTheLastElevenInItsRing() {
        RateOfChange roc = new RateOfChange();
        for (int i = 0; i < 10; i++) {
            assertThat(roc.update(1000 + i)).as("bar %d", i).isNaN();
        }
        for (int i = 10; i < 1000; i++) {
            roc.update(1000 + i);
        }
        assertThat(roc.value()).isCloseTo(100.0 * 10 / 1989, within(EPS)); // (1999 − 1989)/1989
        for (int k = 0; k <= 10; k++) {
            assertThat(roc.close(k)).isEqualTo(1999.0 - k);
        }
        assertThat(roc.barsSeen()).isEqualTo(1000);
    }

    @Test
    void aZeroBaseCloseGivesNaNRatherThanInfinity() {
        RateOfChange roc = new RateOfChange(1);
        roc.update(0);
        assertThat(roc.update(5)).isNaN();
        assertThat(roc.update(10)).isCloseTo(100.0, within(EPS));
    }

    @Test
    void aGapShowsUpFullyInTheMomentum() {
        RateOfChange roc = new RateOfChange(2);
        roc.update(18_000);
        roc.update(18_010);
        assertThat(roc.update(18_360)).isCloseTo(2.0, within(EPS)); // gap of 2 % over two bars
    }
}
