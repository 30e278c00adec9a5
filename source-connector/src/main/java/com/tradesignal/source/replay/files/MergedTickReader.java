package com.tradesignal.source.replay.files;

import com.tradesignal.tick.Tick;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * Reads several tick files at once as one stream in timestamp order: a k-way merge ordered by (the exchange time of
 * each file's next tick, the file's index). The index tie-break makes the order a pure function of the files, which
 * is what makes checkpoints work: record, for every file, the position just after the last tick taken from it
 * ({@link #currentFileByteOffsetAfter()}, {@link #currentFileLineAfter()}); a reader opened from those positions
 * continues the merged stream exactly where it stopped.
 *
 * <p>Each file's next tick is peeked only when the tick before it from that file has been passed on (on the
 * following {@link #advance()}), so a bad line never costs the tick before it, and the "after" position of the
 * current tick is kept apart from the peeked one. All files stay open for the merge. Not thread-safe.
 */
public final class MergedTickReader implements Closeable {
    private final TickFileReader[] readers;
    private final Tick[] heads;
    private final long[] headTimes;
    private final long[] headOffsetsAfter;
    private final long[] headLinesAfter;
    /** Binary min-heap of file indices with a head tick. */
    private final int[] heap;
    private int heapSize;
    private boolean started;
    private boolean finished;

    private Tick current;
    private int currentFile = -1;
    private long currentOffsetAfter;
    private long currentLineAfter;

    private MergedTickReader(TickFileReader[] readers) {
        int n = readers.length;
        this.readers = readers;
        this.heads = new Tick[n];
        this.headTimes = new long[n];
        this.headOffsetsAfter = new long[n];
        this.headLinesAfter = new long[n];
        this.heap = new int[n];
    }

    /**
     * Opens every file at its start position.
     *
     * @param startPositions one per file (null, or a null entry, means {@link FilePosition#START})
     * @param tokenFilter    which instrument tokens to read; null for all
     * @throws IllegalArgumentException if the arrays do not match, or a file is not a tick file or does not fit its
     *                                  position
     * @throws TickFormatException      if a CSV header is malformed
     */
    public static MergedTickReader open(List<Path> files, FilePosition[] startPositions, BadLinePolicy policy,
                                        BadLineListener listener, LongPredicate tokenFilter) throws IOException {
        Objects.requireNonNull(files, "files");
        if (startPositions != null && startPositions.length != files.size()) {
            throw new IllegalArgumentException(startPositions.length + " start positions for " + files.size() + " files");
        }
        TickFileReader[] readers = new TickFileReader[files.size()];
        try {
            for (int i = 0; i < readers.length; i++) {
                FilePosition from = startPositions == null ? null : startPositions[i];
                readers[i] = TickFileReader.open(files.get(i), from, policy, listener, tokenFilter);
            }
        } catch (IOException | RuntimeException e) {
            for (TickFileReader r : readers) {
                if (r != null) {
                    try {
                        r.close();
                    } catch (IOException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
            }
            throw e;
        }
        return new MergedTickReader(readers);
    }

    /**
     * Moves to the next tick in merged order.
     *
     * @return false at the end of all files
     * @throws TickFormatException  under {@link BadLinePolicy#FAIL}, at the first malformed line
     * @throws UncheckedIOException if a file cannot be read
     */
    public boolean advance() {
        if (finished) {
            return false;
        }
        try {
            if (!started) {
                started = true;
                for (int f = 0; f < readers.length; f++) {
                    if (peek(f)) push(f);
                }
            } else if (currentFile >= 0 && peek(currentFile)) {
                push(currentFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (heapSize == 0) {
            finished = true;
            current = null;
            currentFile = -1;
            return false;
        }
        int f = pop();
        current = heads[f];
        heads[f] = null;
        currentFile = f;
        currentOffsetAfter = headOffsetsAfter[f];
        currentLineAfter = headLinesAfter[f];
        return true;
    }

    /** The current tick; valid after {@link #advance()} returned true. */
    public Tick current() {
        checkCurrent();
        return current;
    }

    /** Index (in the list given to {@link #open}) of the file the current tick came from. */
    public int currentFileIndex() {
        checkCurrent();
        return currentFile;
    }

    /** Byte offset in the current tick's file just after its line: where that file resumes. */
    public long currentFileByteOffsetAfter() {
        checkCurrent();
        return currentOffsetAfter;
    }

    /** Lines consumed in the current tick's file up to and including its line: where that file resumes. */
    public long currentFileLineAfter() {
        checkCurrent();
        return currentLineAfter;
    }

    /** {@link #currentFileByteOffsetAfter()} and {@link #currentFileLineAfter()} as a position. */
    public FilePosition currentFilePositionAfter() {
        checkCurrent();
        return new FilePosition(currentOffsetAfter, currentLineAfter);
    }

    public int fileCount() {
        return readers.length;
    }

    private void checkCurrent() {
        if (current == null) {
            throw new IllegalStateException("no current tick: call advance() first (or the files are exhausted)");
        }
    }

    /** Reads file {@code f}'s next tick into its head slot, with the position after it; false at its end. */
    private boolean peek(int f) throws IOException {
        TickFileReader r = readers[f];
        Tick t = r.next();
        heads[f] = t;
        if (t == null) {
            return false;
        }
        headTimes[f] = t.exchangeTime;
        headOffsetsAfter[f] = r.byteOffsetAfter();
        headLinesAfter[f] = r.lineAfter();
        return true;
    }

    private boolean before(int a, int b) {
        long ta = headTimes[a];
        long tb = headTimes[b];
        return ta < tb || (ta == tb && a < b);
    }

    private void push(int f) {
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(f, heap[parent])) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = f;
    }

    private int pop() {
        int top = heap[0];
        int last = heap[--heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) break;
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) child++;
            if (!before(heap[child], last)) break;
            heap[i] = heap[child];
            i = child;
        }
        if (heapSize > 0) heap[i] = last;
        return top;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (TickFileReader r : readers) {
            try {
                r.close();
            } catch (IOException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
