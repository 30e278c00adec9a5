package com.tradesignal.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VolumeAnalysisTest {

    private static VolumeAnalysis filled(long each, int candles) {
        VolumeAnalysis v = new VolumeAnalysis();
        for (int i = 0; i < candles; i++) {
            v.add(each);
        }
        return v;
    }

    @Test
    void the_ratio_is_nan_and_never_a_spike_until_20_candles() {
        VolumeAnalysis v = filled(1_000, 18);
        v.add(50_000);                      // 19 candles, a huge one among them
        assertThat(v.isWarm()).isFalse();
        assertThat(v.ratio()).isNaN();
        assertThat(v.average()).isNaN();
        assertThat(v.isSpike()).isFalse();
        assertThat(v.last()).isEqualTo(50_000);

        v.add(1_000);                       // the 20th: (18*1000 + 50000 + 1000)/20 = 3,450
        assertThat(v.isWarm()).isTrue();
        assertThat(v.average()).isEqualTo(3_450.0);
        assertThat(v.ratio()).isEqualTo(1_000 / 3_450.0);
    }

    @Test
    void after_20_equal_candles_the_ratio_is_1() {
        VolumeAnalysis v = filled(1_000, 20);
        assertThat(v.isWarm()).isTrue();
        assertThat(v.average()).isEqualTo(1_000.0);
        assertThat(v.ratio()).isEqualTo(1.0);
        assertThat(v.isSpike()).isFalse();
    }

    @Test
    void the_average_includes_the_latest_candle_and_a_ratio_of_exactly_2_is_a_spike() {
        VolumeAnalysis v = filled(900, 19);
        v.add(1_900);                      // average (19*900 + 1900)/20 = 950
        assertThat(v.average()).isEqualTo(950.0);
        assertThat(v.ratio()).isEqualTo(2.0);
        assertThat(v.isSpike()).isTrue();

        VolumeAnalysis under = filled(900, 19);
        under.add(1_899);
        assertThat(under.ratio()).isLessThan(2.0);
        assertThat(under.isSpike()).isFalse();
    }

    @Test
    void the_window_rolls_so_old_candles_drop_out() {
        VolumeAnalysis v = filled(100, 20);
        for (int i = 0; i < 20; i++) {
            v.add(1_000);
        }
        assertThat(v.average()).isEqualTo(1_000.0);
        assertThat(v.ratio()).isEqualTo(1.0);
        v.add(5_000);                       // drops one 1,000: (19*1000 + 5000)/20 = 1,200
        assertThat(v.average()).isEqualTo(1_200.0);
        assertThat(v.ratio()).isCloseTo(5_000 / 1_200.0, within(1e-12));
    }

    @Test
    void a_window_of_zero_volume_has_no_ratio() {
        assertThat(filled(0, 20).ratio()).isNaN();
        assertThat(filled(0, 20).isSpike()).isFalse();
    }

    @Test
    void negative_volumes_and_empty_windows_are_rejected() {
        assertThatThrownBy(() -> new VolumeAnalysis().add(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VolumeAnalysis(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void imbalance_is_buy_minus_sell_over_their_sum() {
        assertThat(VolumeAnalysis.imbalance(300, 100)).isEqualTo(0.5);
        assertThat(VolumeAnalysis.imbalance(100, 300)).isEqualTo(-0.5);
        assertThat(VolumeAnalysis.imbalance(100, 0)).isEqualTo(1.0);
        assertThat(VolumeAnalysis.imbalance(0, 0)).isNaN();
        assertThat(VolumeAnalysis.imbalance(Double.NaN, 10)).isNaN();
        assertThat(VolumeAnalysis.imbalance(-5, 10)).isNaN();
    }

    @Test
    void reset_forgets_everything() {
        VolumeAnalysis v = filled(1_000, 25);
        v.reset();
        assertThat(v).isEqualTo(new VolumeAnalysis());
        assertThat(v.last()).isEqualTo(-1);
    }

    @Test
    void state_round_trips_through_data_output_including_a_wrapped_ring_buffer() throws IOException {
        VolumeAnalysis v = new VolumeAnalysis();
        for (int i = 1; i <= 27; i++) {
            v.add(i * 100L);
        }
        VolumeAnalysis back = roundTrip(v);
        assertThat(back).isEqualTo(v).hasSameHashCodeAs(v);
        assertThat(back.ratio()).isEqualTo(v.ratio());
        back.add(9_999);
        v.add(9_999);
        assertThat(back).isEqualTo(v);
        assertThat(back.ratio()).isEqualTo(v.ratio());

        VolumeAnalysis partial = new VolumeAnalysis(5);
        partial.add(7);
        assertThat(roundTrip(partial)).isEqualTo(partial);
        assertThat(roundTrip(new VolumeAnalysis())).isEqualTo(new VolumeAnalysis());
    }

    @Test
    void a_copy_is_independent() {
        VolumeAnalysis v = filled(1_000, 20);
        VolumeAnalysis c = v.copy();
        assertThat(c).isEqualTo(v);
        c.add(10_000);
        assertThat(v.ratio()).isEqualTo(1.0);
        assertThat(c).isNotEqualTo(v);
    }

    @Test
    void a_different_window_is_a_different_state() {
        assertThat(new VolumeAnalysis(10)).isNotEqualTo(new VolumeAnalysis(20));
    }

    @Test
    void an_unknown_format_version_is_refused() {
        assertThatThrownBy(() -> VolumeAnalysis.readFrom(new DataInputStream(new ByteArrayInputStream(new byte[] {9}))))
                .isInstanceOf(IOException.class).hasMessageContaining("version 9");
    }

    static VolumeAnalysis roundTrip(VolumeAnalysis v) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        v.writeTo(new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        VolumeAnalysis back = VolumeAnalysis.readFrom(in);
        assertThat(in.available()).isZero();
        return back;
    }
}
