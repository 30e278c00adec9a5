package com.tradesignal.publisher.ws;

import com.tradesignal.publisher.metrics.PublisherMetrics;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * One WebSocket client: its subscription and its bounded outgoing queue. Sends are asynchronous with one message in
 * flight, so a slow client only ever fills its own queue. When the queue is full, a queued update of the same kind
 * is replaced by the newer one (latest value wins), or else the oldest update goes; snapshots and answers are never
 * dropped. Each message gets its {@code seq} when queued, so a client sees a gap where something was dropped.
 */
final class ClientSession {
    static final int QUEUE_LIMIT = 256;

    /** A queued message; {@code key} names what a newer message replaces (null: nothing, it must be sent). */
    private record Outgoing(String key, String text) {}

    private final Session session;
    private final PublisherMetrics metrics;
    /** Where a client's sends start (see {@link #enqueue}); never the board's dispatcher thread. */
    private final Executor sender;
    private boolean sendScheduled;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private volatile Set<String> underlyings;
    private boolean inFlight;
    private boolean closed;
    private long seq;
    private long dropped;
    private long fullSince = -1;
    private int malformed;

    ClientSession(Session session, Set<String> underlyings, PublisherMetrics metrics, Executor sender) {
        this.session = session;
        this.underlyings = underlyings;
        this.metrics = metrics;
        this.sender = sender;
    }

    boolean wants(String underlying) {
        return underlyings.contains(underlying);
    }

    Set<String> underlyings() {
        return underlyings;
    }

    void subscribe(Set<String> subset) {
        underlyings = Set.copyOf(subset);
    }

    /** Counts a malformed message from this client; true when it has sent too many and should be closed. */
    synchronized boolean malformed(int limit) {
        return ++malformed >= limit;
    }

    /**
     * Queues a message (a JSON object without {@code seq}).
     *
     * @param key what this message supersedes when the queue is full ("NIFTY/price", "status"), or null for a
     *            message that must be delivered (snapshot, error, pong)
     */
    synchronized void enqueue(String key, String json) {
        if (closed) return;
        String text = "{\"seq\":" + (++seq) + "," + json.substring(1);
        if (key != null && queue.size() >= QUEUE_LIMIT) {
            if (!replace(key) && !dropOldestUpdate()) {
                // nothing droppable queued: only must-deliver messages; the limit check closes the client if it stays so
            }
            dropped++;
            metrics.clientDrops.increment();
            if (fullSince < 0) fullSince = System.currentTimeMillis();
        } else if (queue.size() < QUEUE_LIMIT / 2) {
            fullSince = -1;
        }
        queue.addLast(new Outgoing(key, text));
        if (!inFlight && !sendScheduled) {
            // Start the write on the sender pool, not here: enqueue runs on the board's dispatcher for every client,
            // and starting a write (framing, the socket write) costs tens of microseconds; with 1,000 clients the
            // dispatcher spent most of each update on that while the next updates waited. Later messages queue
            // behind the scheduled one and go out from the send callback, in order.
            sendScheduled = true;
            try {
                sender.execute(this::scheduledPump);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                sendScheduled = false;
            }
        }
    }

    private synchronized void scheduledPump() {
        sendScheduled = false;
        pump();
    }

    private boolean replace(String key) {
        for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
            if (key.equals(it.next().key)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private boolean dropOldestUpdate() {
        for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
            if (it.next().key != null) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private void pump() {
        if (inFlight || closed || queue.isEmpty()) return;
        Outgoing next = queue.pollFirst();
        inFlight = true;
        try {
            session.sendText(next.text, Callback.from(this::sent, this::failed));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private synchronized void sent() {
        inFlight = false;
        metrics.messagesOut.increment();
        pump();
    }

    private synchronized void failed(Throwable t) {
        inFlight = false;
        closed = true;
        queue.clear();
    }

    /**
     * True when this client has fallen too far behind: its queue has been full for longer than {@code fullFor}
     * millis, or it has had {@code maxDropped} messages dropped.
     */
    synchronized boolean tooSlow(long now, long fullFor, long maxDropped) {
        return (fullSince > 0 && now - fullSince > fullFor) || dropped >= maxDropped;
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized long dropped() {
        return dropped;
    }

    /**
     * Closes with a close frame; a client too slow to read it is disconnected after {@code graceMillis}, since a close
     * frame waits behind the data it has not read.
     */
    void close(int code, String reason, java.util.concurrent.ScheduledExecutorService timer, long graceMillis) {
        close(code, reason);
        timer.schedule(() -> {
            if (session.isOpen()) session.disconnect();
        }, graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void close(int code, String reason) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        try {
            session.close(code, reason, Callback.NOOP);
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
