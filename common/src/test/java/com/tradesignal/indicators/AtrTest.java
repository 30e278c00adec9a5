package com.tradesignal.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AtrTest {
    private static final double EPS = 1e-9;

    @Test
    void atr3CountsTheFirstBarsRangeAndBothGapsThroughThePreviousClose() {
        // ATR(3), α = 1/3. (H, L, C):
        //   bar 0 (10, 8, 9)        TR = H − L = 2 (no previous close)
        //   bar 1 (11, 9, 10.5)     TR = max(2, |11 − 9|, |9 − 9|)          = 2
        //   bar 2 (12, 10.5, 11)    TR = max(1.5, |12 − 10.5|, |10.5 − 10.5|) = 1.5 → ATR = (2 + 2 + 1.5)/3 = 11/6
        //   bar 3 (15, 14, 14.5)    gap up:   TR = max(1, |15 − 11|, |14 − 11|) = 4
        //                           ATR = (2·11/6 + 4)/3 = 23/9 = 2.5556
        //   bar 4 (12, 11, 11.5)    gap down: TR = max(1, |12 − 14.5|, |11 − 14.5|) = 3.5
        //                           ATR = (2·23/9 + 3.5)/3 = 155/54 = 2.8704
        Atr atr = new Atr(3);
        assertThat(atr.update(10, 8, 9)).isNaN();
        assertThat(atr.trueRange()).isEqualTo(2.0);
        assertThat(atr.update(11, 9, 10.5)).isNaN();
        assertThat(atr.trueRange()).isEqualTo(2.0);
        assertThat(atr.update(12, 10.5, 11)).isCloseTo(11.0 / 6, within(EPS));
        assertThat(atr.isWarm()).isTrue();
        assertThat(atr.update(15, 14, 14.5)).isCloseTo(23.0 / 9, within(EPS));
        assertThat(atr.trueRange()).isEqualTo(4.0);
        assertThat(atr.update(12, 11, 11.5)).isCloseTo(155.0 / 54, within(EPS));
        assertThat(atr.trueRange()).isEqualTo(3.5);
    }

    @Test
    void atr14IsNaNForTheFirstThirteenBarsAndWarmOnTheFourteenthAsTradingView() {
        Atr atr = new Atr();
        for (int i = 0; i < 13; i++) {
            assertThat(atr.update(101, 99, 100)).as("bar %d", i).isNaN();
            assertThat(atr.isWarm()).isFalse();
        }
        assertThat(atr.update(101, 99, 100)).isCloseTo(2.0, within(EPS));
        assertThat(atr.isWarm()).isTrue();
        assertThat(atr.barsSeen()).isEqualTo(14);
    }

    @Test
    void flatPricesGiveAnAtrOfZero() {
        Atr atr = new Atr();
        for (int i = 0; i < 40; i++) {
            atr.update(18_000, 18_000, 18_000);
        }
        assertThat(atr.value()).isZero();
        assertThat(atr.trueRange()).isZero();
    }

    @Test
    void aCandleWithANonFinitePriceIsIgnored() {
        Atr atr = new Atr(2);
        atr.update(10, 8, 9);
        atr.update(11, 9, 10);
        Atr before = atr.copy();
        assertThat(atr.update(Double.NaN, 9, 10)).isEqualTo(before.value());
        assertThat(atr).isEqualTo(before);
    }
}
