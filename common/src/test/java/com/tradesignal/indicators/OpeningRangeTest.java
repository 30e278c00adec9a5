package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import com.tradesignal.indicators.NseIndexMinutes.Minute;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reference days: NIFTY 50 on 2 Dec 2022 and 14 Dec 2022 (the files label the END of each minute, so the 09:15
 * candle is the row "09:16"). Expected ranges read off the rows by hand / awk:
 * <ul>
 *   <li>2 Dec, 5 min (rows 09:16..09:20): high 18781.95 (09:16), low 18734.00 (09:19); first close below: row 09:27
 *       (18727.30).</li>
 *   <li>2 Dec, 15 min (rows 09:16..09:30): high 18781.95, low 18723.20 (09:30); first close below: row 09:41
 *       (18721.80).</li>
 *   <li>2 Dec, 30 min (rows 09:16..09:45): high 18781.95, low 18712.15 (09:45); first close below: row 09:46
 *       (18712.05).</li>
 *   <li>14 Dec, 15 min: high 18685.90 (09:28), low 18651.65 (09:16); row 09:33 trades above the high (18686.70) but
 *       closes below it (18684.70); row 09:34 closes above (18686.35): the first upside breakout.</li>
 * </ul>
 */
class OpeningRangeTest {
    private static final String DEC_2022 = "2022-dec-nifty.csv";
    private static final LocalDate DEC_2 = LocalDate.of(2022, 12, 2);
    private static final LocalDate DEC_14 = LocalDate.of(2022, 12, 14);

    private static long open(LocalDate date) {
        return MarketTime.at(date, LocalTime.of(9, 15));
    }

    /** Feeds the whole day (pre-open print included) and returns the label of the first non-zero breakout. */
    private static String feedDay(OpeningRange range, LocalDate date, int[] firstBreakout) {
        String firstLabel = null;
        for (Minute m : NseIndexMinutes.allRows(DEC_2022, date)) {
            if (m.label().isAfter(LocalTime.of(15, 30))) {
                continue;
            }
            int b = range.update(open(date), m.start(), m.high(), m.low(), m.close());
            if (b != 0 && firstLabel == null) {
                firstLabel = m.label().toString();
                firstBreakout[0] = b;
            }
        }
        return firstLabel;
    }

    @Test
    void fiveMinuteRangeOfSecondDecember2022IsItsFirstFiveRegularMinutes() {
        OpeningRange orb = new OpeningRange(5);
        int[] dir = new int[1];

        String first = feedDay(orb, DEC_2, dir);

        assertThat(orb.high()).isEqualTo(18781.95);
        assertThat(orb.low()).isEqualTo(18734.00);
        assertThat(first).isEqualTo("09:27");
        assertThat(dir[0]).isEqualTo(-1);
    }

    @Test
    void fifteenMinuteRangeOfSecondDecember2022IsTheNineFifteenToNineTwentyNineCandles() {
        OpeningRange orb = new OpeningRange();
        int[] dir = new int[1];

        String first = feedDay(orb, DEC_2, dir);

        assertThat(orb.minutes()).isEqualTo(15);
        assertThat(orb.high()).isEqualTo(18781.95);
        assertThat(orb.low()).isEqualTo(18723.20);
        assertThat(orb.windowCandles()).isEqualTo(15);
        assertThat(first).isEqualTo("09:41");
        assertThat(dir[0]).isEqualTo(-1);
    }

    @Test
    void thirtyMinuteRangeOfSecondDecember2022() {
        OpeningRange orb = new OpeningRange(30);
        int[] dir = new int[1];

        String first = feedDay(orb, DEC_2, dir);

        assertThat(orb.high()).isEqualTo(18781.95);
        assertThat(orb.low()).isEqualTo(18712.15);
        assertThat(first).isEqualTo("09:46");
        assertThat(dir[0]).isEqualTo(-1);
    }

