package com.tradesignal.source.replay.split;

/** The mutable position of a {@link TickShardSplit} while a reader emits its ticks. */
public final class TickShardSplitState {
    private final TickShardSplit split;
    private final long[] byteOffsets;
    private final long[] lineNumbers;

    public TickShardSplitState(TickShardSplit split) {
        this.split = split;
        this.byteOffsets = split.byteOffsetsCopy();
        this.lineNumbers = split.lineNumbersCopy();
    }

    /** Records that the tick ending at this file position has been emitted. */
    public void emitted(int file, long byteOffsetAfter, long lineNumberAfter) {
        byteOffsets[file] = byteOffsetAfter;
        lineNumbers[file] = lineNumberAfter;
    }

    public TickShardSplit toSplit() {
        return new TickShardSplit(split.files(), split.shardIndex(), split.shardCount(), byteOffsets, lineNumbers);
    }
}
