package com.tradesignal.source.replay.split;

import org.apache.flink.api.connector.source.SourceSplit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One reader's share of a replay: every tick, across all input files, of the instruments whose token falls in shard
 * {@code shardIndex} of {@code shardCount}. A split owns whole instruments, so all ticks of an instrument pass through
 * one reader in time order (the same shape as the live feed split across connections), and the reader can fold
 * them into minute bars before any keyed state.
 *
 * <p>The position is per file: the byte offset and line number of the first line not yet emitted. Because the
 * files are merged deterministically, resuming every file from its position continues the merged stream exactly.
 * Immutable; the reader's mutable view is {@link TickShardSplitState}.
 */
public final class TickShardSplit implements SourceSplit {
    private final List<String> files;
    private final int shardIndex;
    private final int shardCount;
    private final long[] byteOffsets;
    private final long[] lineNumbers;
    /** Built once: the reader asks for it with every tick it fetches. */
    private final String splitId;

    public TickShardSplit(List<String> files, int shardIndex, int shardCount, long[] byteOffsets, long[] lineNumbers) {
        if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
            throw new IllegalArgumentException("bad shard " + shardIndex + " of " + shardCount);
        }
        if (byteOffsets.length != files.size() || lineNumbers.length != files.size()) {
            throw new IllegalArgumentException("one position per file is required");
        }
        this.files = List.copyOf(files);
        this.shardIndex = shardIndex;
        this.shardCount = shardCount;
        this.byteOffsets = byteOffsets.clone();
        this.lineNumbers = lineNumbers.clone();
        this.splitId = "shard-" + shardIndex + "-of-" + shardCount;
    }

    /** A split positioned at the start of every file. */
    public static TickShardSplit fromStart(List<String> files, int shardIndex, int shardCount) {
        return new TickShardSplit(files, shardIndex, shardCount, new long[files.size()], new long[files.size()]);
    }

    /** The shard an instrument belongs to. Mixed so that consecutive tokens spread over shards. */
    public static int shardOf(long token, int shardCount) {
        long h = token * 0x9E3779B97F4A7C15L;
        return (int) Math.floorMod(h ^ (h >>> 32), (long) shardCount);
    }

    public boolean owns(long token) {
        return shardOf(token, shardCount) == shardIndex;
    }

    @Override
    public String splitId() {
        return splitId;
    }

    public List<String> files() { return files; }
    public int shardIndex() { return shardIndex; }
    public int shardCount() { return shardCount; }
    public long byteOffset(int file) { return byteOffsets[file]; }
    public long lineNumber(int file) { return lineNumbers[file]; }
    long[] byteOffsetsCopy() { return byteOffsets.clone(); }
    long[] lineNumbersCopy() { return lineNumbers.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof TickShardSplit s && shardIndex == s.shardIndex && shardCount == s.shardCount
                && files.equals(s.files) && Arrays.equals(byteOffsets, s.byteOffsets)
                && Arrays.equals(lineNumbers, s.lineNumbers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(files, shardIndex, shardCount, Arrays.hashCode(byteOffsets));
    }

    @Override
    public String toString() {
        return splitId() + " over " + files.size() + " file(s), lines done " + Arrays.toString(lineNumbers);
    }
}
