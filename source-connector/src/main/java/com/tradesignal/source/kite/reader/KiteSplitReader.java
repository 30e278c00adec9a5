package com.tradesignal.source.kite.reader;

import com.tradesignal.source.kite.feed.FeedEvent;
import com.tradesignal.source.kite.feed.KiteFeed;
import com.tradesignal.source.kite.split.KiteSplit;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs on the reader's fetcher thread and drives one {@link KiteFeed} (one WebSocket connection) per assigned split.
 *
 * <p>Each {@link #fetch()} steps every feed (schedule, login, reconnects, watchdog, backfill), then hands over what
 * they have buffered. When nothing is buffered it waits up to {@link #IDLE_WAIT_MS} for a socket thread to signal
 * new data, or for {@link #wakeUp()}: so it never spins and never blocks the task thread, and a checkpoint or a new
 * split gets the fetcher's attention at once.
 */
public final class KiteSplitReader implements SplitReader<FeedEvent, KiteSplit> {
    static final long IDLE_WAIT_MS = 100;
    private static final int MAX_EVENTS_PER_FETCH = 10_000;

    /** Makes the feed of a split; {@code onData} is to be called from socket threads when ticks arrive. */
    @FunctionalInterface
    public interface FeedFactory {
        KiteFeed create(KiteSplit split, Runnable onData);
    }

    private final FeedFactory factory;
    private final FeedMetrics metrics;
    private final Map<String, KiteFeed> feeds = new LinkedHashMap<>();
    private final List<FeedEvent> buffer = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean signalled;

    public KiteSplitReader(FeedFactory factory, FeedMetrics metrics) {
        this.factory = factory;
        this.metrics = metrics;
    }

    @Override
    public RecordsWithSplitIds<FeedEvent> fetch() {
        RecordsBySplits.Builder<FeedEvent> records = new RecordsBySplits.Builder<>();
        int total = drainAll(records);
        if (total == 0) {
            awaitSignal();
            total = drainAll(records);
        }
        return records.build();
    }

    private int drainAll(RecordsBySplits.Builder<FeedEvent> records) {
        int total = 0;
        for (Map.Entry<String, KiteFeed> e : feeds.entrySet()) {
            KiteFeed feed = e.getValue();
            feed.step();
            buffer.clear();
            int n = feed.drain(buffer, MAX_EVENTS_PER_FETCH);
            for (int i = 0; i < n; i++) {
                records.add(e.getKey(), buffer.get(i));
            }
            total += n;
        }
        return total;
    }

    private void awaitSignal() {
        lock.lock();
        try {
            if (!signalled) {
                signal.await(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            signalled = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<KiteSplit> changes) {
        if (!(changes instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("the Kite source only ever adds splits, got " + changes);
        }
        for (KiteSplit split : changes.splits()) {
            KiteFeed feed = factory.create(split, this::signal);
            feeds.put(split.splitId(), feed);
            metrics.register(split.splitId(), feed);
        }
    }

    @Override
    public void wakeUp() {
        signal();
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (KiteFeed feed : feeds.values()) {
            try {
                feed.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        feeds.clear();
        if (first != null) {
            throw first;
        }
    }
}
