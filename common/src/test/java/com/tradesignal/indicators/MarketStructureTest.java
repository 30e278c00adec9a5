package com.tradesignal.indicators;

import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A constructed zig-zag (lookback 2) whose swings were worked out by hand:
 * <pre>
 * bar  high   low    close   event (on this bar)
 *  0   101    99     100
 *  1   103    101    102
 *  2   105    103    104     swing high 105 (confirmed at bar 4)
 *  3   104    101    102
 *  4   102    99     100     confirms swing high 105 (first: no label)
 *  5   101    97     98      swing low 97 (confirmed at bar 7)
 *  6   103    99     102
 *  7   106    101    105.5   BOS +1 (close 105.5 &gt; 105); confirms swing low 97 (first: no label)
 *  8   108    104    107     swing high 108; close above 105 again but already broken: no BOS
 *  9   107    103    104
 * 10   105    101    102     confirms 108: HH
 * 11   104    100    101     swing low 100
 * 12   106    102    105
 * 13   107    103    106     confirms 100: HL  → trend +1
 * 14   107.5  104    105     swing high 107.5
 * 15   106    101    101.5
 * 16   102    99.5   99.8    BOS −1 (close 99.8 &lt; 100); confirms 107.5: LH → trend 0
 * 17   100    96     96.5    below 100 again: no BOS
 * 18   99     95     98      swing low 95
 * 19   101    97     100
 * 20   102    98     101     confirms 95: LL → trend −1
 * </pre>
 */
class MarketStructureTest {
    private static final double[][] ZIGZAG = {
            {101, 99, 100}, {103, 101, 102}, {105, 103, 104}, {104, 101, 102}, {102, 99, 100},
            {101, 97, 98}, {103, 99, 102}, {106, 101, 105.5}, {108, 104, 107}, {107, 103, 104},
            {105, 101, 102}, {104, 100, 101}, {106, 102, 105}, {107, 103, 106}, {107.5, 104, 105},
            {106, 101, 101.5}, {102, 99.5, 99.8}, {100, 96, 96.5}, {99, 95, 98}, {101, 97, 100},
            {102, 98, 101},
    };
    private static final long OPEN = MarketTime.at(LocalDate.of(2022, 12, 2), LocalTime.of(9, 15));

    private static long minute(int bar) {
        return OPEN + bar * 60_000L;
    }

    @Test
    void zigZagSwingsLabelsTrendAndBreaksOfStructureArriveOnTheHandWorkedBars() {
        MarketStructure ms = new MarketStructure();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < ZIGZAG.length; i++) {
            double[] b = ZIGZAG[i];
            ms.update(minute(i), b[0], b[1], b[2]);
            StringBuilder e = new StringBuilder();
            if (ms.isNewSwingHigh()) {
                e.append(" SH=").append(ms.swingHigh()).append('/').append(ms.highLabel());
            }
            if (ms.isNewSwingLow()) {
                e.append(" SL=").append(ms.swingLow()).append('/').append(ms.lowLabel());
            }
            if (ms.bos() != 0) {
                e.append(" BOS=").append(ms.bos());
            }
            if (e.length() > 0) {
                events.add(i + ":" + e + " trend=" + ms.trend());
            }
        }

