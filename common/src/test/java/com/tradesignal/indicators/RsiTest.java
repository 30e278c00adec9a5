package com.tradesignal.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RsiTest {
    private static final double EPS = 1e-9;

    @Test
    void rsi3OfSixClosesStartsAfterThreeChangesWithWilderSmoothingAfterwards() {
        // Closes 10, 11, 10.5, 11.5, 12, 11 → changes +1, −0.5, +1, +0.5, −1. RSI(3), α = 1/3.
        //   bar 3 (3 changes): avgGain = (1 + 0 + 1)/3 = 2/3, avgLoss = (0 + 0.5 + 0)/3 = 1/6,
        //                      RS = 4, RSI = 100 − 100/5 = 80
        //   bar 4 (+0.5):      avgGain = (2·2/3 + 0.5)/3 = 11/18, avgLoss = (2·1/6 + 0)/3 = 1/9,
        //                      RS = 5.5, RSI = 100 − 100/6.5 = 84.6153846...
        //   bar 5 (−1):        avgGain = (2·11/18 + 0)/3 = 11/27, avgLoss = (2·1/9 + 1)/3 = 11/27,
        //                      RS = 1, RSI = 50
        Rsi rsi = new Rsi(3);
        assertThat(rsi.update(10)).isNaN();
        assertThat(rsi.update(11)).isNaN();
        assertThat(rsi.update(10.5)).isNaN();
        assertThat(rsi.update(11.5)).isCloseTo(80.0, within(EPS));
        assertThat(rsi.averageGain()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(rsi.averageLoss()).isCloseTo(1.0 / 6, within(EPS));
        assertThat(rsi.update(12)).isCloseTo(100 - 100 / 6.5, within(EPS));
        assertThat(rsi.update(11)).isCloseTo(50.0, within(EPS));
    }

    @Test
    void rsi14IsNaNForTheFirstFourteenClosesAndWarmOnTheFifteenth() {
        Rsi rsi = new Rsi();
        for (int i = 0; i < 14; i++) {
            assertThat(rsi.update(100 + (i % 3))).as("bar %d", i).isNaN();
            assertThat(rsi.isWarm()).isFalse();
        }
        assertThat(rsi.update(101)).isBetween(0.0, 100.0);
        assertThat(rsi.isWarm()).isTrue();
        assertThat(rsi.barsSeen()).isEqualTo(15);
    }

    @Test
    void aFlatSeriesGivesRsi100AsTradingViewsBuiltInScriptWhereTaLibAndTa4jGive0() {
        Rsi rsi = new Rsi();
        for (int i = 0; i < 50; i++) {
            rsi.update(18_000);
        }
        assertThat(rsi.value()).isEqualTo(100.0);
        assertThat(rsi.averageGain()).isZero();
        assertThat(rsi.averageLoss()).isZero();
    }

    @Test
    void onlyRisingClosesGive100AndOnlyFallingClosesGive0() {
        Rsi rising = new Rsi();
        Rsi falling = new Rsi();
        for (int i = 0; i < 30; i++) {
            rising.update(100 + i);
            falling.update(100 - i);
        }
        assertThat(rising.value()).isEqualTo(100.0);
        assertThat(falling.value()).isEqualTo(0.0);
    }

    @Test
    void aFlatStretchAfterLossesDecaysTheLossAverageButKeepsRsiAtZeroUntilAGain() {
        Rsi rsi = new Rsi(3);
        double[] closes = {10, 9, 8, 7, 7, 7, 7};
        for (double c : closes) {
            rsi.update(c);
        }
        assertThat(rsi.value()).isEqualTo(0.0); // up == 0, down > 0
        assertThat(rsi.update(8)).isGreaterThan(0.0).isLessThan(100.0);
    }
}
