package com.tradesignal.signals;

import static org.assertj.core.api.Assertions.assertThat;
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
class OiBuildUpTest {

    @Test
    void price_and_oi_changes_fall_into_the_four_quadrants() {
        assertThat(OiBuildUp.classify(+12.5, +1_300)).isEqualTo(OiBuildUp.LONG_BUILDUP);
        assertThat(OiBuildUp.classify(-12.5, +1_300)).isEqualTo(OiBuildUp.SHORT_BUILDUP);
        assertThat(OiBuildUp.classify(-12.5, -1_300)).isEqualTo(OiBuildUp.LONG_UNWINDING);
        assertThat(OiBuildUp.classify(+12.5, -1_300)).isEqualTo(OiBuildUp.SHORT_COVERING);
    }

    @Test
    void a_zero_or_nan_change_is_no_quadrant() {
        assertThat(OiBuildUp.classify(0, 1_300)).isNull();
        assertThat(OiBuildUp.classify(5, 0)).isNull();
        assertThat(OiBuildUp.classify(Double.NaN, 1_300)).isNull();
        assertThat(OiBuildUp.classify(5, Double.NaN)).isNull();
    }

    @Test
    void the_quadrants_vote_bullish_for_long_build_up_and_short_covering() {
        assertThat(OiBuildUp.LONG_BUILDUP.vote()).isEqualTo(Vote.BULLISH);
        assertThat(OiBuildUp.SHORT_COVERING.vote()).isEqualTo(Vote.BULLISH);
        assertThat(OiBuildUp.SHORT_BUILDUP.vote()).isEqualTo(Vote.BEARISH);
        assertThat(OiBuildUp.LONG_UNWINDING.vote()).isEqualTo(Vote.BEARISH);
    }

    @Test
    void oi_changes_under_a_hundredth_of_a_percent_are_ignored() {
        assertThat(OiBuildUp.classify(25_000, 25_010, 1_000_000, 1_000_050)).isNull();        // +0.005%
        assertThat(OiBuildUp.classify(25_000, 25_010, 1_000_000, 1_000_100))                   // +0.01%
                .isEqualTo(OiBuildUp.LONG_BUILDUP);
        assertThat(OiBuildUp.classify(25_000, 24_990, 1_000_000, 999_900)).isEqualTo(OiBuildUp.LONG_UNWINDING);
        assertThat(OiBuildUp.classify(25_000, 25_000, 1_000_000, 1_200_000)).isNull();        // flat price
        assertThat(OiBuildUp.classify(Double.NaN, 25_000, 1_000_000, 1_200_000)).isNull();
        assertThat(OiBuildUp.classify(25_000, 25_010, 0, 1_200_000)).isNull();
    }

    @Test
    void the_tracker_classifies_each_candle_against_the_previous_one() {
        OiBuildUpTracker t = new OiBuildUpTracker();
        assertThat(t.update(25_000, 10_000_000)).isNull();
        assertThat(t.oiChangePercent()).isNaN();

        assertThat(t.update(25_050, 10_100_000)).isEqualTo(OiBuildUp.LONG_BUILDUP);
        assertThat(t.priceChangePercent()).isCloseTo(0.2, within(1e-9));
        assertThat(t.oiChangePercent()).isCloseTo(1.0, within(1e-9));

        assertThat(t.update(25_000, 10_200_000)).isEqualTo(OiBuildUp.SHORT_BUILDUP);
        assertThat(t.update(24_950, 10_000_000)).isEqualTo(OiBuildUp.LONG_UNWINDING);
        assertThat(t.update(25_100, 9_900_000)).isEqualTo(OiBuildUp.SHORT_COVERING);
        assertThat(t.buildUp()).isEqualTo(OiBuildUp.SHORT_COVERING);
    }

    @Test
    void a_candle_without_oi_gets_no_quadrant_and_keeps_the_previous_oi_as_reference() {
        OiBuildUpTracker t = new OiBuildUpTracker();
        t.update(25_000, 10_000_000);
        assertThat(t.update(25_050, 0)).isNull();
        assertThat(t.oiChangePercent()).isNaN();
        assertThat(t.update(25_100, 10_500_000)).isEqualTo(OiBuildUp.LONG_BUILDUP);
        assertThat(t.oiChangePercent()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void the_tracker_feeds_the_snapshot_and_the_vote() {
        OiBuildUpTracker t = new OiBuildUpTracker();
        t.update(25_000, 10_000_000);
        t.update(24_950, 10_150_000);
        MarketSnapshot s = MarketSnapshot.builder().oiBuildUp(t).build();
        assertThat(SignalEngine.oiBuildUp(s))
                .isEqualTo(SignalVote.bearish("oi_buildup", "short build-up: future price -0.20%, OI +1.50%"));
    }

    @Test
    void the_tracker_round_trips_and_copies_independently() throws IOException {
        OiBuildUpTracker t = new OiBuildUpTracker();
        assertThat(roundTrip(t)).isEqualTo(t);
        t.update(25_000, 10_000_000);
        t.update(25_050, 10_100_000);
        OiBuildUpTracker back = roundTrip(t);
        assertThat(back).isEqualTo(t).hasSameHashCodeAs(t);
        assertThat(back.buildUp()).isEqualTo(OiBuildUp.LONG_BUILDUP);
        assertThat(back.update(25_000, 10_200_000)).isEqualTo(t.copy().update(25_000, 10_200_000));

        OiBuildUpTracker copy = t.copy();
        copy.reset();
        assertThat(t.buildUp()).isEqualTo(OiBuildUp.LONG_BUILDUP);
        assertThat(copy).isEqualTo(new OiBuildUpTracker());
    }

    private static OiBuildUpTracker roundTrip(OiBuildUpTracker t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.writeTo(new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        OiBuildUpTracker back = OiBuildUpTracker.readFrom(in);
        assertThat(in.available()).isZero();
        return back;
    }
}
