package com.tradesignal.indicators;

import com.tradesignal.indicators.NseIndexMinutes.Minute;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.pivotpoints.FibonacciReversalIndicator;
import org.ta4j.core.indicators.pivotpoints.FibonacciReversalIndicator.FibReversalTyp;
import org.ta4j.core.indicators.pivotpoints.FibonacciReversalIndicator.FibonacciFactor;
import org.ta4j.core.indicators.pivotpoints.PivotLevel;
import org.ta4j.core.indicators.pivotpoints.PivotPointIndicator;
import org.ta4j.core.indicators.pivotpoints.StandardReversalIndicator;
import org.ta4j.core.indicators.pivotpoints.TimeLevel;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference day: NIFTY 50 on 1 Dec 2022, regular session (labels 09:16..15:30, 375 rows):
 * H = 18887.60, L = 18778.20, C = 18800.95 (read off the file with awk: max of column 5, min of column 6, column 7
 * of the 15:30 row). Levels below are worked by hand from those three numbers:
 * PP = 56466.75 / 3 = 18822.25, H − L = 109.40, 2PP = 37644.50.
 */
class PivotLevelsTest {
    private static final String DEC_2022 = "2022-dec-nifty.csv";
    private static final LocalDate DEC_1 = LocalDate.of(2022, 12, 1);
    private static final double H = 18887.60;
    private static final double L = 18778.20;
    private static final double C = 18800.95;
    private static final double EPS = 1e-9;

    @Test
    void sessionHighLowCloseOfFirstDecember2022IsReadFromTheRegularSessionOnly() {
        SessionHighLowClose hlc = new SessionHighLowClose();
        List<Minute> regular = NseIndexMinutes.regular(DEC_2022, DEC_1);
        regular.forEach(m -> hlc.update(m.high(), m.low(), m.close()));

        assertThat(regular).hasSize(375);
        assertThat(hlc.high()).isEqualTo(H);
        assertThat(hlc.low()).isEqualTo(L);
        assertThat(hlc.close()).isEqualTo(C);      // the 15:30 row; the 15:31/15:32 post-close rows are excluded
        assertThat(hlc.candles()).isEqualTo(375);
        assertThat(hlc.toPivots()).isEqualTo(PivotLevels.from(H, L, C));
    }

    @Test
    void traditionalLevelsMatchTheHandWorkedValues() {
        PivotLevels p = PivotLevels.from(H, L, C);

        assertThat(p.pivot()).isCloseTo(18822.25, within(EPS));
        assertThat(p.r1()).isCloseTo(18866.30, within(EPS));   // 37644.50 − 18778.20
        assertThat(p.s1()).isCloseTo(18756.90, within(EPS));   // 37644.50 − 18887.60
        assertThat(p.r2()).isCloseTo(18931.65, within(EPS));   // 18822.25 + 109.40
        assertThat(p.s2()).isCloseTo(18712.85, within(EPS));   // 18822.25 − 109.40
        assertThat(p.r3()).isCloseTo(18975.70, within(EPS));   // 37644.50 + (18887.60 − 37556.40)
        assertThat(p.s3()).isCloseTo(18647.50, within(EPS));   // 37644.50 − (37775.20 − 18778.20)
    }

    @Test
    void traditionalR3AndS3AreTheFloorFormNotTradingViewClassic() {
        PivotLevels p = PivotLevels.from(H, L, C);

        assertThat(p.r3()).isCloseTo(H + 2 * (p.pivot() - L), within(EPS));
        assertThat(p.s3()).isCloseTo(L - 2 * (H - p.pivot()), within(EPS));
        assertThat(p.r3()).isNotCloseTo(p.pivot() + 2 * (H - L), within(1.0)); // TV "Classic" R3 = 19041.05
    }

    @Test
    void camarillaLevelsMatchTheHandWorkedValues() {
        // 1.1 × 109.40 = 120.34; /12 = 10.028333.., /6 = 20.056666.., /4 = 30.085, /2 = 60.17
        PivotLevels p = PivotLevels.from(H, L, C);

        assertThat(p.camR1()).isCloseTo(18810.978333333333, within(1e-8));
        assertThat(p.camR2()).isCloseTo(18821.006666666667, within(1e-8));
        assertThat(p.camR3()).isCloseTo(18831.035, within(1e-8));
        assertThat(p.camR4()).isCloseTo(18861.12, within(1e-8));
        assertThat(p.camS1()).isCloseTo(18790.921666666667, within(1e-8));
        assertThat(p.camS2()).isCloseTo(18780.893333333333, within(1e-8));
        assertThat(p.camS3()).isCloseTo(18770.865, within(1e-8));
        assertThat(p.camS4()).isCloseTo(18740.78, within(1e-8));
    }