        assertThat(events).containsExactly(
                "4: SH=105.0/null trend=0",
                "7: SL=97.0/null BOS=1 trend=0",
                "10: SH=108.0/HH trend=0",
                "13: SL=100.0/HL trend=1",
                "16: SH=107.5/LH BOS=-1 trend=0",
                "20: SL=95.0/LL trend=-1");
    }

    @Test
    void swingValuesAreNanUntilConfirmedAndCarryTheirBarTimes() {
        MarketStructure ms = new MarketStructure(2);
        for (int i = 0; i < 4; i++) {
            ms.update(minute(i), ZIGZAG[i][0], ZIGZAG[i][1], ZIGZAG[i][2]);
            assertThat(ms.swingHigh()).isNaN();
            assertThat(ms.swingLow()).isNaN();
            assertThat(ms.structure()).isNull();
            assertThat(ms.trend()).isZero();
        }
        for (int i = 4; i < ZIGZAG.length; i++) {
            ms.update(minute(i), ZIGZAG[i][0], ZIGZAG[i][1], ZIGZAG[i][2]);
        }

        assertThat(ms.swingHigh()).isEqualTo(107.5);
        assertThat(ms.previousSwingHigh()).isEqualTo(108);
        assertThat(ms.swingHighTime()).isEqualTo(minute(14));
        assertThat(ms.previousSwingHighTime()).isEqualTo(minute(8));
        assertThat(ms.swingHighBar()).isEqualTo(14);
        assertThat(ms.swingLow()).isEqualTo(95);
        assertThat(ms.previousSwingLow()).isEqualTo(100);
        assertThat(ms.swingLowTime()).isEqualTo(minute(18));
        assertThat(ms.swingLowBar()).isEqualTo(18);
        assertThat(ms.highLabel()).isEqualTo("LH");
        assertThat(ms.lowLabel()).isEqualTo("LL");
        assertThat(ms.structure()).isEqualTo("LL");
        assertThat(ms.structurePair()).isEqualTo("LH-LL");
        // 09:15 + 14 min = 09:29 and 09:15 + 18 min = 09:33 (IST)
        assertThat(ms.levels()).extracting(SupportResistance.Level::name)
                .containsExactly("swing high 09:29", "swing high 09:23", "swing low 09:33", "swing low 09:26");
    }

    @Test
    void structureReportsTheMostRecentlyConfirmedSwing() {
        MarketStructure ms = new MarketStructure();
        List<String> structure = new ArrayList<>();
        for (double[] b : ZIGZAG) {
            ms.update(b[0], b[1], b[2]);
            structure.add(ms.structure());
        }
        assertThat(structure.get(9)).isNull();      // only unlabelled first swings so far
        assertThat(structure.get(10)).isEqualTo("HH");
        assertThat(structure.get(12)).isEqualTo("HH");
        assertThat(structure.get(13)).isEqualTo("HL");
        assertThat(structure.get(15)).isEqualTo("HL");
        assertThat(structure.get(16)).isEqualTo("LH");
        assertThat(structure.get(20)).isEqualTo("LL");
        assertThat(ms.swingHighTime()).isEqualTo(MarketStructure.NO_TIME);
        assertThat(ms.levels()).extracting(SupportResistance.Level::name).first().isEqualTo("swing high");
    }

    @Test
    void equalHighsMakeNoSwingAndAnEqualSwingHighIsALowerHigh() {
        MarketStructure flat = new MarketStructure(1);
        flat.update(10, 9, 9.5);
        flat.update(11, 9, 10);
        flat.update(11, 9, 10);   // flat top: neither 11 is strictly above its neighbours
        flat.update(10, 9, 9.5);
        assertThat(flat.swingHigh()).isNaN();

        MarketStructure ms = new MarketStructure(1);
        double[][] bars = {{10, 8, 9}, {12, 9, 11}, {10, 7, 8}, {12, 9, 11}, {11, 8, 9}};
        for (double[] b : bars) {
            ms.update(b[0], b[1], b[2]);
        }
        assertThat(ms.swingHigh()).isEqualTo(12);
        assertThat(ms.previousSwingHigh()).isEqualTo(12);
        assertThat(ms.highLabel()).isEqualTo("LH");
    }

    @Test
    void equalSwingLowIsAHigherLow() {
        MarketStructure ms = new MarketStructure(1);
        double[][] bars = {{12, 9, 10}, {11, 7, 8}, {13, 9, 12}, {11, 7, 8}, {12, 9, 11}};
        for (double[] b : bars) {
            ms.update(b[0], b[1], b[2]);
        }
        assertThat(ms.swingLow()).isEqualTo(7);
        assertThat(ms.previousSwingLow()).isEqualTo(7);
        assertThat(ms.lowLabel()).isEqualTo("HL");
    }

    @Test
    void outsideBarCanBeBothSwingsAtOnce() {
        MarketStructure ms = new MarketStructure(1);
        double[][] bars = {{12, 8, 10}, {11, 9, 10}, {14, 6, 10}, {11, 9, 10}};
        for (double[] b : bars) {
            ms.update(b[0], b[1], b[2]);
        }
        // bar 1 (11/9) is an inside bar; bar 2 (14/6) is both a swing high and a swing low
        assertThat(ms.isNewSwingHigh()).isTrue();
        assertThat(ms.isNewSwingLow()).isTrue();
        assertThat(ms.swingHigh()).isEqualTo(14);
        assertThat(ms.swingLow()).isEqualTo(6);
        assertThat(ms.structure()).isNull(); // first swings: no labels yet
    }

    @Test
    void swingsAgreeWithABruteForceScanOfARandomWalkForSeveralLookbacks() {
        for (int lookback : new int[] {1, 2, 3, 5}) {
            Random random = new Random(42 + lookback);
            int n = 2000;
            double[] h = new double[n];
            double[] l = new double[n];
            double[] c = new double[n];
            double price = 18000;
            for (int i = 0; i < n; i++) {
                double open = price;
                price += Math.round(random.nextGaussian() * 100) * 0.05;
                h[i] = Math.max(open, price) + Math.round(random.nextDouble() * 60) * 0.05;
                l[i] = Math.min(open, price) - Math.round(random.nextDouble() * 60) * 0.05;
                c[i] = price;
            }
            MarketStructure ms = new MarketStructure(lookback);
            double lastHigh = Double.NaN;
            double lastLow = Double.NaN;
            boolean highBroken = false;
            boolean lowBroken = false;
            int swings = 0;
            for (int i = 0; i < n; i++) {
                ms.update(h[i], l[i], c[i]);
                int expectedBos = 0;
                if (!Double.isNaN(lastHigh) && !highBroken && c[i] > lastHigh) {
                    highBroken = true;
                    expectedBos = 1;
                }
                if (!Double.isNaN(lastLow) && !lowBroken && c[i] < lastLow) {
                    lowBroken = true;
                    if (expectedBos == 0) {
                        expectedBos = -1;
                    }
                }
                int j = i - lookback;   // the bar that bar i can confirm
                boolean isHigh = false;
                boolean isLow = false;
                if (j >= lookback) {
                    isHigh = true;
                    isLow = true;
                    for (int k = j - lookback; k <= j + lookback; k++) {
                        if (k != j) {
                            isHigh &= h[k] < h[j];
                            isLow &= l[k] > l[j];
                        }
                    }
                }
                if (isHigh) {
                    lastHigh = h[j];
                    highBroken = false;
                    swings++;
                }
                if (isLow) {
                    lastLow = l[j];
                    lowBroken = false;
                    swings++;
                }
                assertThat(ms.isNewSwingHigh()).as("L=%d bar %d high", lookback, i).isEqualTo(isHigh);
                assertThat(ms.isNewSwingLow()).as("L=%d bar %d low", lookback, i).isEqualTo(isLow);
                assertThat(Double.compare(ms.swingHigh(), lastHigh)).as("L=%d bar %d swing high", lookback, i).isZero();
                assertThat(Double.compare(ms.swingLow(), lastLow)).as("L=%d bar %d swing low", lookback, i).isZero();
                assertThat(ms.bos()).as("L=%d bar %d bos", lookback, i).isEqualTo(expectedBos);
            }
            assertThat(swings).isGreaterThan(n / (8 * lookback));
        }
    }

    @Test
    void nonFiniteBarsAreIgnored() {
        MarketStructure ms = new MarketStructure();
        ms.update(Double.NaN, 1, 1);
        assertThat(ms.bars()).isZero();
    }

    @Test
    void lookbackIsValidated() {
        assertThatThrownBy(() -> new MarketStructure(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketStructure(51)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetForgetsEverything() {
        MarketStructure ms = new MarketStructure();
        for (double[] b : ZIGZAG) {
            ms.update(b[0], b[1], b[2]);
        }
        ms.reset();
        assertThat(ms).isEqualTo(new MarketStructure());
        assertThat(ms.swingHigh()).isNaN();
    }

    @Test
    void serializationRoundTripMidSeriesContinuesIdentically() throws IOException {
        for (int split = 0; split <= ZIGZAG.length; split++) {
            MarketStructure ms = new MarketStructure();
            for (int i = 0; i < split; i++) {
                ms.update(minute(i), ZIGZAG[i][0], ZIGZAG[i][1], ZIGZAG[i][2]);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ms.writeTo(new DataOutputStream(bytes));
            MarketStructure back = MarketStructure.readFrom(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            MarketStructure copy = ms.copy();
            assertThat(back).isEqualTo(ms).isEqualTo(copy).hasSameHashCodeAs(ms);

            for (int i = split; i < ZIGZAG.length; i++) {
                for (MarketStructure m : List.of(ms, back, copy)) {
                    m.update(minute(i), ZIGZAG[i][0], ZIGZAG[i][1], ZIGZAG[i][2]);
                }
                assertThat(back).as("split %d bar %d", split, i).isEqualTo(ms);
                assertThat(copy).isEqualTo(ms);
                assertThat(back.bos()).isEqualTo(ms.bos());
                assertThat(back.structure()).isEqualTo(ms.structure());
            }
            assertThat(back.trend()).isEqualTo(-1);
        }
    }
}
