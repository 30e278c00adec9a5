package com.tradesignal.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ParabolicSarTest {
    private static final double EPS = 1e-9;

    @Test
    void aRisingRunThenABreakFollowsTheReferenceStepByStepAndFlipsShortOnBarFive() {
        // SAR(0.02, 0.02, 0.2), worked from Pine's ta.sar reference code. (H, L, C):
        // bar 0 (10, 9, 9.5)     → NaN
        // bar 1 (11, 10, 10.8)   close up → long, EP = 11, SAR = low[0] = 9, AF .02;
        //                        SAR = 9 + .02·(11 − 9) = 9.04; 9.04 > low 10? no; clamp min(9.04, low[0] 9) = 9
        // bar 2 (12, 11, 11.8)   SAR = 9 + .02·2 = 9.04; new high 12 → EP 12, AF .04;
        //                        clamp min(9.04, 10, 9) = 9
        // bar 3 (13, 12, 12.8)   SAR = 9 + .04·(12 − 9) = 9.12; EP 13, AF .06; clamp min(9.12, 11, 10) = 9.12
        // bar 4 (13.5, 12.5, 13) SAR = 9.12 + .06·(13 − 9.12) = 9.3528; EP 13.5, AF .08; clamp → 9.3528
        // bar 5 (11, 8.5, 9)     SAR = 9.3528 + .08·(13.5 − 9.3528) = 9.684576 > low 8.5 → REVERSE short:
        //                        SAR = max(high 11, EP 13.5) = 13.5, EP = 8.5, AF .02; clamp max(13.5, 13.5, 13)
        // bar 6 (10, 8, 8.2)     SAR = 13.5 + .02·(8.5 − 13.5) = 13.4; new low 8 → EP 8, AF .04;
        //                        clamp max(13.4, high[1] 11, high[2] 13.5) = 13.5 (two-bar clamp)
        // bar 7 (9, 7.5, 8)      SAR = 13.5 + .04·(8 − 13.5) = 13.28; EP 7.5, AF .06; clamp max(13.28, 10, 11)
        double[][] bars = {{10, 9, 9.5}, {11, 10, 10.8}, {12, 11, 11.8}, {13, 12, 12.8}, {13.5, 12.5, 13},
                {11, 8.5, 9}, {10, 8, 8.2}, {9, 7.5, 8}};
        double[] expected = {Double.NaN, 9, 9, 9.12, 9.3528, 13.5, 13.5, 13.28};
        boolean[] expectLong = {false, true, true, true, true, false, false, false};
        ParabolicSar sar = new ParabolicSar();
        for (int i = 0; i < bars.length; i++) {
            double v = sar.update(bars[i][0], bars[i][1], bars[i][2]);
            if (i == 0) {
                assertThat(v).isNaN();
                assertThat(sar.isWarm()).isFalse();
                continue;
            }
            assertThat(v).as("SAR on bar %d", i).isCloseTo(expected[i], within(EPS));
            assertThat(sar.isLong()).as("long on bar %d", i).isEqualTo(expectLong[i]);
            assertThat(sar.flipped()).as("flipped on bar %d", i).isEqualTo(i == 5);
        }
        assertThat(sar.extremePoint()).isEqualTo(7.5);
        assertThat(sar.accelerationFactor()).isCloseTo(0.06, within(EPS));
    }

    @Test
    void aLowThatOnlyTouchesTheSarDoesNotReverseItButOneBelowItDoes() {
        // Binary-exact parameters (0.25, 0.25, 0.5) so the touch is exact.
        // bar 0 (10, 8, 9); bar 1 (12, 9, 11): long, EP 12, SAR = 8 + .25·(12 − 8) = 9 — low 9 touches it:
        //   Pine's test is strict (SAR > low), so no reversal (TA-Lib's low <= SAR would reverse); clamp → low[0] 8
        // bar 2 (12, 9, 11): SAR = 8 + .25·4 = 9 touches again → still long; clamp min(9, 9, 8) = 8
        // bar 3 (12, 8.99, 9): SAR = 9 > 8.99 → reverse short, SAR = max(12, 12) = 12
        ParabolicSar sar = new ParabolicSar(0.25, 0.25, 0.5);
        sar.update(10, 8, 9);
        assertThat(sar.update(12, 9, 11)).isEqualTo(8.0);
        assertThat(sar.isLong()).isTrue();
        assertThat(sar.update(12, 9, 11)).isEqualTo(8.0);
        assertThat(sar.isLong()).isTrue();
        assertThat(sar.flipped()).isFalse();
        assertThat(sar.update(12, 8.99, 9)).isEqualTo(12.0);
        assertThat(sar.isLong()).isFalse();
        assertThat(sar.flipped()).isTrue();
    }

    @Test
    void anUnchangedCloseOnBarOneStartsShort() {
        // close == close[1] is not "close > close[1]": short, SAR = high[0] then the step towards EP = low:
        // 11 + .02·(9 − 11) = 10.96, clamp max(10.96, high[0] 11) = 11.
        ParabolicSar sar = new ParabolicSar();
        sar.update(11, 9, 10);
        assertThat(sar.update(10.5, 9, 10)).isCloseTo(11.0, within(EPS));
        assertThat(sar.isLong()).isFalse();
        assertThat(sar.isWarm()).isTrue();
    }

    @Test
    void aReversalOnTheInitialisingBarIsNotReportedAsAFlip() {
        // bar 1 (10.5, 8, 10) closes up → long with SAR 9 + .02·(10.5 − 9) = 9.03 > low 8 → reverses short at once:
        // SAR = max(10.5, 10.5) = 10.5; clamp max(10.5, high[0] 10) = 10.5. No earlier plotted direction, no flip.
        ParabolicSar sar = new ParabolicSar();
        sar.update(10, 9, 9.5);
        assertThat(sar.update(10.5, 8, 10)).isCloseTo(10.5, within(EPS));
        assertThat(sar.isLong()).isFalse();
        assertThat(sar.flipped()).isFalse();
    }

    @Test
    void accelerationIsCappedAtTheMaximum() {
        ParabolicSar sar = new ParabolicSar();
        for (int i = 0; i < 40; i++) {
            sar.update(100 + i + 1, 100 + i - 1, 100 + i);
        }
        assertThat(sar.isLong()).isTrue();
        assertThat(sar.accelerationFactor()).isCloseTo(0.2, within(EPS));
    }
}
