package com.tradesignal.source;

import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Split {@code i} belongs to reader {@code i mod parallelism}: a restart with fewer readers still covers every split,
 * and a split given back after a failure goes to the reader that owns it.
 */
public final class SplitOwnership {
    private SplitOwnership() {
    }

    /** Takes the splits that reader {@code subtaskId} owns out of {@code unassigned} and assigns them to it. */
    public static <S extends SourceSplit> void assignOwned(SplitEnumeratorContext<S> context, List<S> unassigned,
                                                          int subtaskId, ToIntFunction<S> ordinal) {
        int parallelism = context.currentParallelism();
        List<S> mine = new ArrayList<>();
        for (Iterator<S> it = unassigned.iterator(); it.hasNext(); ) {
            S split = it.next();
            if (ordinal.applyAsInt(split) % parallelism == subtaskId) {
                mine.add(split);
                it.remove();
            }
        }
        if (!mine.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(Map.of(subtaskId, mine)));
        }
    }
}
