package com.tradesignal.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SuperTrendTest {
    private static final double EPS = 1e-9;

    /** Ten quiet bars (H 101, L 99, C 100): TR = 2 each, so ATR(10) = 2 on bar 9, hl2 = 100. */
    private static SuperTrend afterTenQuietBars() {
        SuperTrend st = new SuperTrend();
        for (int i = 0; i < 9; i++) {
            assertThat(st.update(101, 99, 100)).as("bar %d", i).isNaN();
            assertThat(st.isWarm()).isFalse();
            assertThat(st.direction()).isZero();
        }
        st.update(101, 99, 100);
        return st;
    }

    @Test
    void isNaNForTheFirstNineBarsAndStartsInADowntrendOnTheUpperBandOnBarNine() {
        // Bar 9: upper = 100 + 3·2 = 106, lower = 100 − 3·2 = 94; Pine starts with direction +1 (down),
        // which is −1 in the project's sign; the line is the upper band.
        SuperTrend st = afterTenQuietBars();
        assertThat(st.isWarm()).isTrue();
        assertThat(st.value()).isCloseTo(106.0, within(EPS));
        assertThat(st.upperBand()).isCloseTo(106.0, within(EPS));
        assertThat(st.lowerBand()).isCloseTo(94.0, within(EPS));
        assertThat(st.direction()).isEqualTo(-1);
        assertThat(st.tradingViewDirection()).isEqualTo(1);
        assertThat(st.flipped()).as("the first bar is no flip").isFalse();
    }

    @Test
    void flipsUpOnTheBarThatClosesAboveTheUpperBandAndDownOnTheBarThatClosesBelowTheLowerBand() {
        SuperTrend st = afterTenQuietBars();
        // bar 10, quiet again: close 100 ≤ upper ≈ 106 → still down
        st.update(101, 99, 100);
        assertThat(st.direction()).isEqualTo(-1);
        assertThat(st.flipped()).isFalse();
        // bar 11 (110, 104, 109): TR = max(6, |110 − 100|, |104 − 100|) = 10, ATR = 0.1·10 + 0.9·2 = 2.8,
        // hl2 = 107; raw upper 115.4 is not below 106 and close[1] = 100 is not above it → upper stays 106;
        // raw lower 98.6 > 94 → lower 98.6. Previous bar was down and close 109 > 106 → UP, line = 98.6.
        st.update(110, 104, 109);
        assertThat(st.atr()).isCloseTo(2.8, within(EPS));
        assertThat(st.upperBand()).isCloseTo(106.0, within(EPS));
        assertThat(st.direction()).isEqualTo(1);
        assertThat(st.tradingViewDirection()).isEqualTo(-1);
        assertThat(st.flipped()).isTrue();
        assertThat(st.value()).isCloseTo(98.6, within(EPS));
        // bar 12 (100, 90, 91): TR = max(10, |100 − 109|, |90 − 109|) = 19, ATR = 1.9 + 0.9·2.8 = 4.42, hl2 = 95;
        // raw lower 81.74 is not above 98.6 and close[1] = 109 is not below it → lower stays 98.6;
        // raw upper 108.26 is not below 106 but close[1] = 109 > 106 → upper 108.26.
        // Previous bar was up and close 91 < 98.6 → DOWN, line = 108.26.
        st.update(100, 90, 91);
        assertThat(st.lowerBand()).isCloseTo(98.6, within(EPS));
        assertThat(st.direction()).isEqualTo(-1);
        assertThat(st.flipped()).isTrue();
        assertThat(st.value()).isCloseTo(108.26, within(EPS));
        // bar 13 (92, 88, 89): TR = 4, ATR = 0.4 + 0.9·4.42 = 4.378, hl2 = 90, raw upper 103.134 < 108.26 →
        // the upper band ratchets down; close 89 ≤ 103.134 → still down, no flip.
        st.update(92, 88, 89);
        assertThat(st.direction()).isEqualTo(-1);
        assertThat(st.flipped()).isFalse();
        assertThat(st.value()).isCloseTo(103.134, within(EPS));
    }

    @Test
    void flatPricesGiveAZeroAtrAndStayInTheStartingDowntrend() {
        // ATR 0 ⇒ upper == lower == price; Pine's exact-equality test then reads every bar as "was down",
        // and close > upper never holds, so the direction stays down.
        SuperTrend st = new SuperTrend();
        for (int i = 0; i < 50; i++) {
            st.update(18_000, 18_000, 18_000);
            assertThat(st.flipped()).isFalse();
        }
        assertThat(st.atr()).isZero();
        assertThat(st.value()).isEqualTo(18_000.0);
        assertThat(st.direction()).isEqualTo(-1);
    }

    @Test
    void aCandleWithANonFinitePriceIsIgnored() {
        SuperTrend st = afterTenQuietBars();
        SuperTrend before = st.copy();
        st.update(Double.NaN, 99, 100);
        assertThat(st).isEqualTo(before);
    }
}