    @Test
    void fibonacciLevelsMatchTheHandWorkedValues() {
        // 0.382 × 109.40 = 41.7908, 0.618 × 109.40 = 67.6092
        PivotLevels p = PivotLevels.from(H, L, C);

        assertThat(p.fibR1()).isCloseTo(18864.0408, within(1e-8));
        assertThat(p.fibS1()).isCloseTo(18780.4592, within(1e-8));
        assertThat(p.fibR2()).isCloseTo(18889.8592, within(1e-8));
        assertThat(p.fibS2()).isCloseTo(18754.6408, within(1e-8));
        assertThat(p.fibR3()).isCloseTo(18931.65, within(1e-8));
        assertThat(p.fibS3()).isCloseTo(18712.85, within(1e-8));
    }

    @Test
    void cprIsSwappedSoThatTopCentralIsNeverBelowBottomCentral() {
        // BC = (H + L)/2 = 18832.90, 2PP − BC = 18811.60 < BC: swapped (the close was in the lower part of the day)
        PivotLevels p = PivotLevels.from(H, L, C);

        assertThat(p.cprTc()).isCloseTo(18832.90, within(EPS));
        assertThat(p.cprBc()).isCloseTo(18811.60, within(EPS));
        assertThat(p.cprWidth()).isCloseTo(21.30, within(EPS));
        assertThat(p.cprWidthPercent()).isCloseTo(21.30 / 18822.25 * 100, within(EPS));
    }

    @Test
    void cprIsNotSwappedWhenTheCloseIsInTheUpperPartOfTheDay() {
        // H 110, L 90, C 108: PP = 102.666.., BC = 100, TC = 105.333..
        PivotLevels p = PivotLevels.from(110, 90, 108);

        assertThat(p.cprBc()).isCloseTo(100.0, within(EPS));
        assertThat(p.cprTc()).isCloseTo(105.0 + 1.0 / 3, within(EPS));
    }

