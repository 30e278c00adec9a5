package com.tradesignal.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vote reasons' fixed-point formats print exactly what String.format printed before. */
class ReasonFormatTest {
    @Test
    void fixedPointMatchesStringFormatDigitForDigit() {
        SplittableRandom random = new SplittableRandom(42);
        double[] edge = {0, -0.0, 0.005, 0.015, 1.005, 2.675, -0.001, -0.004999, 0.125, 1e7, 123456789.125, -2.5, 0.95, 9.995,
                99.995, 1e-9, -1e-9, Double.MIN_VALUE, 18_812.345, 0.045, 1.45, -1.45};
        for (double v : edge) {
            check(v);
        }
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, random.nextInt(-4, 7));
            double v = (random.nextDouble() * 2 - 1) * scale;
            check(v);
            check(Math.round(v * 1000) / 1000.0); // many exact halves at the rounding digit
        }
    }

    private static void check(double v) {
        assertThat(ReasonFormat.fixed(v, 2)).as("%%.2f of %s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
        assertThat(ReasonFormat.fixed(v, 1)).as("%%.1f of %s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        assertThat(ReasonFormat.signedFixed(v, 2)).as("%%+.2f of %s", v).isEqualTo(String.format(Locale.ROOT, "%+.2f", v));
    }
}
