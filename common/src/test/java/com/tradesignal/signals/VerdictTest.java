package com.tradesignal.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VerdictTest {

    private static List<SignalVote> votes(int bullish, int bearish, int neutral) {
        List<SignalVote> votes = new ArrayList<>();
        int i = 0;
        for (int k = 0; k < bullish; k++) {
            votes.add(SignalVote.bullish(SignalEngine.SIGNAL_NAMES.get(i++ % 13), "up"));
        }
        for (int k = 0; k < bearish; k++) {
            votes.add(SignalVote.bearish(SignalEngine.SIGNAL_NAMES.get(i++ % 13), "down"));
        }
        for (int k = 0; k < neutral; k++) {
            votes.add(SignalVote.neutral(SignalEngine.SIGNAL_NAMES.get(i++ % 13), "flat"));
        }
        return votes;
    }

    @Test
    void nine_bullish_two_bearish_two_neutral_is_bullish_with_confidence_0_54() {
        assertThat(Verdict.of(votes(9, 2, 2)))
                .isEqualTo(new Verdict(9, 2, 2, Vote.BULLISH, 0.54, "9 of 13 bullish"));
    }

    @Test
    void all_thirteen_agreeing_is_full_confidence() {
        assertThat(Verdict.of(votes(0, 13, 0)))
                .isEqualTo(new Verdict(0, 13, 0, Vote.BEARISH, 1.0, "13 of 13 bearish"));
    }

    @ParameterizedTest(name = "{0} bullish, {1} bearish, {2} neutral -> {3} ({4})")
    @CsvSource({
            "5, 3, 5, BULLISH, 0.15",   // exactly 5 votes and a lead of exactly 2
            "4, 0, 9, NEUTRAL, 0",      // a lead, but fewer than 5 votes
            "6, 5, 2, NEUTRAL, 0",      // 6 votes, lead of only 1
            "6, 6, 1, NEUTRAL, 0",      // tie
            "2, 7, 4, BEARISH, 0.38",
            "3, 5, 5, BEARISH, 0.15",
            "0, 0, 13, NEUTRAL, 0",
            "7, 5, 1, BULLISH, 0.15"})
    void a_side_wins_with_at_least_5_votes_and_a_lead_of_at_least_2(int bullish, int bearish, int neutral,
                                                                     Vote direction, double confidence) {
        Verdict v = Verdict.of(votes(bullish, bearish, neutral));
        assertThat(v.direction()).isEqualTo(direction);
        assertThat(v.confidence()).isEqualTo(confidence);
        assertThat(v.bullish()).isEqualTo(bullish);
        assertThat(v.bearish()).isEqualTo(bearish);
        assertThat(v.neutral()).isEqualTo(neutral);
        assertThat(v.total()).isEqualTo(13);
    }

    @Test
    void no_verdict_says_how_the_votes_split() {
        assertThat(Verdict.of(votes(4, 3, 6)).summary())
                .isEqualTo("no clear direction: 4 bullish, 3 bearish, 6 neutral of 13");
        assertThat(Verdict.of(votes(2, 7, 4)).summary()).isEqualTo("7 of 13 bearish");
    }

    @Test
    void the_engines_votes_tally_into_a_verdict() {
        Verdict all = Verdict.of(SignalEngine.evaluate(SignalEngineTest.allBullish().build()));
        assertThat(all).isEqualTo(new Verdict(13, 0, 0, Vote.BULLISH, 1.0, "13 of 13 bullish"));
        Verdict warmingUp = Verdict.of(SignalEngine.evaluate(SignalEngineTest.empty().build()));
        assertThat(warmingUp.direction()).isEqualTo(Vote.NEUTRAL);
        assertThat(warmingUp.neutral()).isEqualTo(13);
        assertThat(warmingUp.confidence()).isZero();
    }

    @Test
    void an_empty_list_is_neutral_and_confidence_stays_within_0_and_1() {
        assertThat(Verdict.of(List.of())).isEqualTo(new Verdict(0, 0, 0, Vote.NEUTRAL, 0,
                "no clear direction: 0 bullish, 0 bearish, 0 neutral of 0"));
        assertThatThrownBy(() -> new Verdict(1, 0, 0, Vote.BULLISH, 1.5, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Verdict(1, 0, 0, Vote.BULLISH, Double.NaN, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
