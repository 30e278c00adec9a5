package com.tradesignal.source.replay.enumerator;

import com.tradesignal.source.replay.split.TickShardSplit;
import org.apache.flink.connector.testutils.source.reader.TestingSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplaySplitEnumeratorTest {
    private static final List<String> FILES = List.of("/ticks/a.csv", "/ticks/b.jsonl");

    @Test
    void eachReaderGetsItsWholeShardOnRegistrationAndIsToldThereIsNoMore() {
        TestingSplitEnumeratorContext<TickShardSplit> context = new TestingSplitEnumeratorContext<>(2);
        ReplaySplitEnumerator enumerator = new ReplaySplitEnumerator(context, FILES, ReplayEnumeratorState.initial());
        enumerator.start();

        context.registerReader(1, "localhost");
        enumerator.addReader(1);
        assertThat(context.getSplitAssignments().get(1).getAssignedSplits())
                .containsExactly(TickShardSplit.fromStart(FILES, 1, 2));
        assertThat(context.getSplitAssignments().get(1).hasReceivedNoMoreSplitsSignal()).isTrue();
        assertThat(context.getSplitAssignments()).doesNotContainKey(0);

        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        assertThat(context.getSplitAssignments().get(0).getAssignedSplits())
                .containsExactly(TickShardSplit.fromStart(FILES, 0, 2));
        assertThat(enumerator.snapshotState(1).unassigned()).isEmpty();
    }

    @Test
    void splitsGivenBackAfterAFailureGoToTheRestartedReader() {
        TestingSplitEnumeratorContext<TickShardSplit> context = new TestingSplitEnumeratorContext<>(2);
        ReplaySplitEnumerator enumerator = new ReplaySplitEnumerator(context, FILES, ReplayEnumeratorState.initial());
        enumerator.start();
        TickShardSplit progressed = new TickShardSplit(FILES, 0, 2, new long[]{100, 0}, new long[]{3, 0});

        enumerator.addSplitsBack(List.of(progressed), 0);
        assertThat(enumerator.snapshotState(2).unassigned()).contains(progressed);

        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        assertThat(context.getSplitAssignments().get(0).getAssignedSplits()).contains(progressed);
    }

    @Test
    void aRestoredEnumeratorDoesNotCutTheShardsAgain() {
        TestingSplitEnumeratorContext<TickShardSplit> context = new TestingSplitEnumeratorContext<>(3);
        ReplaySplitEnumerator enumerator = new ReplaySplitEnumerator(context, FILES, new ReplayEnumeratorState(true, List.of()));
        enumerator.start();
        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        assertThat(context.getSplitAssignments().containsKey(0)
                ? context.getSplitAssignments().get(0).getAssignedSplits() : List.of()).isEmpty();
    }

    @Test
    void withFewerReadersThanShardsEveryShardStillFindsAReader() {
        TestingSplitEnumeratorContext<TickShardSplit> context = new TestingSplitEnumeratorContext<>(1);
        List<TickShardSplit> fromOldRun = List.of(TickShardSplit.fromStart(FILES, 0, 2), TickShardSplit.fromStart(FILES, 1, 2));
        ReplaySplitEnumerator enumerator = new ReplaySplitEnumerator(context, FILES, new ReplayEnumeratorState(true, fromOldRun));
        enumerator.start();
        context.registerReader(0, "localhost");
        enumerator.addReader(0);
        assertThat(context.getSplitAssignments().get(0).getAssignedSplits()).containsExactlyElementsOf(fromOldRun);
    }
}
