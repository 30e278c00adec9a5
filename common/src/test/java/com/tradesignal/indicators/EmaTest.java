package com.tradesignal.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmaTest {
    private static final double EPS = 1e-12;

    @Test
    void ema3OfFiveClosesIsSeededWithTheAverageOfTheFirstThreeAndThenSmoothsWithAlphaOneHalf() {
        // EMA(3): α = 2/(3+1) = 0.5. Closes 10, 11, 12, 13, 11.
        //   bar 0, 1: NaN (fewer than 3 closes)
        //   bar 2: seed = (10 + 11 + 12)/3 = 11
        //   bar 3: 0.5·13 + 0.5·11   = 12
        //   bar 4: 0.5·11 + 0.5·12   = 11.5
        Ema ema = new Ema(3);
        assertThat(ema.update(10)).isNaN();
        assertThat(ema.update(11)).isNaN();
        assertThat(ema.update(12)).isCloseTo(11.0, within(EPS));
        assertThat(ema.update(13)).isCloseTo(12.0, within(EPS));
        assertThat(ema.previous()).isCloseTo(11.0, within(EPS));
        assertThat(ema.update(11)).isCloseTo(11.5, within(EPS));
        assertThat(ema.previous()).isCloseTo(12.0, within(EPS));
        assertThat(ema.alpha()).isEqualTo(0.5);
        assertThat(ema.barsSeen()).isEqualTo(5);
    }

    @Test
    void ema9IsNaNAndNotWarmForTheFirstEightClosesAndWarmOnTheNinth() {
        Ema ema = new Ema(9);
        for (int i = 1; i <= 8; i++) {
            assertThat(ema.update(100 + i)).as("bar %d", i).isNaN();
            assertThat(ema.isWarm()).isFalse();
        }
        assertThat(ema.update(109)).isCloseTo(105.0, within(EPS)); // mean of 101..109
        assertThat(ema.isWarm()).isTrue();
        assertThat(ema.previous()).as("not warm on the previous bar").isNaN();
    }

    @Test
    void aFastEmaCrossingAboveASlowOneIsDetectedFromPreviousAndValueOnTheBarItHappens() {
        // fast EMA(2), α = 2/3; slow EMA(3), α = 1/2; closes 10, 9, 8, 7, 8, 10
        //   fast: bar1 9.5, bar2 8.5, bar3 7.5, bar4 7.8333, bar5 2/3·10 + 1/3·7.8333 = 9.2778
        //   slow:           bar2 9,   bar3 8,   bar4 8,      bar5 0.5·10 + 0.5·8      = 9
        // fast < slow on bars 2..4, fast > slow on bar 5: the cross is on bar 5 only.
        Ema fast = new Ema(2);
        Ema slow = new Ema(3);
        double[] closes = {10, 9, 8, 7, 8, 10};
        int crossBar = -1;
        for (int i = 0; i < closes.length; i++) {
            fast.update(closes[i]);
            slow.update(closes[i]);
            boolean crossedAbove = fast.previous() <= slow.previous() && fast.value() > slow.value();
            if (crossedAbove) {
                assertThat(crossBar).as("only one cross").isEqualTo(-1);
                crossBar = i;
            }
        }
        assertThat(crossBar).isEqualTo(5);
        assertThat(fast.value()).isCloseTo(9.277777777777779, within(1e-9));
        assertThat(slow.value()).isCloseTo(9.0, within(EPS));
    }

    @Test
    void aFlatSeriesHasAnEmaEqualToThePrice() {
        Ema ema = new Ema(21);
        for (int i = 0; i < 100; i++) {
            ema.update(18_500.25);
        }
        assertThat(ema.value()).isEqualTo(18_500.25);
    }

    @Test
    void aNonFiniteCloseIsIgnored() {
        Ema ema = new Ema(2);
        ema.update(10);
        ema.update(12);
        Ema before = ema.copy();
        assertThat(ema.update(Double.NaN)).isEqualTo(11.0);
        assertThat(ema.update(Double.POSITIVE_INFINITY)).isEqualTo(11.0);
        assertThat(ema).isEqualTo(before);
    }

    @Test
    void rma3IsSeededWithTheAverageAndSmoothsWithAlphaOneThird() {
        // RMA(3): α = 1/3. Values 3, 6, 9, 12: seed (3+6+9)/3 = 6 at bar 2; bar 3: 12/3 + 2/3·6 = 8.
        Rma rma = new Rma(3);
        assertThat(rma.update(3)).isNaN();
        assertThat(rma.update(6)).isNaN();
        assertThat(rma.update(9)).isCloseTo(6.0, within(EPS));
        assertThat(rma.update(12)).isCloseTo(8.0, within(EPS));
    }
}
