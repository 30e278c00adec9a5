package com.tradesignal.indicators;

import com.tradesignal.indicators.CandleIntent.Intent;
import org.junit.jupiter.api.Test;

import static com.tradesignal.indicators.CandleIntent.classify;
import static org.assertj.core.api.Assertions.assertThat;

/** Textbook candle shapes (O, H, L, C) with the expected reading; NaN previous candle unless engulfing is tested. */
class CandleIntentTest {
    private static final double NONE = Double.NaN;

    @Test
    void hammerIsABullishRejection() {
        // body 0.8, lower wick 5, upper wick 0.2, range 6
        assertThat(classify(100, 101, 95, 100.8)).isEqualTo(Intent.BULLISH_REJECTION);
    }

    @Test
    void redHammerIsStillABullishRejectionBecauseColourDoesNotMatter() {
        assertThat(classify(100.8, 101, 95, 100)).isEqualTo(Intent.BULLISH_REJECTION);
    }

    @Test
    void shootingStarIsABearishRejection() {
        // body 0.5, upper wick 5.5, lower wick 0.2
        assertThat(classify(100, 106, 99.8, 100.5)).isEqualTo(Intent.BEARISH_REJECTION);
    }

    @Test
    void dragonflyAndGravestoneDojisAreRejectionsNotIndecision() {
        assertThat(classify(100, 100, 95, 100)).isEqualTo(Intent.BULLISH_REJECTION);
        assertThat(classify(100, 105, 100, 100)).isEqualTo(Intent.BEARISH_REJECTION);
    }

    @Test
    void dojiWithBalancedWicksIsIndecision() {
        assertThat(classify(100, 101, 99, 100)).isEqualTo(Intent.INDECISION);
        assertThat(classify(100, 101.2, 99, 100.05)).isEqualTo(Intent.INDECISION); // long-legged, slightly lopsided
    }

    @Test
    void spinningTopWithABodyOfExactlyTenPercentIsIndecision() {
        // body 0.4 of range 4.0 — exactly the threshold despite 100.4 − 100 not being exact in binary
        assertThat(classify(100, 102, 98, 100.4)).isEqualTo(Intent.INDECISION);
        // body 0.6 of 4.0 (15 %) with balanced wicks: nothing clear
        assertThat(classify(100, 102, 98, 100.6)).isEqualTo(Intent.NEUTRAL);
    }

    @Test
    void marubozuIsStrong() {
        assertThat(classify(100, 105, 100, 105)).isEqualTo(Intent.STRONG_BULL);
        assertThat(classify(105, 105, 100, 100)).isEqualTo(Intent.STRONG_BEAR);
    }

    @Test
    void seventyPercentBodyClosingNearTheExtremeIsStrong() {
        // range 10, body 7, upper wick 0.5: strong bull; mirrored bear
        assertThat(classify(100, 107.5, 97.5, 107)).isEqualTo(Intent.STRONG_BULL);
        assertThat(classify(107, 109.5, 99.5, 100)).isEqualTo(Intent.STRONG_BEAR);
    }

    @Test
    void bigBodyClosingAwayFromTheExtremeIsNotStrong() {
        // range 10, body 7, but 2 points (20 %) of upper wick above the close
        assertThat(classify(101, 110, 100, 108)).isEqualTo(Intent.NEUTRAL);
        // body 6.9 of 10: just under 70 %
        assertThat(classify(100, 107, 97, 106.9)).isEqualTo(Intent.NEUTRAL);
    }

    @Test
    void bullishEngulfingNeedsABearishPreviousBodyCoveredByABullishBody() {
        assertThat(classify(102, 100, 99.5, 103, 99, 102.5)).isEqualTo(Intent.BULLISH_ENGULFING);
        // covering exactly on one side and beyond on the other is enough (TA-Lib rule)
        assertThat(classify(102, 100, 100, 103, 99, 102.5)).isEqualTo(Intent.BULLISH_ENGULFING);
    }

    @Test
    void bearishEngulfingNeedsABullishPreviousBodyCoveredByABearishBody() {
        assertThat(classify(100, 102, 102.5, 103, 99, 99.5)).isEqualTo(Intent.BEARISH_ENGULFING);
    }

    @Test
    void engulfingTakesPrecedenceOverAStrongCandle() {
        // a marubozu that also engulfs a small red candle
        assertThat(classify(101, 100.5, 100, 105, 100, 105)).isEqualTo(Intent.BULLISH_ENGULFING);
        assertThat(classify(NONE, NONE, 100, 105, 100, 105)).isEqualTo(Intent.STRONG_BULL);
    }

    @Test
    void sameDirectionOrEqualBodiesOrADojiBeforeDoNotEngulf() {
        // previous bullish, this bullish and bigger
        assertThat(classify(100, 101, 99.5, 105, 99.5, 105)).isEqualTo(Intent.STRONG_BULL);
        // bodies exactly equal and opposite: not engulfing (neither side strictly beyond)
        assertThat(classify(102, 100, 100, 102.2, 99.8, 102)).isNotEqualTo(Intent.BULLISH_ENGULFING);
        // previous candle is a doji (zero body)
        assertThat(classify(100, 100, 99, 103, 99, 102.8)).isEqualTo(Intent.STRONG_BULL);
        // body not reaching the previous open
        assertThat(classify(102, 100, 99.5, 101.9, 99.4, 101.8)).isNotEqualTo(Intent.BULLISH_ENGULFING);
    }

    @Test
    void flatCandleWithHighEqualToLowIsIndecision() {
        assertThat(classify(100, 100, 100, 100)).isEqualTo(Intent.INDECISION);
        assertThat(classify(99, 101, 100, 100, 100, 100)).isEqualTo(Intent.INDECISION);
    }

    @Test
    void zeroBodyInsideARangeIsADoji() {
        assertThat(classify(18800.05, 18801.00, 18799.00, 18800.05)).isEqualTo(Intent.INDECISION);
    }

    @Test
    void nonFiniteInputsAreNeutral() {
        assertThat(classify(Double.NaN, 101, 99, 100)).isEqualTo(Intent.NEUTRAL);
        assertThat(classify(100, Double.POSITIVE_INFINITY, 99, 100)).isEqualTo(Intent.NEUTRAL);
    }

    @Test
    void everyIntentHasADirectionAndADescription() {
        assertThat(Intent.STRONG_BULL.direction()).isEqualTo(1);
        assertThat(Intent.BULLISH_REJECTION.direction()).isEqualTo(1);
        assertThat(Intent.BULLISH_ENGULFING.direction()).isEqualTo(1);
        assertThat(Intent.STRONG_BEAR.direction()).isEqualTo(-1);
        assertThat(Intent.BEARISH_REJECTION.direction()).isEqualTo(-1);
        assertThat(Intent.BEARISH_ENGULFING.direction()).isEqualTo(-1);
        assertThat(Intent.INDECISION.direction()).isZero();
        assertThat(Intent.NEUTRAL.direction()).isZero();
        assertThat(Intent.BULLISH_ENGULFING.label()).isEqualTo("bullish engulfing");
        for (Intent intent : Intent.values()) {
            assertThat(intent.description()).isNotBlank().doesNotContain("\n");
        }
    }
}
