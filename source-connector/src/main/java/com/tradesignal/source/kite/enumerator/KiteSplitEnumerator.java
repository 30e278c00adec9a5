package com.tradesignal.source.kite.enumerator;

import com.tradesignal.source.kite.split.KiteSplit;
import com.tradesignal.source.SplitOwnership;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hands each reader its connections once, at registration. A live feed never finishes a split, so there is nothing
 * to request later; after a failover Flink gives a failed reader's splits back and they go to the reader that owns
 * them by position.
 *
 * <p>Split {@code i} belongs to reader {@code i mod parallelism}: with three connections and parallelism 2, reader 0
 * holds two sockets and reader 1 one; with parallelism 4 one reader idles (and says so by being idle, so it holds
 * back no watermark).
 */
public final class KiteSplitEnumerator implements SplitEnumerator<KiteSplit, KiteEnumeratorState> {
    private final SplitEnumeratorContext<KiteSplit> context;
    private final Supplier<List<KiteSplit>> planner;
    private final List<KiteSplit> unassigned;
    private boolean splitsCreated;

    public KiteSplitEnumerator(SplitEnumeratorContext<KiteSplit> context, Supplier<List<KiteSplit>> planner,
                               KiteEnumeratorState restored) {
        this.context = context;
        this.planner = planner;
        this.unassigned = new ArrayList<>(restored.unassigned());
        this.splitsCreated = restored.splitsCreated();
    }

    @Override
    public void start() {
        if (!splitsCreated) {
            unassigned.addAll(planner.get());
            splitsCreated = true;
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, @Nullable String requesterHostname) {
        // Splits are pushed on registration; nothing is pulled.
    }

    @Override
    public void addSplitsBack(List<KiteSplit> splits, int subtaskId) {
        unassigned.addAll(splits);
        if (context.registeredReaders().containsKey(subtaskId)) {
            assignTo(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        assignTo(subtaskId);
    }

    private void assignTo(int subtaskId) {
        SplitOwnership.assignOwned(context, unassigned, subtaskId, KiteSplitEnumerator::ordinal);
    }

    /** The number in {@code kite-N}; splits are planned with these ids. */
    static int ordinal(KiteSplit split) {
        String id = split.splitId();
        int dash = id.lastIndexOf('-');
        try {
            return Integer.parseInt(id.substring(dash + 1));
        } catch (NumberFormatException e) {
            return Math.floorMod(id.hashCode(), Integer.MAX_VALUE);
        }
    }

    @Override
    public KiteEnumeratorState snapshotState(long checkpointId) {
        return new KiteEnumeratorState(splitsCreated, unassigned);
    }

    @Override
    public void close() {
    }
}
