package com.tradesignal.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MarketSnapshotTest {

    @Test
    void an_empty_builder_leaves_every_input_unavailable() {
        MarketSnapshot s = MarketSnapshot.builder().build();
        assertThat(s.close()).isNaN();
        assertThat(s.ema200()).isNaN();
        assertThat(s.orbHigh()).isNaN();
        assertThat(s.pcr()).isNaN();
        assertThat(s.futureVwapUpper()).isNaN();
        assertThat(s.superTrendDirection()).isZero();
        assertThat(s.candleDirection()).isZero();
        assertThat(s.volumeSpike()).isFalse();
        assertThat(s.oiBuildUp()).isNull();
        assertThat(s.structureLabel()).isNull();
    }

    @Test
    void to_builder_reproduces_the_snapshot() {
        MarketSnapshot s = SignalEngineTest.allBullish().build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.toBuilder().rsi14(30).build().rsi14()).isEqualTo(30);
        assertThat(s.underlying()).isEqualTo("NIFTY");
        assertThat(s.interval()).isEqualTo("5m");
    }

    @Test
    void grouped_setters_put_each_value_in_its_field() {
        MarketSnapshot s = MarketSnapshot.builder()
                .pivots(1, 2, 3, 4, 5, 6, 7)
                .openingRange(20, 10)
                .futureVwapBand(99, 101)
                .emas(9, 21, 50, 200).previousEmas(8, 20)
                .build();
        assertThat(new double[] {s.pp(), s.r1(), s.r2(), s.r3(), s.s1(), s.s2(), s.s3()})
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(s.orbHigh()).isEqualTo(20);
        assertThat(s.orbLow()).isEqualTo(10);
        assertThat(s.futureVwapLower()).isEqualTo(99);
        assertThat(s.futureVwapUpper()).isEqualTo(101);
        assertThat(new double[] {s.ema9(), s.ema21(), s.ema50(), s.ema200(), s.previousEma9(), s.previousEma21()})
                .containsExactly(9, 21, 50, 200, 8, 20);
    }

    @Test
    void the_volume_analysis_can_be_wired_in_directly() {
        VolumeAnalysis v = new VolumeAnalysis();
        for (int i = 0; i < 19; i++) {
            v.add(900);
        }
        v.add(1_900);
        MarketSnapshot s = MarketSnapshot.builder().volume(v).build();
        assertThat(s.volumeRatio()).isEqualTo(2.0);
        assertThat(s.volumeSpike()).isTrue();
    }

    @Test
    void directions_other_than_minus_one_zero_plus_one_are_rejected() {
        assertThatThrownBy(() -> MarketSnapshot.builder().superTrend(25_000, 2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("superTrendDirection");
        assertThatThrownBy(() -> MarketSnapshot.builder().candleIntent("x", -3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candleDirection");
    }
}
