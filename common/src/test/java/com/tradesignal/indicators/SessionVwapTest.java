package com.tradesignal.indicators;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import com.tradesignal.indicators.NseIndexMinutes.Minute;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DecimalNum;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Session: the 375 regular minutes of NIFTY 50 on 2 Dec 2022 (real prices) with made-up but realistic futures
 * volumes: multiples of the 2022 lot (50), U-shaped over the day (heavier at the open and close), 20k..400k a minute.
 * References: a naive BigDecimal recomputation of Σv·p, Σv·p², Σv at 50 significant digits, and ta4j's
 * {@link VWAPIndicator} (hlc3, with a window longer than the session = session VWAP). ta4j 0.17 (the version pinned
 * for Java 17) has no VWAP standard-deviation indicator, so σ is checked against the BigDecimal reference only.
 */
class SessionVwapTest {
    private static final MathContext MC = new MathContext(50);
    private static final LocalDate DEC_2 = LocalDate.of(2022, 12, 2);

    private record Bar(double high, double low, double close, long volume, long start) {
    }

    private static List<Bar> session() {
        List<Minute> minutes = NseIndexMinutes.regular("2022-dec-nifty.csv", DEC_2);
        Random random = new Random(20221202L);
        List<Bar> bars = new ArrayList<>(minutes.size());
        int n = minutes.size();
        for (int i = 0; i < n; i++) {
            double x = (i - n / 2.0) / (n / 2.0);                    // −1 at the open, +1 at the close
            double profile = 1200 + 2800 * x * x;                     // lots a minute
            long lots = Math.round(profile * (0.35 + 0.65 * random.nextDouble()));
            Minute m = minutes.get(i);
            bars.add(new Bar(m.high(), m.low(), m.close(), 50L * lots, m.start()));
        }
        return bars;
    }

