package com.tradesignal.indicators;

import com.tradesignal.indicators.PineTrendReference.SarRules;
import com.tradesignal.indicators.PineTrendReference.SarSeries;
import com.tradesignal.indicators.PineTrendReference.SuperTrendSeries;
import com.tradesignal.indicators.TrendTestCandles.Bar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The incremental indicators on a month of real NIFTY 50 one-minute candles (22 sessions × 375 = 8 250 bars),
 * bar by bar from bar 0 (warm-up NaNs included) against {@link PineTrendReference}, a naive whole-series
 * transliteration of Pine's reference code that shares no code with the classes under test. The independent-library
 * cross-check (ta4j, past the warm-up) is {@link TrendIndicatorsVsTa4jTest}.
 *
 * <p>Tolerance: the naive reference performs the same IEEE operations in the same order (it agrees to the last bit
 * today); 1e-12 relative only leaves room for a harmless reordering, far below the 0.05 tick size.
 */
class TrendIndicatorsOnNiftyCandlesTest {
    private static List<Bar> bars;
    private static double[] high;
    private static double[] low;
    private static double[] close;

    @BeforeAll
    static void load() {
        bars = TrendTestCandles.niftyDecember2022();
        high = TrendTestCandles.highs(bars);
        low = TrendTestCandles.lows(bars);
        close = TrendTestCandles.closes(bars);
    }

    /** Same NaN positions; values equal to 1e-12 relative. */
    private static void assertSameSeries(double[] actual, double[] reference, String what) {
        assertThat(actual).hasSameSizeAs(reference);
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(reference[i])) {
                assertThat(actual[i]).as("%s on bar %d", what, i).isNaN();
            } else {
                assertThat(actual[i]).as("%s on bar %d", what, i)
                        .isCloseTo(reference[i], within(1e-12 * Math.max(1.0, Math.abs(reference[i]))));
            }
        }
    }

    @Test
    void theFixtureHoldsTwentyTwoRegularSessionsOfThreeHundredSeventyFiveMinutes() {
        assertThat(bars).hasSize(22 * 375);
        assertThat(bars.get(0).end()).isEqualTo(LocalDateTime.of(2022, 12, 1, 9, 16));
        assertThat(bars.get(bars.size() - 1).end()).isEqualTo(LocalDateTime.of(2022, 12, 30, 15, 30));
    }

    @Test
    void emasMatchTheSmaSeededDefinitionFromBarZero() {
        for (int period : new int[] {9, 21, 50, 200}) {
            Ema ema = new Ema(period);
            double[] ours = new double[close.length];
            for (int i = 0; i < close.length; i++) {
                ours[i] = ema.update(close[i]);
            }
            assertSameSeries(ours, PineTrendReference.ema(close, period), "EMA(" + period + ")");
            assertThat(ours[period - 2]).isNaN();
            assertThat(ours[period - 1]).isPositive();
        }
    }

    @Test
    void rsi14MatchesTradingViewsBuiltInScriptFromBarZero() {
        Rsi rsi = new Rsi(14);
        double[] ours = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            ours[i] = rsi.update(close[i]);
        }
        assertSameSeries(ours, PineTrendReference.rsi(close, 14), "RSI(14)");
        assertThat(ours[13]).isNaN();
        assertThat(ours[14]).isBetween(0.0, 100.0);
    }

    @Test
    void atr14MatchesPinesAtrFromBarZero() {
        Atr atr = new Atr(14);
        double[] ours = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            ours[i] = atr.update(high[i], low[i], close[i]);
        }
        assertSameSeries(ours, PineTrendReference.atr(high, low, close, 14), "ATR(14)");
        assertThat(ours[12]).isNaN();
        assertThat(ours[13]).isPositive();
    }

    @Test
    void roc10MatchesPinesRocFromBarZero() {
        RateOfChange roc = new RateOfChange(10);
        double[] ours = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            ours[i] = roc.update(close[i]);
        }
        assertSameSeries(ours, PineTrendReference.roc(close, 10), "ROC(10)");
        assertThat(ours[9]).isNaN();
    }

    @Test
    void superTrendMatchesPinesReferenceCodeBarByBarIncludingEveryFlip() {
        SuperTrend st = new SuperTrend(10, 3);
        SuperTrendSeries ref = PineTrendReference.supertrend(high, low, close, 3, 10);
        int flips = 0;
        for (int i = 0; i < close.length; i++) {
            double v = st.update(high[i], low[i], close[i]);
            if (i < 9) {
                // Pine's reference script yields nz() = 0 on bar 0 and na on bars 1..8; we report NaN throughout.
                assertThat(v).as("bar %d", i).isNaN();
                assertThat(st.direction()).isZero();
                continue;
            }
            assertThat(v).as("SuperTrend line on bar %d", i)
                    .isCloseTo(ref.line()[i], within(1e-12 * Math.abs(ref.line()[i])));
            assertThat(st.tradingViewDirection()).as("TradingView direction on bar %d", i)
                    .isEqualTo(ref.direction()[i]);
            assertThat(st.direction()).as("project direction on bar %d", i).isEqualTo(-ref.direction()[i]);
            boolean refFlip = i > 9 && ref.direction()[i] != ref.direction()[i - 1];
            assertThat(st.flipped()).as("flip on bar %d", i).isEqualTo(refFlip);
            if (refFlip) {
                flips++;
            }
            // Uptrend: the line is the lower band; downtrend: the upper band.
            assertThat(v).isEqualTo(st.direction() == 1 ? st.lowerBand() : st.upperBand());
        }
        assertThat(ref.direction()[9]).as("Pine starts in a downtrend").isEqualTo(1);
        assertThat(flips).as("a month of minutes has many flips").isGreaterThan(100);
    }

    @Test
    void parabolicSarMatchesPinesReferenceCodeBarByBarIncludingEveryFlip() {
        ParabolicSar sar = new ParabolicSar();
        SarSeries ref = PineTrendReference.sar(high, low, close, 0.02, 0.02, 0.2, SarRules.TRADINGVIEW);
        double[] ours = new double[close.length];
        int flips = 0;
        for (int i = 0; i < close.length; i++) {
            ours[i] = sar.update(high[i], low[i], close[i]);
            if (i == 0) {
                assertThat(sar.isWarm()).isFalse();
                continue;
            }
            assertThat(sar.isLong()).as("long on bar %d", i).isEqualTo(ref.below()[i]);
            boolean refFlip = i >= 2 && ref.below()[i] != ref.below()[i - 1];
            assertThat(sar.flipped()).as("flip on bar %d", i).isEqualTo(refFlip);
            // Long: the SAR is at or below the bar's low; short: at or above its high.
            if (sar.isLong()) {
                assertThat(ours[i]).as("long SAR on bar %d", i).isLessThanOrEqualTo(low[i]);
            } else {
                assertThat(ours[i]).as("short SAR on bar %d", i).isGreaterThanOrEqualTo(high[i]);
            }
            if (refFlip) {
                flips++;
            }
        }
        assertSameSeries(ours, ref.sar(), "SAR");
        assertThat(flips).isGreaterThan(100);
    }
}
