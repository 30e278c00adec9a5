package com.tradesignal.indicators;

import com.tradesignal.indicators.SupportResistance.Level;
import com.tradesignal.indicators.SupportResistance.Nearest;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Levels for 2 Dec 2022 from 1 Dec's H 18887.60 / L 18778.20 / C 18800.95 (hand-worked in {@link PivotLevelsTest});
 * below the pivot they run: cam S1 18790.92, cam S2 18780.89, fib S1 18780.46, cam S3 18770.865, S1 18756.90,
 * fib S2 18754.64, cam S4 18740.78, S2 = fib S3 18712.85, S3 18647.50.
 */
class SupportResistanceTest {
    private static final PivotLevels DEC_2 = PivotLevels.from(18887.60, 18778.20, 18800.95);
    private static final LocalDate DATE = LocalDate.of(2022, 12, 2);

    @Test
    void firstCloseOfSecondDecemberSitsBetweenFibonacciS2AndTraditionalS1() {
        Nearest n = SupportResistance.nearest(18756.70, DEC_2.levels());

        assertThat(n.resistance().name()).isEqualTo("S1 (traditional)");
        assertThat(n.resistancePrice()).isCloseTo(18756.90, within(1e-9));
        assertThat(n.support().name()).isEqualTo("S2 (fibonacci)");
        assertThat(n.supportPrice()).isCloseTo(18754.6408, within(1e-9));
    }

    @Test
    void coincidentLevelsAreMergedUnderBothNames() {
        Nearest n = SupportResistance.nearest(18720, DEC_2.levels());

        assertThat(n.support().name()).isEqualTo("S2 (traditional) / S3 (fibonacci)");
        assertThat(n.supportPrice()).isCloseTo(18712.85, within(1e-9));
        assertThat(n.resistance().name()).isEqualTo("S4 (camarilla)");
    }

    @Test
    void levelExactlyAtThePriceIsSupportAndTheNextOneUpIsResistance() {
        Nearest n = SupportResistance.nearest(DEC_2.r2(), DEC_2.levels());

        assertThat(n.support().name()).isEqualTo("R2 (traditional) / R3 (fibonacci)");
        assertThat(n.supportPrice()).isEqualTo(DEC_2.r2());
        assertThat(n.resistance().name()).isEqualTo("R3 (traditional)");
    }

    @Test
    void priceAboveEveryLevelHasNoResistance() {
        Nearest n = SupportResistance.nearest(19000, DEC_2.levels());

        assertThat(n.resistance()).isNull();
        assertThat(n.resistancePrice()).isNaN();
        assertThat(n.support().name()).isEqualTo("R3 (traditional)");
    }

    @Test
    void swingLevelsJoinThePivotsWithTheirIstTimes() {
        long start0918 = MarketTime.at(DATE, LocalTime.of(9, 18));
        long start0915 = MarketTime.at(DATE, LocalTime.of(9, 15));
        List<Level> levels = new ArrayList<>(DEC_2.levels());
        levels.add(Level.swingHigh(18781.95, start0915));
        levels.add(Level.swingLow(18734.00, start0918));

        Nearest n = SupportResistance.nearest(18735, levels);

        assertThat(n.support()).isEqualTo(new Level("swing low 09:18", 18734.00));
        assertThat(n.resistance().name()).isEqualTo("S4 (camarilla)");
        assertThat(SupportResistance.nearest(18781.0, levels).resistance().name()).isEqualTo("swing high 09:15");
    }

    @Test
    void marketStructureSwingsFeedTheHelper() {
        MarketStructure ms = new MarketStructure(1);
        long t = MarketTime.at(DATE, LocalTime.of(9, 42));
        ms.update(t - 60_000, 100, 98, 99);
        ms.update(t, 103, 99, 102);
        ms.update(t + 60_000, 101, 97, 98);
        ms.update(t + 120_000, 102, 99, 101);

        Nearest n = SupportResistance.nearest(100, ms.levels());

        assertThat(n.resistance()).isEqualTo(new Level("swing high 09:42", 103));
        assertThat(n.support()).isEqualTo(new Level("swing low 09:43", 97));
    }

    @Test
    void nanLevelsAndNanPriceAreHandled() {
        List<Level> levels = List.of(new Level("a", Double.NaN), new Level("b", 10), new Level("c", 20));

        Nearest n = SupportResistance.nearest(15, levels);
        assertThat(n.support().name()).isEqualTo("b");
        assertThat(n.resistance().name()).isEqualTo("c");

        Nearest none = SupportResistance.nearest(Double.NaN, levels);
        assertThat(none.support()).isNull();
        assertThat(none.resistance()).isNull();
        assertThat(SupportResistance.nearest(15, List.of()).support()).isNull();
    }

    @Test
    void arrayFormGivesTheSameAnswer() {
        Nearest n = SupportResistance.nearest(15, new double[] {30, 10, 20, 5}, new String[] {"d", "b", "c", "a"});

        assertThat(n.support()).isEqualTo(new Level("b", 10));
        assertThat(n.resistance()).isEqualTo(new Level("c", 20));
        assertThatThrownBy(() -> SupportResistance.nearest(1, new double[] {1}, new String[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void swing_level_names_carry_the_ist_wall_clock_minute_of_their_bar() {
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .withZone(com.tradesignal.market.MarketTime.IST);
        long start = java.time.Instant.parse("2022-12-01T00:00:00Z").toEpochMilli();
        for (long t = start - 86_400_000L; t < start + 2 * 86_400_000L; t += 7 * 60_000L + 13_000L) {
            assertThat(Level.swingHigh(1, t).name()).isEqualTo("swing high " + hhmm.format(java.time.Instant.ofEpochMilli(t)));
        }
        assertThat(Level.swingLow(1, -1).name()).isEqualTo("swing low 05:29");
        assertThat(Level.swingLow(1, MarketStructure.NO_TIME).name()).isEqualTo("swing low");
    }
}
