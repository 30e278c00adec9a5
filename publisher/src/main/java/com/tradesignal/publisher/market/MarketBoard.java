package com.tradesignal.publisher.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The current market as the publisher shows it: per underlying (NIFTY, BANKNIFTY, SENSEX) its prices, candles and
 * newest signal rows. The job's sink feeds it through {@link #offerRow} and {@link #offerPrice}, which never block:
 * rows wait in a bounded queue (a full queue drops and counts), prices are latest-value-wins per underlying and kind.
 * One dispatcher thread applies them and tells the listeners, so every client sees changes in one order.
 *
 * <p>The board outlives the HTTP server: a restarted server given the same board serves the full snapshot at once.
 */
public final class MarketBoard implements AutoCloseable {
    public static final List<String> UNDERLYINGS = List.of("NIFTY", "BANKNIFTY", "SENSEX");
    public static final List<String> INTERVALS = List.of("1m", "3m", "5m", "15m");
    /** One regular session of 1m candles. */
    public static final int MAX_BARS = 375;
    static final int ROW_INBOX = 10_000;
    private static final Map<String, String> INDEX_SYMBOLS = Map.of("NIFTY", "NIFTY 50", "BANKNIFTY", "NIFTY BANK", "SENSEX", "SENSEX");

    private static final Logger LOG = LoggerFactory.getLogger(MarketBoard.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublisherMetrics metrics;
    private final ArrayBlockingQueue<String> rowInbox = new ArrayBlockingQueue<>(ROW_INBOX);
    private final ConcurrentHashMap<String, PriceTick> priceInbox = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final Map<String, UnderlyingView> views = new LinkedHashMap<>();
    private final List<BoardListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread dispatcher;
    private volatile boolean running = true;
    private volatile DataSource dataSource;
    private volatile long lastPriceWall = -1;
    private volatile long lastDataTime = -1;
    /** Null unless a benchmark installed one: then one call per offered price. */
    private volatile PriceProbe priceProbe;

    public MarketBoard(DataSource dataSource, PublisherMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        for (String u : UNDERLYINGS) {
            views.put(u, new UnderlyingView(u, INDEX_SYMBOLS.get(u)));
        }
        dispatcher = new Thread(this::dispatch, "market-board");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    public PublisherMetrics metrics() {
        return metrics;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Cluster mode learns what the data is from the records themselves. */
    public void dataSource(DataSource source) {
        this.dataSource = source;
    }

    /** Wall millis when the last price reached the board, -1 before the first. */
    public long lastPriceWall() {
        return lastPriceWall;
    }

    /** Exchange time of the newest price or candle end seen, -1 before the first: a replay's "now". */
    public long lastDataTime() {
        return lastDataTime;
    }

    // ---- input: called by the job's sink (or the Kafka reader); never blocks --------------------------------------

    /** A line of signals.jsonl. Rows of instruments other than the three indices are ignored. */
    public boolean offerRow(String json) {
        metrics.rowsIn.increment();
        return queued(rowInbox.offer(json));
    }

    /**
     * The same, waiting up to {@code timeoutMillis} for room when the inbox is full: for a replay, which produces rows
     * far faster than a live session and whose dashboard must show every one, the job should slow down rather than
     * lose rows. Dropped and counted if there is still no room.
     */
    public boolean offerRow(String json, long timeoutMillis) throws InterruptedException {
        metrics.rowsIn.increment();
        return queued(rowInbox.offer(json, timeoutMillis, TimeUnit.MILLISECONDS));
    }

    /** Counts a row the full inbox refused, or wakes the dispatcher for one it took. */
    private boolean queued(boolean taken) {
        if (taken) {
            wake.release();
        } else {
            metrics.rowsDropped.increment();
        }
        return taken;
    }

    public void offerPrice(PriceTick price) {
        PriceProbe probe = priceProbe;
        if (probe != null) {
            probe.onPriceOffered(price, System.nanoTime());
        }
        metrics.pricesIn.increment();
        if (priceInbox.put(price.conflationKey(), price) != null) {
            metrics.pricesConflated.increment();
        }
        wake.release();
    }

    /** Installs the benchmark's probe (null removes it). */
    public void priceProbe(PriceProbe probe) {
        this.priceProbe = probe;
    }

    // ---- output -------------------------------------------------------------------------------------------------

    public void addListener(BoardListener listener) {
        listeners.add(listener);
    }

    public void removeListener(BoardListener listener) {
        listeners.remove(listener);
    }

    /**
     * Runs {@code action} with the board still: no change is applied meanwhile. A new client takes its snapshot and
     * registers inside one such call, so it misses no update and sees none twice.
     */
    public synchronized void atomically(Runnable action) {
        action.run();
    }

    /** The snapshot of these underlyings (docs/publisher.md), taken atomically. */
    public synchronized ObjectNode snapshot(Collection<String> underlyings) {
        ObjectNode all = JSON.createObjectNode();
        for (String u : UNDERLYINGS) {
            if (underlyings.contains(u)) {
                all.set(u, views.get(u).toJson());
            }
        }
        return all;
    }

    /** The newest bars of one underlying and interval, oldest first. */
    public synchronized List<ObjectNode> bars(String underlying, String interval, int limit) {
        return views.get(underlying).bars(interval, limit);
    }

    /** The newest signal row of one underlying per interval; an interval without one is left out. */
    public synchronized Map<String, ObjectNode> latestRows(String underlying) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (String interval : INTERVALS) {
            ObjectNode row = views.get(underlying).latest(interval);
            if (row != null) out.put(interval, row);
        }
        return out;
    }

    public synchronized boolean hasData() {
        return views.values().stream().anyMatch(UnderlyingView::hasData);
    }

    /** Waits until everything offered so far has been applied (tests and orderly shutdown). */
    public void awaitApplied(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while ((!rowInbox.isEmpty() || !priceInbox.isEmpty()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        synchronized (this) {
            // the dispatcher holds the lock while applying; taking it once more waits for the batch in hand
        }
    }

    // ---- the dispatcher -----------------------------------------------------------------------------------------

    private void dispatch() {
        List<String> rows = new ArrayList<>(256);
        while (running) {
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
                rowInbox.drainTo(rows);
                synchronized (this) {
                    for (String row : rows) {
                        applyRow(row);
                    }
                    for (Iterator<Map.Entry<String, PriceTick>> it = priceInbox.entrySet().iterator(); it.hasNext(); ) {
                        Map.Entry<String, PriceTick> e = it.next();
                        // remove only this value: a newer price put meanwhile stays for the next round
                        if (priceInbox.remove(e.getKey(), e.getValue())) {
                            applyPrice(e.getValue());
                        }
                    }
                }
                rows.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("market board: an update could not be applied", e);
            }
        }
    }

    private void applyRow(String json) {
        ObjectNode row;
        try {
            JsonNode node = JSON.readTree(json);
            if (!(node instanceof ObjectNode o) || !o.hasNonNull("token") || !o.hasNonNull("interval") || !o.hasNonNull("start")) {
                throw new IllegalArgumentException("not a signal row (token, interval and start are required)");
            }
            row = o;
        } catch (Exception e) {
            metrics.malformedRows.increment();
            LOG.warn("market board: malformed signal row ignored ({}): {}", e.getMessage(), abbreviate(json));
            return;
        }
        String underlying = InstrumentCatalog.indexUnderlying(row.get("token").asLong()).orElse(null);
        String interval = row.get("interval").asText();
        if (underlying == null || !INTERVALS.contains(interval)) {
            return; // the board shows the three indices; other instruments' rows are for the signal stream
        }
        ObjectNode bar = views.get(underlying).addRow(interval, row);
        lastDataTime = Math.max(lastDataTime, bar.get("time").asLong() * 1000);
        ObjectNode msg = JSON.createObjectNode();
        msg.put("type", "update").put("kind", "candle").put("underlying", underlying).put("interval", interval);
        msg.set("bar", bar);
        msg.set("row", row);
        publish(underlying, "candle", msg);
    }

    private void applyPrice(PriceTick p) {
        UnderlyingView view = views.get(p.underlying());
        if (view == null) return;
        ObjectNode price = view.setPrice(p);
        if (p.receivedWall() > 0) {
            // prices read back from the topic at start-up (no arrival time) must not make old data look fresh
            lastPriceWall = System.currentTimeMillis();
        }
        lastDataTime = Math.max(lastDataTime, p.exchangeTime());
        String kind = p.kind() == PriceTick.Kind.INDEX ? "price" : "future";
        ObjectNode msg = JSON.createObjectNode();
        msg.put("type", "update").put("kind", kind).put("underlying", p.underlying());
        msg.set(kind, price);
        publish(p.underlying(), kind, msg);
        if (p.receivedWall() > 0) {
            metrics.tickToPublish.observeMillis(System.currentTimeMillis() - p.receivedWall());
        }
    }

    private void publish(String underlying, String kind, ObjectNode msg) {
        String encoded = msg.toString();
        for (BoardListener l : listeners) {
            l.onUpdate(underlying, kind, encoded);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
    }
}