    @Test
    void upsideBreakoutNeedsACloseAboveTheHighNotJustATrade() {
        OpeningRange orb = new OpeningRange(15);
        List<Minute> day = NseIndexMinutes.allRows(DEC_2022, DEC_14);
        for (Minute m : day) {
            int b = orb.update(open(DEC_14), m.start(), m.high(), m.low(), m.close());
            if (m.label().equals(LocalTime.of(9, 33))) {
                assertThat(m.high()).isGreaterThan(orb.high());
                assertThat(b).isZero();
            }
            if (m.label().equals(LocalTime.of(9, 34))) {
                assertThat(b).isEqualTo(1);
                break;
            }
        }
        assertThat(orb.high()).isEqualTo(18685.90);
        assertThat(orb.low()).isEqualTo(18651.65);
    }

    @Test
    void rangeIsNanUntilItsWindowIsOverAndThePreOpenPrintIsIgnored() {
        OpeningRange orb = new OpeningRange(15);
        List<Minute> rows = NseIndexMinutes.allRows(DEC_2022, DEC_2);
        assertThat(rows.get(0).label()).isEqualTo(LocalTime.of(9, 8)); // pre-open print, 18752.40

        for (Minute m : rows) {
            if (m.label().isAfter(LocalTime.of(9, 30))) {
                break;
            }
            orb.update(open(DEC_2), m.start(), m.high(), m.low(), m.close());
            if (m.label().isBefore(LocalTime.of(9, 30))) {
                assertThat(orb.isComplete()).as(m.label().toString()).isFalse();
                assertThat(orb.high()).isNaN();
                assertThat(orb.low()).isNaN();
                assertThat(orb.breakout(1e9)).isZero();
            }
        }
        assertThat(orb.isComplete()).isTrue();   // completed by the 09:29 candle (row 09:30) itself
        assertThat(orb.formingHigh()).isEqualTo(orb.high());
        assertThat(orb.breakout(18781.95)).isZero();   // on the boundary: inside
        assertThat(orb.breakout(18782.00)).isEqualTo(1);
        assertThat(orb.breakout(18723.15)).isEqualTo(-1);
    }

    @Test
    void formingRangeIsVisibleWhileTheWindowIsOpen() {
        OpeningRange orb = new OpeningRange(5);
        long open = open(DEC_2);
        orb.update(open, open, 105, 100, 101);
        orb.update(open, open + 60_000, 107, 102, 103);

        assertThat(orb.formingHigh()).isEqualTo(107);
        assertThat(orb.formingLow()).isEqualTo(100);
        assertThat(orb.high()).isNaN();
    }

    @Test
    void missingLastMinuteCompletesTheRangeOnTheNextCandleWhichIsAlreadyTested() {
        OpeningRange orb = new OpeningRange(5);
        long open = open(DEC_2);
        for (int i = 0; i < 4; i++) {               // 09:15..09:18, no 09:19 candle
            orb.update(open, open + i * 60_000L, 105 + i, 100, 102);
        }
        assertThat(orb.isComplete()).isFalse();

        int b = orb.update(open, open + 5 * 60_000L, 110, 107, 109);   // 09:20, closes above 108

        assertThat(orb.isComplete()).isTrue();
        assertThat(orb.high()).isEqualTo(108);
        assertThat(orb.low()).isEqualTo(100);
        assertThat(b).isEqualTo(1);
    }

    @Test
    void advancingTimePastTheWindowCompletesTheRange() {
        OpeningRange orb = new OpeningRange(5);
        long open = open(DEC_2);
        orb.update(open, open, 105, 100, 102);
        orb.advanceTo(open + 5 * 60_000L - 1);
        assertThat(orb.isComplete()).isFalse();
        orb.advanceTo(open + 5 * 60_000L);
        assertThat(orb.isComplete()).isTrue();
        assertThat(orb.high()).isEqualTo(105);
    }