    /** Naive exact-decimal reference: {vwap, sigma} after each bar. */
    private static double[][] bigDecimalReference(List<Bar> bars) {
        BigDecimal sv = BigDecimal.ZERO;
        BigDecimal svp = BigDecimal.ZERO;
        BigDecimal svp2 = BigDecimal.ZERO;
        BigDecimal three = BigDecimal.valueOf(3);
        double[][] out = new double[bars.size()][];
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            BigDecimal p = BigDecimal.valueOf(b.high()).add(BigDecimal.valueOf(b.low()))
                    .add(BigDecimal.valueOf(b.close())).divide(three, MC);
            BigDecimal v = BigDecimal.valueOf(b.volume());
            sv = sv.add(v);
            svp = svp.add(v.multiply(p, MC));
            svp2 = svp2.add(v.multiply(p, MC).multiply(p, MC));
            BigDecimal vwap = svp.divide(sv, MC);
            BigDecimal variance = svp2.divide(sv, MC).subtract(vwap.multiply(vwap, MC));
            BigDecimal sigma = variance.signum() <= 0 ? BigDecimal.ZERO : variance.sqrt(MC);
            out[i] = new double[] {vwap.doubleValue(), sigma.doubleValue()};
        }
        return out;
    }

    @Test
    void vwapAndBandsMatchANaiveBigDecimalRecomputationAfterEveryMinute() {
        List<Bar> bars = session();
        double[][] ref = bigDecimalReference(bars);
        SessionVwap vwap = new SessionVwap();

        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            vwap.update(b.high(), b.low(), b.close(), b.volume());
            double sigma = ref[i][1];
            assertThat(vwap.vwap()).as("vwap minute %d", i).isCloseTo(ref[i][0], within(1e-9));
            assertThat(vwap.sigma()).as("sigma minute %d", i).isCloseTo(sigma, within(1e-9));
            assertThat(vwap.upper(1)).isCloseTo(ref[i][0] + sigma, within(1e-8));
            assertThat(vwap.lower(1)).isCloseTo(ref[i][0] - sigma, within(1e-8));
            assertThat(vwap.upper(2)).isCloseTo(ref[i][0] + 2 * sigma, within(1e-8));
            assertThat(vwap.lower(2)).isCloseTo(ref[i][0] - 2 * sigma, within(1e-8));
        }
        assertThat(vwap.candles()).isEqualTo(375);
        // sanity: a real day's σ is tens of points and the VWAP lies inside the day's range
        assertThat(vwap.sigma()).isBetween(5.0, 100.0);
        assertThat(vwap.vwap()).isBetween(18600.0, 18800.0);
    }

    @Test
    void vwapMatchesTa4jVwapIndicatorOverTheSession() {
        List<Bar> bars = session();
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.valueOf(0)).build();
        for (Bar b : bars) {
            series.addBar(Duration.ofMinutes(1), Instant.ofEpochMilli(b.start() + 60_000).atZone(MarketTime.IST),
                    b.close(), b.high(), b.low(), b.close(), b.volume());
        }
        VWAPIndicator ta4j = new VWAPIndicator(series, 1000);
        SessionVwap vwap = new SessionVwap();

        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            vwap.update(b.high(), b.low(), b.close(), b.volume());
            assertThat(vwap.vwap()).as("minute %d", i).isCloseTo(ta4j.getValue(i).doubleValue(), within(1e-8));
        }
    }

    @Test
    void sigmaStaysExactWhereTheTextbookDoubleFormulaLosesDigits() {
        // 375 minutes alternating 18800.00 / 18800.05 with ~1-2 million volume: σ ≈ 0.025, p² ≈ 3.5e8
        SessionVwap vwap = new SessionVwap();
        Random random = new Random(7);
        BigDecimal sv = BigDecimal.ZERO;
        BigDecimal svp = BigDecimal.ZERO;
        BigDecimal svp2 = BigDecimal.ZERO;
        double nsv = 0;
        double nsvp = 0;
        double nsvp2 = 0;
        for (int i = 0; i < 375; i++) {
            double p = i % 2 == 0 ? 18800.00 : 18800.05;
            long v = 1_000_000 + 50L * random.nextInt(20_000);
            vwap.updatePrice(p, v);
            BigDecimal bp = BigDecimal.valueOf(p);
            BigDecimal bv = BigDecimal.valueOf(v);
            sv = sv.add(bv);
            svp = svp.add(bv.multiply(bp));
            svp2 = svp2.add(bv.multiply(bp).multiply(bp));
            nsv += v;
            nsvp += v * p;
            nsvp2 += v * p * p;
        }
        BigDecimal refVwap = svp.divide(sv, MC);
        double refSigma = svp2.divide(sv, MC).subtract(refVwap.multiply(refVwap, MC)).sqrt(MC).doubleValue();
        double naiveVwap = nsvp / nsv;
        double naiveSigma = Math.sqrt(Math.max(0, nsvp2 / nsv - naiveVwap * naiveVwap));

        assertThat(vwap.vwap()).isCloseTo(refVwap.doubleValue(), within(1e-10));
        assertThat(vwap.sigma()).isCloseTo(refSigma, within(1e-11));
        // why the running-sum form is not used: it is off in the 5th significant digit here
        assertThat(Math.abs(naiveSigma - refSigma)).isGreaterThan(1e-8);
    }

    @Test
    void constantPriceHasExactlyZeroSigma() {
        SessionVwap vwap = new SessionVwap();
        for (int i = 0; i < 375; i++) {
            vwap.update(18800.05, 18800.05, 18800.05, 1_000_000 + i * 37L);
        }
        assertThat(vwap.vwap()).isEqualTo(18800.05);
        assertThat(vwap.sigma()).isEqualTo(0.0);
        assertThat(vwap.upper(2)).isEqualTo(vwap.lower(2));
    }

    @Test
    void firstCandleWithVolumeGivesItsHlc3AndZeroSigma() {
        SessionVwap vwap = new SessionVwap();
        vwap.update(101, 98, 100, 500);

        assertThat(vwap.vwap()).isCloseTo(299.0 / 3, within(1e-12));
        assertThat(vwap.sigma()).isZero();
    }

    @Test
    void twoCandleHandWorkedExample() {
        // p1 = 100 (v 1), p2 = 103 (v 2): VWAP = 306/3 = 102, σ² = (1·4 + 2·1)/3 = 2
        SessionVwap vwap = new SessionVwap();
        vwap.update(100, 100, 100, 1);
        vwap.update(104, 102, 103, 2);

        assertThat(vwap.vwap()).isCloseTo(102, within(1e-12));
        assertThat(vwap.sigma()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(vwap.upper(1)).isCloseTo(102 + Math.sqrt(2), within(1e-12));
        assertThat(vwap.lower(2)).isCloseTo(102 - 2 * Math.sqrt(2), within(1e-12));
    }

    @Test
    void everythingIsNanWhileThereIsNoVolumeAsForAnIndex() {
        SessionVwap vwap = new SessionVwap();
        assertThat(vwap.vwap()).isNaN();
        for (Minute m : NseIndexMinutes.regular("2022-dec-nifty.csv", DEC_2).subList(0, 30)) {
            vwap.update(new Candle(256265, "NIFTY 50", CandleInterval.M1, m.start(), m.open(), m.high(), m.low(),
                    m.close(), 0, Double.NaN, 40));
        }
        assertThat(vwap.vwap()).isNaN();
        assertThat(vwap.sigma()).isNaN();
        assertThat(vwap.upper(1)).isNaN();
        assertThat(vwap.lower(2)).isNaN();
        assertThat(vwap.candles()).isZero();
    }

    @Test
    void zeroVolumeCandlesDoNotMoveTheVwapAndResetStartsANewSession() {
        SessionVwap vwap = new SessionVwap();
        vwap.update(101, 99, 100, 1000);
        vwap.update(201, 199, 200, 0);
        vwap.update(Double.NaN, 199, 200, 10);
        vwap.update(201, 199, 200, -5);
        assertThat(vwap.vwap()).isCloseTo(100, within(1e-12));
        assertThat(vwap.candles()).isEqualTo(1);

        vwap.reset();
        assertThat(vwap.vwap()).isNaN();
        assertThat(vwap.sumVolume()).isZero();
        vwap.update(51, 49, 50, 10);
        assertThat(vwap.vwap()).isCloseTo(50, within(1e-12));
    }

    @Test
    void serializationRoundTripMidSessionContinuesIdentically() throws IOException {
        List<Bar> bars = session();
        SessionVwap vwap = new SessionVwap();
        int split = 123;
        for (int i = 0; i < split; i++) {
            Bar b = bars.get(i);
            vwap.update(b.high(), b.low(), b.close(), b.volume());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        vwap.writeTo(new DataOutputStream(bytes));
        SessionVwap back = SessionVwap.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        SessionVwap copy = vwap.copy();
        assertThat(back).isEqualTo(vwap).isEqualTo(copy).hasSameHashCodeAs(vwap);

        for (int i = split; i < bars.size(); i++) {
            Bar b = bars.get(i);
            for (SessionVwap v : List.of(vwap, back, copy)) {
                v.update(b.high(), b.low(), b.close(), b.volume());
            }
            assertThat(back).isEqualTo(vwap);
            assertThat(copy).isEqualTo(vwap);
        }
        assertThat(back.vwap()).isEqualTo(vwap.vwap());
        assertThat(back.upper(2)).isEqualTo(vwap.upper(2));
    }

    @Test
    void emptySessionsAreEqualAndSurviveARoundTrip() throws IOException {
        SessionVwap empty = new SessionVwap();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        empty.writeTo(new DataOutputStream(bytes));
        SessionVwap back = SessionVwap.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(back).isEqualTo(empty).isEqualTo(new SessionVwap());
        assertThat(back.vwap()).isNaN();
    }
}
