package com.tradesignal.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.publisher.market.BoardListener;
import com.tradesignal.publisher.market.PriceTick;
import com.tradesignal.source.kite.feed.FeedProbe;
import com.tradesignal.tick.Tick;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Follows individual ticks of the published instruments (the indices and their near-month futures) through the
 * stages of the live path, all stamped with {@link System#nanoTime()} in this one JVM:
 * <ol>
 *   <li>{@code SENT}: the simulator hands the frame carrying the tick to its socket ({@code FrameListener});</li>
 *   <li>{@code DECODED}: the job's Kite feed has decoded it ({@link FeedProbe});</li>
 *   <li>{@code OFFERED}: the job's price sink offers it to the publisher's board ({@code PriceProbe});</li>
 *   <li>{@code DISPATCHED}: the board's dispatcher hands its update to the WebSocket fan-out (a {@link BoardListener}
 *       registered before the server's, so it runs first);</li>
 *   <li>and the arrival at each client, reported by {@link #sample}.</li>
 * </ol>
 * A tick is identified by what every stage can see, including the client's JSON: instrument, exchange second and
 * price in paise. Two ticks of one instrument in the same second at the same price cannot be told apart; such keys are
 * marked ambiguous when the simulator sends the second one, and updates carrying them are counted, not measured.
 * Every tick the simulator sends is counted, but only the published instruments' ticks are followed (a few dozen a
 * second), so the bookkeeping stays small whatever the instrument count.
 */
final class LatencyProbes implements BoardListener, FeedProbe.Listener {
    static final int SENT = 0;
    static final int DECODED = 1;
    static final int OFFERED = 2;
    static final int DISPATCHED = 3;
    private static final long AMBIGUOUS = Long.MIN_VALUE;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Histograms hold up to 10 minutes in nanoseconds at 3 significant digits. */
    private static final long HIGHEST_NANOS = 600_000_000_000L;

    /** One tick: instrument token, exchange time (epoch millis, whole seconds) and last price in paise. */
    record Key(long token, long exchangeTime, long paise) {
        static Key of(long token, long exchangeTime, double price) {
            return new Key(token, exchangeTime, Math.round(price * 100));
        }
    }

    /** The end-to-end latency and its stages, recorded together per sample so that they describe the same updates. */
    static final class Stages {
        final Histogram endToEnd = histogram();
        final Histogram source = histogram();
        final Histogram job = histogram();
        final Histogram board = histogram();
        final Histogram fanOut = histogram();

        private static Histogram histogram() {
            return new ConcurrentHistogram(1, HIGHEST_NANOS, 3);
        }
    }

    private final Set<Long> followed;
    /** "NIFTY/price" → index token, "NIFTY/future" → near-month future token. */
    private final Map<String, Long> tokenOfUpdate;
    private final Map<Key, AtomicLongArray> stamps = new ConcurrentHashMap<>();

    final LongAdder ticksSent = new LongAdder();
    final LongAdder ticksDecoded = new LongAdder();
    final LongAdder updatesDispatched = new LongAdder();
    final LongAdder ambiguousKeys = new LongAdder();

    // What the clients reported inside the measurement window
    private volatile Stages stages = new Stages();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    final LongAdder measured = new LongAdder();
    final LongAdder unmatched = new LongAdder();
    final LongAdder ambiguousUpdates = new LongAdder();
    final LongAdder incomplete = new LongAdder();
    /** Samples whose stamps are out of order: a stage that ended before it began means a wrong correlation. */
    final LongAdder outOfOrder = new LongAdder();
    /** Samples whose stages do not add up to the end-to-end figure (they must: the stages share their stamps). */
    final LongAdder splitMismatch = new LongAdder();

    /**
     * @param tokenOfUpdate which instrument a client update is about, by {@code underlying/kind} as the board names
     *                      them ({@code NIFTY/price} for the index, {@code NIFTY/future} for its near-month future)
     */
    LatencyProbes(Map<String, Long> tokenOfUpdate) {
        this.tokenOfUpdate = Map.copyOf(tokenOfUpdate);
        this.followed = Set.copyOf(tokenOfUpdate.values());
    }

    // ---- the stamps, from the simulator, the feed and the board ---------------------------------------------------

    /** The simulator's frame listener (its market thread). */
    void onFrameSent(List<DecodedTick> ticks, long sentNanos) {
        ticksSent.add(ticks.size());
        for (int i = 0, n = ticks.size(); i < n; i++) {
            DecodedTick d = ticks.get(i);
            // quote packets (before the feed's mode message) carry no exchange time: the feed drops them
            if (!followed.contains(d.token()) || !d.hasExchangeTime()) continue;
            AtomicLongArray fresh = new AtomicLongArray(4);
            fresh.set(SENT, sentNanos);
            AtomicLongArray old = stamps.putIfAbsent(Key.of(d.token(), d.exchangeTime(), d.lastPrice()), fresh);
            if (old != null && old.getAndSet(SENT, AMBIGUOUS) != AMBIGUOUS) {
                ambiguousKeys.increment();
            }
        }
    }

    @Override
    public void onTickDecoded(Tick tick, long decodedNanos) {
        ticksDecoded.increment();
        if (!followed.contains(tick.token)) return;
        stampFirst(Key.of(tick.token, tick.exchangeTime, tick.lastPrice), DECODED, decodedNanos);
    }

    /** The board's price probe (the job's sink thread). */
    void onPriceOffered(PriceTick price, long offeredNanos) {
        stampFirst(Key.of(price.token(), price.exchangeTime(), price.lastPrice()), OFFERED, offeredNanos);
    }

    /** The board's dispatcher, just before the WebSocket fan-out. */
    @Override
    public void onUpdate(String underlying, String kind, String message) {
        long now = System.nanoTime();
        if ("candle".equals(kind)) return;
        updatesDispatched.increment();
        try {
            Key key = keyOf(underlying, kind, JSON.readTree(message).path(kind));
            if (key != null) stampFirst(key, DISPATCHED, now);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the board sent an update that is not JSON: " + message, e);
        }
    }

    private void stampFirst(Key key, int stage, long nanos) {
        AtomicLongArray s = stamps.get(key);
        if (s != null) s.compareAndSet(stage, 0, nanos);
    }

    /** The tick a price or future update carries, or null when it is not one of the followed instruments. */
    Key keyOf(String underlying, String kind, JsonNode price) {
        Long token = tokenOfUpdate.get(underlying + "/" + kind);
        if (token == null || !price.hasNonNull("last") || !price.hasNonNull("time")) return null;
        long time = OffsetDateTime.parse(price.get("time").asText()).toInstant().toEpochMilli();
        return Key.of(token, time, price.get("last").asDouble());
    }

    // ---- the clients' samples -------------------------------------------------------------------------------------

    /** Starts a new measurement window now, with empty histograms. */
    void startWindow(long endNanos) {
        stages = new Stages();
        measured.reset();
        unmatched.reset();
        ambiguousUpdates.reset();
        incomplete.reset();
        outOfOrder.reset();
        splitMismatch.reset();
        windowEnd = endNanos;
        windowStart = System.nanoTime();
    }

    Stages stages() {
        return stages;
    }

    /**
     * A client received the update of {@code key} at {@code arrivalNanos}; recorded when that falls in the window.
     * Returns true when it was a complete sample (whatever the window).
     */
    boolean sample(Key key, long arrivalNanos) {
        boolean inWindow = arrivalNanos >= windowStart && arrivalNanos < windowEnd;
        AtomicLongArray s = key == null ? null : stamps.get(key);
        if (s == null) {
            if (inWindow) unmatched.increment();
            return false;
        }
        long sent = s.get(SENT);
        long decoded = s.get(DECODED);
        long offered = s.get(OFFERED);
        long dispatched = s.get(DISPATCHED);
        if (sent == AMBIGUOUS) {
            if (inWindow) ambiguousUpdates.increment();
            return false;
        }
        if (decoded == 0 || offered == 0 || dispatched == 0) {
            if (inWindow) incomplete.increment();
            return false;
        }
        if (!inWindow) return true;
        long source = decoded - sent;
        long job = offered - decoded;
        long board = dispatched - offered;
        long fanOut = arrivalNanos - dispatched;
        long endToEnd = arrivalNanos - sent;
        if (source < 0 || job < 0 || board < 0 || fanOut < 0) {
            outOfOrder.increment();
            return true;
        }
        if (source + job + board + fanOut != endToEnd) {
            splitMismatch.increment();
        }
        Stages st = stages;
        st.endToEnd.recordValue(Math.max(1, endToEnd));
        st.source.recordValue(Math.max(1, source));
        st.job.recordValue(Math.max(1, job));
        st.board.recordValue(Math.max(1, board));
        st.fanOut.recordValue(Math.max(1, fanOut));
        measured.increment();
        return true;
    }

    /** Forgets ticks sent more than {@code olderThanNanos} ago, so a long run's bookkeeping stays bounded. */
    void forgetBefore(long olderThanNanos) {
        stamps.values().removeIf(s -> {
            long sent = s.get(SENT);
            return sent != AMBIGUOUS && sent != 0 && sent < olderThanNanos;
        });
    }

    int followedTicks() {
        return stamps.size();
    }
}
