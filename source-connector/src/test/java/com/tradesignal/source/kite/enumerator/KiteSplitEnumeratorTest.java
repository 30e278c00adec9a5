package com.tradesignal.source.kite.enumerator;

import com.tradesignal.source.kite.split.KiteSplit;
import com.tradesignal.source.kite.split.KiteSplitPlanner;
import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class KiteSplitEnumeratorTest {
    private static final List<KiteSplit> THREE =
            KiteSplitPlanner.plan(List.of("NIFTY", "BANKNIFTY", "SENSEX"), List.of(), 10, 3, 3000);

    @Test
    void withTwoReadersTheFirstHoldsTwoConnectionsAndTheSecondOne() {
        TestingSplitEnumeratorContext<KiteSplit> context = new TestingSplitEnumeratorContext<>(2);
        KiteSplitEnumerator enumerator = new KiteSplitEnumerator(context, () -> THREE, KiteEnumeratorState.initial());
        enumerator.start();
        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        context.registerReader(1, "localhost");
        enumerator.addReader(1);

        assertThat(context.getSplitAssignments().get(0).getAssignedSplits()).extracting(KiteSplit::splitId)
                .containsExactly("kite-0", "kite-2");
        assertThat(context.getSplitAssignments().get(1).getAssignedSplits()).extracting(KiteSplit::splitId)
                .containsExactly("kite-1");
        assertThat(context.getSplitAssignments().get(0).hasReceivedNoMoreSplitsSignal())
                .as("a live feed never says there are no more splits").isFalse();
        assertThat(enumerator.snapshotState(1).unassigned()).isEmpty();
    }

    @Test
    void aSplitGivenBackWithItsResumePointGoesBackToItsReader() {
        TestingSplitEnumeratorContext<KiteSplit> context = new TestingSplitEnumeratorContext<>(1);
        KiteSplitEnumerator enumerator = new KiteSplitEnumerator(context, () -> THREE, KiteEnumeratorState.initial());
        enumerator.start();
        KiteSplit progressed = new KiteSplit("kite-1", List.of("BANKNIFTY"), List.of(), 1_000L, Map.of(9L, 10L));

        enumerator.addSplitsBack(List.of(progressed), 0);
        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        assertThat(context.getSplitAssignments().get(0).getAssignedSplits()).contains(progressed);
    }

    @Test
    void aRestoredEnumeratorDoesNotPlanTheSplitsAgain() {
        AtomicInteger plans = new AtomicInteger();
        TestingSplitEnumeratorContext<KiteSplit> context = new TestingSplitEnumeratorContext<>(1);
        KiteSplitEnumerator enumerator = new KiteSplitEnumerator(context, () -> {
            plans.incrementAndGet();
            return THREE;
        }, new KiteEnumeratorState(true, List.of()));
        enumerator.start();
        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        assertThat(plans).hasValue(0);
        assertThat(context.getSplitAssignments()).doesNotContainKey(0);
    }

    @Test
    void theEnumeratorStateSurvivesARoundTrip() throws IOException {
        KiteEnumeratorStateSerializer serializer = new KiteEnumeratorStateSerializer();
        KiteEnumeratorState state = new KiteEnumeratorState(true,
                List.of(THREE.get(0), new KiteSplit("kite-1", List.of("BANKNIFTY"), List.of(5L), 1_000L, Map.of(5L, 6L))));
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state))).isEqualTo(state);
    }
}