    @Test
    void everyDayOfDecember2022AgreesWithTa4jStandardAndFibonacciReversals() {
        // ta4j derives the previous day's H/L/C itself from 1-minute bars (TimeLevel.DAY); to keep it fast each
        // comparison uses a series of the previous day's regular minutes plus the next day's first and last minute
        List<List<Minute>> days = NseIndexMinutes.read(DEC_2022).values().stream()
                .map(day -> day.stream().filter(Minute::isRegular).toList()).toList();
        assertThat(days).hasSize(22);
        for (int d = 1; d < days.size(); d++) {
            SessionHighLowClose hlc = new SessionHighLowClose();
            days.get(d - 1).forEach(m -> hlc.update(m.high(), m.low(), m.close()));
            PivotLevels p = hlc.toPivots();

            List<Minute> today = days.get(d);
            List<Minute> bars = new ArrayList<>(days.get(d - 1));
            bars.add(today.get(0));
            bars.add(today.get(today.size() - 1));
            BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.valueOf(0)).build();
            for (Minute m : bars) {
                series.addBar(Duration.ofMinutes(1), Instant.ofEpochMilli(m.start() + 60_000).atZone(MarketTime.IST),
                        m.open(), m.high(), m.low(), m.close(), 0);
            }
            PivotPointIndicator pp = new PivotPointIndicator(series, TimeLevel.DAY);
            Map<String, Indicator<Num>> ta4j = new LinkedHashMap<>();
            ta4j.put("R1", new StandardReversalIndicator(pp, PivotLevel.RESISTANCE_1));
            ta4j.put("R2", new StandardReversalIndicator(pp, PivotLevel.RESISTANCE_2));
            ta4j.put("R3", new StandardReversalIndicator(pp, PivotLevel.RESISTANCE_3));
            ta4j.put("S1", new StandardReversalIndicator(pp, PivotLevel.SUPPORT_1));
            ta4j.put("S2", new StandardReversalIndicator(pp, PivotLevel.SUPPORT_2));
            ta4j.put("S3", new StandardReversalIndicator(pp, PivotLevel.SUPPORT_3));
            ta4j.put("fib R1", new FibonacciReversalIndicator(pp, FibonacciFactor.FACTOR_1, FibReversalTyp.RESISTANCE));
            ta4j.put("fib R2", new FibonacciReversalIndicator(pp, FibonacciFactor.FACTOR_2, FibReversalTyp.RESISTANCE));
            ta4j.put("fib R3", new FibonacciReversalIndicator(pp, FibonacciFactor.FACTOR_3, FibReversalTyp.RESISTANCE));
            ta4j.put("fib S1", new FibonacciReversalIndicator(pp, FibonacciFactor.FACTOR_1, FibReversalTyp.SUPPORT));
            ta4j.put("fib S2", new FibonacciReversalIndicator(pp, FibonacciFactor.FACTOR_2, FibReversalTyp.SUPPORT));
            ta4j.put("fib S3", new FibonacciReversalIndicator(pp, FibonacciFactor.FACTOR_3, FibReversalTyp.SUPPORT));
            Map<String, Double> ours = new LinkedHashMap<>();
            ours.put("R1", p.r1());
            ours.put("R2", p.r2());
            ours.put("R3", p.r3());
            ours.put("S1", p.s1());
            ours.put("S2", p.s2());
            ours.put("S3", p.s3());
            ours.put("fib R1", p.fibR1());
            ours.put("fib R2", p.fibR2());
            ours.put("fib R3", p.fibR3());
            ours.put("fib S1", p.fibS1());
            ours.put("fib S2", p.fibS2());
            ours.put("fib S3", p.fibS3());
            String day = today.get(0).date().toString();
            for (int index : new int[] {bars.size() - 2, bars.size() - 1}) {   // today's first and last minute
                assertThat(p.pivot()).as("PP %s", day).isCloseTo(pp.getValue(index).doubleValue(), within(1e-8));
                for (Map.Entry<String, Indicator<Num>> e : ta4j.entrySet()) {
                    assertThat(ours.get(e.getKey())).as("%s %s bar %d", e.getKey(), day, index)
                            .isCloseTo(e.getValue().getValue(index).doubleValue(), within(1e-8));
                }
            }
            if (d == 1) {
                assertThat(p).isEqualTo(PivotLevels.from(H, L, C)); // 2 Dec: the hand-worked levels above
            }
        }
    }

    @Test
    void invalidInputsAreRejected() {
        assertThatThrownBy(() -> PivotLevels.from(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PivotLevels.from(1, 2, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void levelsListNamesEveryLevelOnce() {
        PivotLevels p = PivotLevels.from(H, L, C);

        assertThat(p.levels()).hasSize(23);
        assertThat(p.levels()).extracting(SupportResistance.Level::name).doesNotHaveDuplicates()
                .contains("pivot", "R1 (traditional)", "S3 (traditional)", "R4 (camarilla)", "S4 (camarilla)",
                        "R1 (fibonacci)", "S3 (fibonacci)", "CPR TC", "CPR BC");
        assertThat(p.levels()).filteredOn(l -> l.name().equals("R1 (traditional)"))
                .singleElement().extracting(SupportResistance.Level::price).isEqualTo(p.r1());
    }

    @Test
    void pivotLevelsSurviveASerializationRoundTrip() throws IOException {
        PivotLevels p = PivotLevels.from(H, L, C);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.writeTo(new DataOutputStream(bytes));
        PivotLevels back = PivotLevels.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(back).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(back.camS4()).isEqualTo(p.camS4());
        assertThat(back.cprTc()).isEqualTo(p.cprTc());
    }

    @Test
    void sessionHighLowCloseIsNanUntilTheFirstCandleAndIgnoresNonFiniteCandles() {
        SessionHighLowClose s = new SessionHighLowClose();
        assertThat(s.high()).isNaN();
        assertThat(s.low()).isNaN();
        assertThat(s.close()).isNaN();
        assertThat(s.toPivots()).isNull();

        s.update(Double.NaN, 1, 1);
        assertThat(s.isEmpty()).isTrue();
        s.update(105, 100, 102);
        s.update(107, 101, 106);
        s.update(104, 99, 100);

        assertThat(s.high()).isEqualTo(107);
        assertThat(s.low()).isEqualTo(99);
        assertThat(s.close()).isEqualTo(100);
        s.reset();
        assertThat(s.high()).isNaN();
        assertThat(s.candles()).isZero();
    }

    @Test
    void sessionHighLowCloseContinuesIdenticallyAfterASerializationRoundTrip() throws IOException {
        SessionHighLowClose s = new SessionHighLowClose();
        s.update(105, 100, 102);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.writeTo(new DataOutputStream(bytes));
        SessionHighLowClose back = SessionHighLowClose.readFrom(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        SessionHighLowClose copy = s.copy();
        assertThat(back).isEqualTo(s).isEqualTo(copy).hasSameHashCodeAs(s);

        for (SessionHighLowClose x : List.of(s, back, copy)) {
            x.update(108, 101, 107);
            x.update(106, 97, 98);
        }
        assertThat(back).isEqualTo(s);
        assertThat(copy).isEqualTo(s);
        assertThat(back.toPivots()).isEqualTo(PivotLevels.from(108, 97, 98));
    }
}
