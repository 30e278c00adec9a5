package com.tradesignal.indicators;

import com.tradesignal.indicators.TrendTestCandles.Bar;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flink keeps one of each indicator per instrument and interval in keyed state; these tests pin that a state
 * written with {@code writeTo} and read back with {@code readFrom} mid-series continues exactly like the
 * uninterrupted instance (bit for bit), and that {@code copy()} is deep.
 */
class TrendIndicatorStateTest {

    /** One indicator under test, seen through a uniform adapter. */
    private interface Subject<T> {
        T create();

        /** Folds a bar; returns the value(s) that must continue identically. */
        double[] update(T indicator, Bar bar);

        void write(T indicator, DataOutputStream out) throws IOException;

        T read(DataInputStream in) throws IOException;

        T copy(T indicator);
    }

    private static final Subject<Ema> EMA_200 = new Subject<>() {
        public Ema create() { return new Ema(200); }
        public double[] update(Ema e, Bar b) { return new double[] {e.update(b.close()), e.previous()}; }
        public void write(Ema e, DataOutputStream out) throws IOException { e.writeTo(out); }
        public Ema read(DataInputStream in) throws IOException { return Ema.readFrom(in); }
        public Ema copy(Ema e) { return e.copy(); }
    };

    private static final Subject<Rsi> RSI_14 = new Subject<>() {
        public Rsi create() { return new Rsi(); }
        public double[] update(Rsi r, Bar b) { return new double[] {r.update(b.close())}; }
        public void write(Rsi r, DataOutputStream out) throws IOException { r.writeTo(out); }
        public Rsi read(DataInputStream in) throws IOException { return Rsi.readFrom(in); }
        public Rsi copy(Rsi r) { return r.copy(); }
    };

    private static final Subject<Atr> ATR_14 = new Subject<>() {
        public Atr create() { return new Atr(); }
        public double[] update(Atr a, Bar b) {
            return new double[] {a.update(b.high(), b.low(), b.close()), a.trueRange()};
        }
        public void write(Atr a, DataOutputStream out) throws IOException { a.writeTo(out); }
        public Atr read(DataInputStream in) throws IOException { return Atr.readFrom(in); }
        public Atr copy(Atr a) { return a.copy(); }
    };

    private static final Subject<SuperTrend> SUPERTREND = new Subject<>() {
        public SuperTrend create() { return new SuperTrend(); }
        public double[] update(SuperTrend s, Bar b) {
            double v = s.update(b.high(), b.low(), b.close());
            return new double[] {v, s.direction(), s.flipped() ? 1 : 0};
        }
        public void write(SuperTrend s, DataOutputStream out) throws IOException { s.writeTo(out); }
        public SuperTrend read(DataInputStream in) throws IOException { return SuperTrend.readFrom(in); }
        public SuperTrend copy(SuperTrend s) { return s.copy(); }
    };

    private static final Subject<ParabolicSar> PSAR = new Subject<>() {
        public ParabolicSar create() { return new ParabolicSar(); }
        public double[] update(ParabolicSar s, Bar b) {
            double v = s.update(b.high(), b.low(), b.close());
            return new double[] {v, s.isLong() ? 1 : 0, s.flipped() ? 1 : 0};
        }
        public void write(ParabolicSar s, DataOutputStream out) throws IOException { s.writeTo(out); }
        public ParabolicSar read(DataInputStream in) throws IOException { return ParabolicSar.readFrom(in); }
        public ParabolicSar copy(ParabolicSar s) { return s.copy(); }
    };

    private static final Subject<RateOfChange> ROC_10 = new Subject<>() {
        public RateOfChange create() { return new RateOfChange(); }
        public double[] update(RateOfChange r, Bar b) { return new double[] {r.update(b.close())}; }
        public void write(RateOfChange r, DataOutputStream out) throws IOException { r.writeTo(out); }
        public RateOfChange read(DataInputStream in) throws IOException { return RateOfChange.readFrom(in); }
        public RateOfChange copy(RateOfChange r) { return r.copy(); }
    };

