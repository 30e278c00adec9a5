package com.tradesignal.source.kite.split;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteSplitPlannerTest {

    @Test
    void theThreeIndicesGetAConnectionEach() {
        List<KiteSplit> splits = KiteSplitPlanner.plan(List.of("NIFTY", "BANKNIFTY", "SENSEX"), List.of(), 10, 3, 3000);
        assertThat(splits).extracting(KiteSplit::splitId).containsExactly("kite-0", "kite-1", "kite-2");
        assertThat(splits).extracting(KiteSplit::underlyings)
                .containsExactly(List.of("NIFTY"), List.of("BANKNIFTY"), List.of("SENSEX"));
    }

    @Test
    void withOneConnectionAllowedEverythingSharesIt() {
        List<KiteSplit> splits = KiteSplitPlanner.plan(List.of("NIFTY", "BANKNIFTY", "SENSEX"), List.of(1L, 2L), 10, 1, 3000);
        assertThat(splits).hasSize(1);
        assertThat(splits.get(0).underlyings()).containsExactly("NIFTY", "BANKNIFTY", "SENSEX");
        assertThat(splits.get(0).extraTokens()).containsExactly(1L, 2L);
    }

    @Test
    void extraTokensGoToTheLeastLoadedConnectionsAndNeverPastTheLimit() {
        List<Long> extra = LongStream.rangeClosed(1, 5000).boxed().toList();
        List<KiteSplit> splits = KiteSplitPlanner.plan(List.of("NIFTY"), extra, 10, 3, 3000);
        assertThat(splits).hasSize(2);
        int perUnderlying = KiteSplitPlanner.tokensPerUnderlying(10);
        assertThat(splits.get(0).extraTokens().size() + perUnderlying).isLessThanOrEqualTo(3000);
        assertThat(splits.get(1).extraTokens().size()).isLessThanOrEqualTo(3000);
        assertThat(splits.get(0).extraTokens().size() + splits.get(1).extraTokens().size()).isEqualTo(5000);
    }

    @Test
    void withoutOptionsAnUnderlyingCostsItsIndexAndFutureOnly() {
        // 3 indices + 3 near-month futures + 8,994 others: exactly Kite's 3 x 3,000
        List<Long> extra = LongStream.rangeClosed(1, 8994).boxed().toList();
        List<KiteSplit> splits = KiteSplitPlanner.plan(List.of("NIFTY", "BANKNIFTY", "SENSEX"), extra, 0, 3, 3000);
        assertThat(splits).hasSize(3);
        assertThat(splits).allSatisfy(s -> assertThat(2 * s.underlyings().size() + s.extraTokens().size()).isEqualTo(3000));
        assertThatThrownBy(() -> KiteSplitPlanner.plan(List.of("NIFTY", "BANKNIFTY", "SENSEX"),
                LongStream.rangeClosed(1, 8995).boxed().toList(), 0, 3, 3000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreInstrumentsThanThreeConnectionsCarryIsRefusedWithTheCounts() {
        List<Long> extra = LongStream.rangeClosed(1, 9001).boxed().toList();
        assertThatThrownBy(() -> KiteSplitPlanner.plan(List.of(), extra, 10, 3, 3000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9001 instruments need 4 connections");
    }

    @Test
    void kitesLimitsCannotBeRaised() {
        assertThatThrownBy(() -> KiteSplitPlanner.plan(List.of("NIFTY"), List.of(), 10, 4, 3000))
                .hasMessageContaining("Kite's limit per API key");
        assertThatThrownBy(() -> KiteSplitPlanner.plan(List.of("NIFTY"), List.of(), 10, 3, 3001))
                .hasMessageContaining("Kite's limit");
        assertThatThrownBy(() -> KiteSplitPlanner.plan(List.of(), List.of(), 10, 3, 3000))
                .hasMessageContaining("nothing to subscribe");
    }
}
