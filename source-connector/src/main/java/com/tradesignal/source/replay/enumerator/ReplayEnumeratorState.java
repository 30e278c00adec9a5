package com.tradesignal.source.replay.enumerator;

import com.tradesignal.source.replay.split.TickShardSplit;

import java.util.List;

/**
 * The enumerator's checkpoint: whether the shards were created yet, and the splits not yet handed to a reader
 * (after a failover Flink gives a failed reader's splits back).
 */
public record ReplayEnumeratorState(boolean splitsCreated, List<TickShardSplit> unassigned) {
    public ReplayEnumeratorState {
        unassigned = List.copyOf(unassigned);
    }

    public static ReplayEnumeratorState initial() {
        return new ReplayEnumeratorState(false, List.of());
    }
}
