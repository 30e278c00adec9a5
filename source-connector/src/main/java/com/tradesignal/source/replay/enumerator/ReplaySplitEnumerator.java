package com.tradesignal.source.replay.enumerator;

import com.tradesignal.source.replay.split.TickShardSplit;
import com.tradesignal.source.SplitOwnership;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the replay into one instrument shard per reader and pushes each reader its whole share as soon as it registers.
 *
 * <p>Why up front and all at once: a reader that took a second split after finishing a first would emit the second
 * split's ticks behind its own watermark, and they would all be late. With every split known at start, a reader
 * merges its splits in time order.
 */
public final class ReplaySplitEnumerator implements SplitEnumerator<TickShardSplit, ReplayEnumeratorState> {
    private final SplitEnumeratorContext<TickShardSplit> context;
    private final List<String> files;
    private final List<TickShardSplit> unassigned;
    private boolean splitsCreated;

    public ReplaySplitEnumerator(SplitEnumeratorContext<TickShardSplit> context, List<String> files,
                                 ReplayEnumeratorState restored) {
        this.context = context;
        this.files = List.copyOf(files);
        this.unassigned = new ArrayList<>(restored.unassigned());
        this.splitsCreated = restored.splitsCreated();
    }

    @Override
    public void start() {
        if (!splitsCreated) {
            int shards = context.currentParallelism();
            for (int i = 0; i < shards; i++) {
                unassigned.add(TickShardSplit.fromStart(files, i, shards));
            }
            splitsCreated = true;
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, @Nullable String requesterHostname) {
        // Splits are pushed on registration; nothing is pulled.
    }

    @Override
    public void addSplitsBack(List<TickShardSplit> splits, int subtaskId) {
        unassigned.addAll(splits);
        if (context.registeredReaders().containsKey(subtaskId)) {
            assignTo(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        assignTo(subtaskId);
    }

    /** Shard i goes to reader i mod parallelism, so a restart with fewer readers still covers every shard. */
    private void assignTo(int subtaskId) {
        SplitOwnership.assignOwned(context, unassigned, subtaskId, TickShardSplit::shardIndex);
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public ReplayEnumeratorState snapshotState(long checkpointId) {
        return new ReplayEnumeratorState(splitsCreated, unassigned);
    }

    @Override
    public void close() {}
}