    @Test
    void windowWithoutCandlesNeverCompletes() {
        OpeningRange orb = new OpeningRange(5);
        long open = open(DEC_2);
        int b = orb.update(open, open + 10 * 60_000L, 105, 100, 102);

        assertThat(b).isZero();
        assertThat(orb.isComplete()).isFalse();
        assertThat(orb.high()).isNaN();
    }

    @Test
    void lateWindowCandleAfterCompletionDoesNotMoveTheRange() {
        OpeningRange orb = new OpeningRange(5);
        long open = open(DEC_2);
        orb.update(open, open, 105, 100, 102);
        orb.update(open, open + 6 * 60_000L, 104, 101, 103);
        orb.update(open, open + 60_000L, 120, 90, 100);

        assertThat(orb.high()).isEqualTo(105);
        assertThat(orb.low()).isEqualTo(100);
    }

    @Test
    void newSessionOpenClearsTheRange() {
        OpeningRange orb = new OpeningRange(5);
        feedDay(orb, DEC_2, new int[1]);
        assertThat(orb.isComplete()).isTrue();

        long next = open(DEC_14);
        orb.update(next, next, 200, 190, 195);

        assertThat(orb.sessionOpenMillis()).isEqualTo(next);
        assertThat(orb.isComplete()).isFalse();
        assertThat(orb.high()).isNaN();
        assertThat(orb.formingHigh()).isEqualTo(200);
    }

    @Test
    void candleOverloadUsesTheCandleEndForCompletion() {
        OpeningRange orb = new OpeningRange(15);
        long open = open(DEC_2);
        Candle fiveMinute = new Candle(256265, "NIFTY 50", CandleInterval.M5, open, 100, 105, 99, 104, 0, Double.NaN, 10);
        Candle second = new Candle(256265, "NIFTY 50", CandleInterval.M5, open + 5 * 60_000L, 104, 106, 101, 102, 0,
                Double.NaN, 10);
        Candle third = new Candle(256265, "NIFTY 50", CandleInterval.M5, open + 10 * 60_000L, 102, 103, 98, 99, 0,
                Double.NaN, 10);
        orb.update(fiveMinute, open);
        orb.update(second, open);
        assertThat(orb.isComplete()).isFalse();
        orb.update(third, open);

        assertThat(orb.isComplete()).isTrue();
        assertThat(orb.high()).isEqualTo(106);
        assertThat(orb.low()).isEqualTo(98);
    }

    @Test
    void windowLengthIsValidated() {
        assertThatThrownBy(() -> new OpeningRange(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpeningRange(376)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serializationRoundTripMidWindowContinuesIdentically() throws IOException {
        OpeningRange orb = new OpeningRange(15);
        List<Minute> rows = NseIndexMinutes.allRows(DEC_2022, DEC_2);
        int split = 8; // pre-open + 7 window minutes
        for (int i = 0; i < split; i++) {
            Minute m = rows.get(i);
            orb.update(open(DEC_2), m.start(), m.high(), m.low(), m.close());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        orb.writeTo(new DataOutputStream(bytes));
        OpeningRange back = OpeningRange.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        OpeningRange copy = orb.copy();
        assertThat(back).isEqualTo(orb).isEqualTo(copy).hasSameHashCodeAs(orb);

        for (int i = split; i < rows.size(); i++) {
            Minute m = rows.get(i);
            int a = orb.update(open(DEC_2), m.start(), m.high(), m.low(), m.close());
            int b = back.update(open(DEC_2), m.start(), m.high(), m.low(), m.close());
            int c = copy.update(open(DEC_2), m.start(), m.high(), m.low(), m.close());
            assertThat(b).isEqualTo(a);
            assertThat(c).isEqualTo(a);
            assertThat(back).isEqualTo(orb);
            assertThat(copy).isEqualTo(orb);
        }
        assertThat(back.low()).isEqualTo(18723.20);
    }
}