    private static <T> T roundTrip(Subject<T> subject, T indicator) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            subject.write(indicator, out);
        }
        byte[] written = bytes.toByteArray();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(written))) {
            T restored = subject.read(in);
            assertThat(in.read()).as("the whole state is consumed").isEqualTo(-1);
            return restored;
        }
    }

    /** Splits the month at {@code cut}: restore from bytes (and from copy()) and continue beside the original. */
    private static <T> void continuesIdentically(Subject<T> subject, int cut) throws IOException {
        List<Bar> bars = TrendTestCandles.niftyDecember2022();
        T original = subject.create();
        for (int i = 0; i < cut; i++) {
            subject.update(original, bars.get(i));
        }
        T restored = roundTrip(subject, original);
        T copied = subject.copy(original);
        assertThat(restored).isEqualTo(original).hasSameHashCodeAs(original).isNotSameAs(original);
        assertThat(copied).isEqualTo(original).hasSameHashCodeAs(original);
        for (int i = cut; i < bars.size(); i++) {
            double[] expected = subject.update(original, bars.get(i));
            assertThat(subject.update(restored, bars.get(i))).as("restored, bar %d", i).isEqualTo(expected);
            assertThat(subject.update(copied, bars.get(i))).as("copy, bar %d", i).isEqualTo(expected);
        }
        assertThat(restored).isEqualTo(original);
        assertThat(copied).isEqualTo(original);
    }

    private static <T> void roundTripsBeforeWarmUpMidSeriesAndAtTheEnd(Subject<T> subject) throws IOException {
        for (int cut : new int[] {0, 1, 5, 4000, 8249}) {
            continuesIdentically(subject, cut);
        }
    }

    @Test
    void emaRestoredMidSeriesContinuesIdenticallyToAnUninterruptedOne() throws IOException {
        roundTripsBeforeWarmUpMidSeriesAndAtTheEnd(EMA_200);
    }

    @Test
    void rsiRestoredMidSeriesContinuesIdenticallyToAnUninterruptedOne() throws IOException {
        roundTripsBeforeWarmUpMidSeriesAndAtTheEnd(RSI_14);
    }

    @Test
    void atrRestoredMidSeriesContinuesIdenticallyToAnUninterruptedOne() throws IOException {
        roundTripsBeforeWarmUpMidSeriesAndAtTheEnd(ATR_14);
    }

    @Test
    void superTrendRestoredMidSeriesContinuesIdenticallyToAnUninterruptedOne() throws IOException {
        roundTripsBeforeWarmUpMidSeriesAndAtTheEnd(SUPERTREND);
    }

    @Test
    void parabolicSarRestoredMidSeriesContinuesIdenticallyToAnUninterruptedOne() throws IOException {
        roundTripsBeforeWarmUpMidSeriesAndAtTheEnd(PSAR);
    }

    @Test
    void rateOfChangeRestoredMidSeriesContinuesIdenticallyToAnUninterruptedOne() throws IOException {
        roundTripsBeforeWarmUpMidSeriesAndAtTheEnd(ROC_10);
    }

    @Test
    void aCopyIsIndependentOfTheOriginal() {
        SuperTrend original = new SuperTrend();
        for (Bar b : TrendTestCandles.niftyDecember2022().subList(0, 100)) {
            original.update(b.high(), b.low(), b.close());
        }
        SuperTrend copy = original.copy();
        copy.update(1, 0.5, 0.75);
        assertThat(copy).isNotEqualTo(original);
        assertThat(original.barsSeen()).isEqualTo(100);
    }

    @Test
    void rateOfChangeEqualityIgnoresWhereTheRingHappensToStart() throws IOException {
        RateOfChange a = new RateOfChange(3);
        for (int i = 1; i <= 6; i++) {
            a.update(100 + i); // the ring's write position is now 2
        }
        RateOfChange b = roundTrip(ROC_10, a); // restored with write position 0; the period travels in the state
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(b.update(200)).isEqualTo(a.update(200));
    }

    @Test
    void anUnknownFormatByteIsRejected() {
        byte[] bytes = {99, 0, 0, 0, 9};
        assertThatThrownBy(() -> Ema.readFrom(new DataInputStream(new ByteArrayInputStream(bytes))))
                .isInstanceOf(IOException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> ParabolicSar.readFrom(new DataInputStream(new ByteArrayInputStream(bytes))))
                .isInstanceOf(IOException.class).hasMessageContaining("format");
    }

    @Test
    void theStateOfEachIndicatorIsSmallAndIndependentOfHowManyBarsItHasSeen() throws IOException {
        // Bounded state: the serialised size after one bar and after the whole month is the same.
        List<Bar> bars = TrendTestCandles.niftyDecember2022();
        for (Subject<?> subject : List.of(EMA_200, RSI_14, ATR_14, SUPERTREND, PSAR, ROC_10)) {
            assertThat(sizeAfter(subject, bars.subList(0, 1))).isEqualTo(sizeAfter(subject, bars))
                    .isLessThan(200);
        }
    }

    private static <T> int sizeAfter(Subject<T> subject, List<Bar> bars) throws IOException {
        T indicator = subject.create();
        for (Bar b : bars) {
            subject.update(indicator, b);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            subject.write(indicator, out);
        }
        return bytes.size();
    }
}
