package com.tradesignal.source.replay.reader;

import com.tradesignal.source.replay.ReplaySettings;
import com.tradesignal.source.replay.files.FilePosition;
import com.tradesignal.source.replay.files.MergedTickReader;
import com.tradesignal.source.replay.files.TickFormatException;
import com.tradesignal.source.replay.split.TickShardSplit;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads tick files on the fetcher thread. Each split is a merge of all input files filtered to the split's instruments;
 * every fetch returns a batch from the split whose next tick is earliest, so the splits of one reader advance together
 * in event time and the minute bars downstream stay few.
 *
 * <p>The only wait is the optional replay rate limit, and {@link #wakeUp()} cuts it short.
 */
final class TickFileSplitReader implements SplitReader<PositionedTick, TickShardSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(TickFileSplitReader.class);
    private static final int BATCH = 2048;
    private static final int LOGGED_BAD_LINES = 20;

    private final ReplaySettings settings;
    private final Counter badLines;
    private final List<SplitCursor> cursors = new ArrayList<>();
    private final Object wakeUpLock = new Object();
    private boolean wokenUp;

    private long rateWindowStartNanos = System.nanoTime();
    private long emittedInRateWindow;

    TickFileSplitReader(ReplaySettings settings, Counter badLines) {
        this.settings = settings;
        this.badLines = badLines;
    }

    @Override
    public RecordsWithSplitIds<PositionedTick> fetch() throws IOException {
        RecordsBySplits.Builder<PositionedTick> batch = new RecordsBySplits.Builder<>();
        try {
            SplitCursor cursor = earliest();
            if (cursor == null) {
                return batch.build();
            }
            int allowance = awaitAllowance(cursor.split.shardCount());
            for (int i = 0; i < allowance && cursor.head != null; i++) {
                batch.add(cursor.split.splitId(), cursor.head);
                cursor.advance();
            }
            emittedInRateWindow += allowance;
            if (cursor.head == null) {
                batch.addFinishedSplit(cursor.split.splitId());
                cursor.close();
                cursors.remove(cursor);
            }
            return batch.build();
        } finally {
            synchronized (wakeUpLock) {
                wokenUp = false;
            }
        }
    }

    private SplitCursor earliest() throws IOException {
        SplitCursor best = null;
        for (Iterator<SplitCursor> it = cursors.iterator(); it.hasNext(); ) {
            SplitCursor c = it.next();
            c.openIfNeeded();
            if (best == null || (c.head != null && (best.head == null || c.head.tick().exchangeTime < best.head.tick().exchangeTime))) {
                best = c;
            }
        }
        return best;
    }

    /** How many ticks this fetch may emit; with a rate limit, waits (interruptibly) for the next one-second window. */
    private int awaitAllowance(int shardCount) {
        long limit = settings.maxTicksPerSecond();
        if (limit <= 0) {
            return BATCH;
        }
        long perReader = Math.max(1, limit / shardCount);
        long now = System.nanoTime();
        if (now - rateWindowStartNanos >= 1_000_000_000L) {
            rateWindowStartNanos = now;
            emittedInRateWindow = 0;
        }
        long left = perReader - emittedInRateWindow;
        if (left <= 0) {
            long waitMillis = Math.max(1, (rateWindowStartNanos + 1_000_000_000L - now) / 1_000_000L);
            synchronized (wakeUpLock) {
                if (!wokenUp) {
                    try {
                        wakeUpLock.wait(waitMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return 0;
        }
        // Spread the second's budget over small batches so the ticks flow evenly rather than in one burst.
        return (int) Math.min(left, Math.max(1, Math.min(BATCH, perReader / 20)));
    }

    @Override
    public void handleSplitsChanges(SplitsChange<TickShardSplit> splitsChanges) {
        if (!(splitsChanges instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("replay splits are only ever added: " + splitsChanges);
        }
        for (TickShardSplit split : splitsChanges.splits()) {
            cursors.add(new SplitCursor(split));
        }
    }

    @Override
    public void wakeUp() {
        synchronized (wakeUpLock) {
            wokenUp = true;
            wakeUpLock.notifyAll();
        }
    }

    @Override
    public void close() throws Exception {
        for (SplitCursor c : cursors) {
            c.close();
        }
        cursors.clear();
    }

    private void onBadLine(TickFormatException problem) {
        badLines.inc();
        long n = badLines.getCount();
        if (n <= LOGGED_BAD_LINES) {
            LOG.warn("Skipped bad line {}: {}", n, problem.getMessage());
        } else if (n % 1000 == 0) {
            LOG.warn("Skipped {} bad lines so far (latest: {})", n, problem.getMessage());
        }
    }

    /** The merged tick stream of one split, with its next tick peeked so splits can be compared by time. */
    private final class SplitCursor {
        final TickShardSplit split;
        MergedTickReader reader;
        PositionedTick head;

        SplitCursor(TickShardSplit split) {
            this.split = split;
        }

        void openIfNeeded() throws IOException {
            if (reader != null) {
                return;
            }
            List<Path> paths = new ArrayList<>(split.files().size());
            FilePosition[] starts = new FilePosition[split.files().size()];
            for (int i = 0; i < starts.length; i++) {
                paths.add(Path.of(split.files().get(i)));
                starts[i] = new FilePosition(split.byteOffset(i), split.lineNumber(i));
            }
            reader = MergedTickReader.open(paths, starts, settings.badLinePolicy(), TickFileSplitReader.this::onBadLine, split::owns);
            advance();
        }

        void advance() {
            if (reader.advance()) {
                head = new PositionedTick(reader.current(), reader.currentFileIndex(),
                        reader.currentFileByteOffsetAfter(), reader.currentFileLineAfter());
            } else {
                head = null;
            }
        }

        void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
