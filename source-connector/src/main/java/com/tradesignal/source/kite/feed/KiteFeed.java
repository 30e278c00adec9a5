package com.tradesignal.source.kite.feed;

import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.InstrumentResolver;
import com.tradesignal.instrument.OptionChain;
import com.tradesignal.instrument.OptionWindow;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.auth.AuthState;
import com.tradesignal.kite.auth.TokenStore;
import com.tradesignal.kite.feed.ConnectionState;
import com.tradesignal.kite.feed.FeedControlFile;
import com.tradesignal.kite.feed.FeedMode;
import com.tradesignal.kite.feed.FeedStatus;
import com.tradesignal.kite.feed.FeedStatusFiles;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.kite.instruments.InstrumentDumpCache;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteClientMessage;
import com.tradesignal.kite.protocol.KiteFrameDecoder;
import com.tradesignal.kite.protocol.KiteTextMessage;
import com.tradesignal.kite.rest.HistoricalCandle;
import com.tradesignal.kite.rest.KiteAuthException;
import com.tradesignal.kite.rest.KiteRest;
import com.tradesignal.market.FeedSchedule;
import com.tradesignal.market.MarketTime;
import com.tradesignal.market.ReloadingCalendar;
import com.tradesignal.source.kite.ws.KiteHandshakeRefused;
import com.tradesignal.source.kite.ws.KiteTickerClient;
import com.tradesignal.tick.Tick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One live connection to Kite's ticker, kept up by itself: the unit that the morning failures (backend not
 * running, scheduler switched off, token expired) are about.
 *
 * <p>The owner (the source's fetcher thread) calls {@link #step()} every 100 ms or so and {@link #drain} to take
 * what arrived. A step follows the calendar and the operator's switch (no connection attempts outside the connect
 * hours; a {@link FeedEvent.MarketClosed} when it closes), reads the access token from the token store (none, expired
 * or refused: it waits for a login and never retries a token Kite refused, so there is no retry storm), resolves the
 * day's instruments (index and near-month future of each underlying, by name, type and expiry from the NFO and BFO
 * dumps, fetched once a day after 08:30 IST and cached on disk, so a failed fetch falls back to the last dump),
 * connects, subscribes in full mode, and reconnects with exponential backoff and jitter when the socket drops or goes
 * stale (no message at all, not even a heartbeat, for {@code staleAfter}).
 *
 * <p>After a reconnect it reports the gap and fills the whole minutes inside it from the historical API, for the
 * indices and futures (options are not backfilled: Kite's minute candles of options carry no useful OI change and
 * cost one request each at 3 a second). The backfill is queued before any tick of the new connection, because it is
 * made before the new connection subscribes. Ticks are decoded on the socket thread into a bounded queue; nothing is
 * dropped silently: heartbeats, malformed frames and packets, packets without an exchange timestamp (quote mode,
 * before the mode message takes effect) and Kite's error messages are counted in the status.
 */
public final class KiteFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KiteFeed.class);
    private static final long POLL_FILES_MS = 1000;
    private static final long STATUS_EVERY_MS = 2000;
    private static final int QUEUE_CAPACITY = 200_000;

    private final String id;
    private final FeedSettings settings;
    private final KiteRest rest;
    private final TokenStore tokens;
    private final Runnable onData;
    private final Consumer<FeedStatus> statusListener;
    private final KiteTickerClient client;
    private final FeedControlFile control;
    private final Path statusDir;
    private final Backoff backoff;
    private final InstrumentDumpCache instruments;

    private final ArrayBlockingQueue<Tick> live = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ArrayDeque<FeedEvent> pending = new ArrayDeque<>();

    // Connection: written by the fetcher thread; the ended flag by the socket thread.
    private CompletableFuture<KiteTickerClient.Connection> connecting;
    private KiteTickerClient.Connection connection;
    private SocketListener listener;
    private long nextAttemptWall;
    private String lastDisconnectReason;

    // Login
    private AccessToken token;
    private final Set<String> refusedFingerprints = new HashSet<>();
    private long lastTokenReadWall;
    private AuthState auth = AuthState.LOGIN_REQUIRED;

    // Operator switch and schedule
    private FeedSchedule.Override override = FeedSchedule.Override.NONE;
    private FeedSchedule schedule;
    private final ReloadingCalendar calendarFile;
    private long lastControlReadWall;
    private Boolean open;

    // Instruments of the day
    private LocalDate planDay;
    private final Set<Long> subscribed = new LinkedHashSet<>();
    private final Set<Long> backfillTokens = new LinkedHashSet<>();
    private final Set<Long> tradedTokens = new HashSet<>();
    // Option windows for the put-call ratio, by index token: the day's nearest chain, the window, the index price.
    private final Map<Long, OptionChain> chains = new HashMap<>();
    private final Map<Long, OptionWindow> windows = new HashMap<>();
    private final Map<Long, Double> indexPrices = new HashMap<>();

    // Position, and the gap being measured after a reconnect: from the last tick before it to the first after it.
    private long gapStartMarket = FeedResume.NONE;
    private static final long HISTORICAL_SPACING_MS = 350;
    private long lastHistoricalWall;
    private boolean awaitingFirstTick;
    private long connectedWall;
    private final ResumePosition position;

    // Counters and status
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong malformedFrames = new AtomicLong();
    private final AtomicLong malformedPackets = new AtomicLong();
    private final AtomicLong errorMessages = new AtomicLong();
    private final AtomicLong queueFullDrops = new AtomicLong();
    private final AtomicLong untimedPackets = new AtomicLong();
    private volatile long lastMessageWall = -1;
    private volatile boolean simulatedSeen;
    private long connects;
    private long reconnects;
    private long watchdogReconnects;
    private long refusedUpgrades;
    private long gaps;
    private long backfilledMinutes;
    private String lastGap;
    private ConnectionState state;
    private String message = "starting";
    private long lastStatusWall;
    private volatile FeedStatus status;

    public KiteFeed(String id, FeedSettings settings, KiteRest rest, TokenStore tokens, FeedResume resume,
                    Runnable onData, Consumer<FeedStatus> statusListener) {
        this.id = id;
        this.settings = settings;
        this.rest = rest;
        this.tokens = tokens;
        this.onData = onData;
        this.statusListener = statusListener;
        this.client = new KiteTickerClient(settings.endpoints(), settings.apiKey(), settings.connectTimeout(),
                "kite-feed-" + id);
        StateDirectory dir = new StateDirectory(Path.of(settings.stateDirectory()));
        this.control = new FeedControlFile(dir.controlFile());
        this.statusDir = dir.statusDirectory();
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax(), new Random());
        this.schedule = settings.schedule();
        // One cache directory per feed: feeds may run in different JVMs, and a file is written by one owner.
        this.instruments = new InstrumentDumpCache(Path.of(settings.stateDirectory(), "instruments", id), rest, settings.clock());
        this.calendarFile = settings.calendarFile() == null ? null : ReloadingCalendar.openOrFallback(
                Path.of(settings.calendarFile()), settings.schedule().calendar(),
                error -> LOG.warn("Kite feed {}: {}", id, error));
        this.position = new ResumePosition(resume);
        this.status = snapshot(System.currentTimeMillis());
    }

    public String id() {
        return id;
    }

    public FeedStatus status() {
        return status;
    }

    // ------------------------------------------------------------------ the state machine, on the owner's thread

    /** Advances the feed: schedule, login, connection, watchdog. Cheap when nothing changes. */
    public void step() {
        try {
            stepUnguarded();
        } catch (RuntimeException e) {
            // Never let a surprise kill the source's fetcher: report it and carry on from a clean connection state.
            LOG.error("Kite feed {}: unexpected failure, reconnecting", id, e);
            if (connection != null) {
                connection.abort();
                connection = null;
            }
            connecting = null;
            scheduleReconnect(System.currentTimeMillis(), "unexpected failure: " + e);
        }
    }

    private void stepUnguarded() {
        long wall = System.currentTimeMillis();
        long market = settings.clock().now();
        ConnectionState before = state;
        readControl(wall);
        boolean shouldBeOpen = schedule.withOverride(override).shouldBeConnected(market);
        if (!shouldBeOpen) {
            closeForTheDay(market, wall);
        } else {
            open = true;
            stepOpen(wall, market);
        }
        if (state != before || wall - lastStatusWall >= STATUS_EVERY_MS) {
            publishStatus(wall);
        }
    }

    private void closeForTheDay(long market, long wall) {
        ConnectionState target = override == FeedSchedule.Override.FORCE_OFF ? ConnectionState.STOPPED : ConnectionState.OFF_SCHEDULE;
        if (!Boolean.FALSE.equals(open) || state != target) {
            disconnect(target == ConnectionState.STOPPED ? "stopped by the operator" : "outside the connect hours");
            drainQueueInto(pending);
            pending.add(new FeedEvent.MarketClosed(market));
            open = false;
            state = target;
            long next = schedule.withOverride(FeedSchedule.Override.NONE).nextConnectAt(market);
            message = (target == ConnectionState.STOPPED ? "stopped by the operator (feed-control.json)"
                    : "market closed") + "; the calendar's next connect is " + MarketTime.isoIst(next);
            LOG.info("Kite feed {}: {}", id, message);
        }
    }

    private void stepOpen(long wall, long market) {
        if (connecting != null && connecting.isDone()) {
            finishConnecting(wall, market);
        }
        if (awaitingFirstTick) {
            // Kite sends each instrument's current state on subscribe; a quiet instrument's state can be older than
            // the gap, so the gap ends at the first tick newer than its start.
            Tick first = null;
            for (Tick t : live) {
                if (t.exchangeTime > gapStartMarket) {
                    first = t;
                    break;
                }
            }
            if (first != null) {
                awaitingFirstTick = false;
                reportAndFillGap(gapStartMarket, first.exchangeTime);
            } else if (wall - connectedWall > settings.staleAfter().toMillis()) {
                awaitingFirstTick = false;
                reportAndFillGap(gapStartMarket, market);
            }
        }
        if (connection != null && listener.ended) {
            String why = listener.endReason;
            connection = null;
            reconnects++;
            scheduleReconnect(wall, "connection lost: " + why);
        }
        if (connection != null && state == ConnectionState.CONNECTED
                && wall - lastMessageWall > settings.staleAfter().toMillis()) {
            watchdogReconnects++;
            reconnects++;
            String why = "no data for " + (wall - lastMessageWall) / 1000 + " s (watchdog)";
            connection.abort();
            connection = null;
            scheduleReconnect(wall, why);
        }
        if (connection != null && state == ConnectionState.CONNECTED && !chains.isEmpty()) {
            followTheMoney();
        }
        if (connection == null && connecting == null) {
            tryConnect(wall, market);
        }
    }

    private void tryConnect(long wall, long market) {
        readToken(wall);
        if (token == null) {
            waitForLogin(AuthState.LOGIN_REQUIRED, "no access token: log in at /api/auth/login");
            return;
        }
        // Market time: the wall clock in production, the simulated session's time in the simulator.
        if (token.isExpiredAt(market)) {
            waitForLogin(AuthState.EXPIRED, "the access token " + token.fingerprint() + " expired at "
                    + MarketTime.isoIst(token.expiresAtMillis()) + ": log in at /api/auth/login");
            return;
        }
        if (refusedFingerprints.contains(token.fingerprint())) {
            waitForLogin(AuthState.LOGIN_REQUIRED, "Kite refused the access token " + token.fingerprint()
                    + ": log in at /api/auth/login");
            return;
        }
        if (wall < nextAttemptWall) {
            return;
        }
        if (auth.needsLogin()) {
            auth = AuthState.REFRESHING;
        }
        try {
            ensurePlan(market);
        } catch (KiteAuthException e) {
            refuse("the instruments request: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            scheduleReconnect(wall, "cannot load the day's instruments: " + e.getMessage());
            return;
        }
        state = lastDisconnectReason == null ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING;
        message = "connecting to " + client.redactedUrl();
        listener = new SocketListener();
        connecting = client.connect(token, listener);
    }

    private void finishConnecting(long wall, long market) {
        CompletableFuture<KiteTickerClient.Connection> done = connecting;
        connecting = null;
        try {
            connection = done.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
            if (cause instanceof KiteHandshakeRefused refused && refused.status() == 403) {
                refusedUpgrades++;
                refuse("the WebSocket upgrade (HTTP 403)");
            } else {
                scheduleReconnect(wall, cause.getMessage());
            }
            return;
        }
        connects++;
        lastMessageWall = wall;
        auth = AuthState.VALID;
        connectedWall = wall;
        // Ticks still queued from the old connection go first, so the gap starts after them.
        drainQueueInto(pending);
        if (position.hasTime() && MarketTime.istEpochDay(position.lastExchangeTime()) == MarketTime.istEpochDay(market)) {
            // The gap ends at the new connection's first tick: live ticks wait in the queue until it is filled.
            gapStartMarket = position.lastExchangeTime();
            awaitingFirstTick = true;
        }
        if (!subscribed.isEmpty()) {
            List<Long> list = new ArrayList<>(subscribed);
            if (!send(KiteClientMessage.subscribe(list)) || !send(KiteClientMessage.mode(KiteClientMessage.Mode.FULL, list))) {
                return;
            }
        }
        state = ConnectionState.CONNECTED;
        message = "connected, " + subscribed.size() + " instruments in full mode";
        lastDisconnectReason = null;
        backoff.reset();
        LOG.info("Kite feed {}: connected to {} ({} instruments)", id, client.redactedUrl(), subscribed.size());
    }

    private void refuse(String where) {
        if (token != null) {
            refusedFingerprints.add(token.fingerprint());
        }
        waitForLogin(AuthState.LOGIN_REQUIRED, "Kite refused the access token "
                + (token == null ? "" : token.fingerprint() + " ") + "at " + where + ": log in at /api/auth/login");
        LOG.warn("Kite feed {}: {}", id, message);
    }

    private void waitForLogin(AuthState why, String text) {
        if (state != ConnectionState.WAITING_FOR_LOGIN || auth != why) {
            LOG.warn("Kite feed {}: {}", id, text);
        }
        auth = why;
        state = ConnectionState.WAITING_FOR_LOGIN;
        message = text;
    }

    private void scheduleReconnect(long wall, String why) {
        long delay = backoff.nextDelayMs();
        nextAttemptWall = wall + delay;
        lastDisconnectReason = why;
        state = ConnectionState.RECONNECTING;
        message = why + "; reconnecting in " + delay + " ms (attempt " + backoff.attempts() + ")";
        LOG.warn("Kite feed {}: {}", id, message);
    }

    private void disconnect(String why) {
        if (connecting != null) {
            connecting.cancel(true);
            connecting.thenAccept(KiteTickerClient.Connection::abort);
            connecting = null;
        }
        if (connection != null) {
            connection.abort();
            connection = null;
            LOG.info("Kite feed {}: disconnected ({})", id, why);
        }
        lastDisconnectReason = null;
        awaitingFirstTick = false;
        backoff.reset();
        nextAttemptWall = 0;
    }

    private void readControl(long wall) {
        if (wall - lastControlReadWall < POLL_FILES_MS) {
            return;
        }
        lastControlReadWall = wall;
        if (calendarFile != null) {
            // Re-reads the file only when it changed; a bad edit keeps the last good calendar (and is logged).
            schedule = settings.schedule().withCalendar(calendarFile.current());
        }
        try {
            FeedSchedule.Override o = control.read();
            if (o != override) {
                LOG.info("Kite feed {}: operator switch is now {}", id, o);
                override = o;
            }
        } catch (RuntimeException e) {
            LOG.warn("Kite feed {}: ignoring the operator switch: {}", id, e.getMessage());
        }
    }

    private void readToken(long wall) {
        if (token != null && wall - lastTokenReadWall < POLL_FILES_MS) {
            return;
        }
        lastTokenReadWall = wall;
        try {
            Optional<AccessToken> stored = tokens.load();
            AccessToken next = stored.orElse(null);
            if (next != null && token != null && !next.fingerprint().equals(token.fingerprint())) {
                LOG.info("Kite feed {}: a new access token {} arrived", id, next.fingerprint());
                nextAttemptWall = 0;
                backoff.reset();
            }
            token = next;
        } catch (RuntimeException e) {
            token = null;
            message = e.getMessage();
        }
    }

    /** The day's index and near-month future tokens, from the dump (fetched once a day, after 08:30 IST). */
    private void ensurePlan(long market) {
        LocalDate day = MarketTime.istDate(market);
        if (day.equals(planDay)) {
            return;
        }
        Set<Long> tokensOfDay = new LinkedHashSet<>();
        Set<Long> backfill = new LinkedHashSet<>();
        Set<Long> traded = new HashSet<>();
        if (!settings.underlyings().isEmpty()) {
            InstrumentCatalog catalog = instruments.current(List.of("NFO", "BFO"), token);
            if (instruments.lastWarning() != null) {
                LOG.warn("Kite feed {}: {}", id, instruments.lastWarning());
            }
            InstrumentResolver resolver = InstrumentResolver.of(catalog);
            chains.clear();
            windows.clear();
            for (String underlying : settings.underlyings()) {
                Long index = InstrumentCatalog.INDEX_TOKENS.get(underlying);
                if (index == null) {
                    throw new IllegalArgumentException("unknown underlying '" + underlying + "' (known: "
                            + InstrumentCatalog.INDEX_TOKENS.keySet() + ")");
                }
                tokensOfDay.add(index);
                backfill.add(index);
                catalog.nearMonthFuture(underlying, day).ifPresentOrElse(f -> {
                    tokensOfDay.add(f.token());
                    backfill.add(f.token());
                    traded.add(f.token());
                }, () -> LOG.warn("Kite feed {}: no near-month {} future in the {} dump", id, underlying, day));
                if (settings.optionStrikesEachSide() > 0) {
                    resolver.nearestOptionChain(underlying, day).ifPresentOrElse(c -> chains.put(index, c),
                            () -> LOG.warn("Kite feed {}: no {} options in the {} dump", id, underlying, day));
                }
            }
        }
        for (long t : settings.extraTokens()) {
            tokensOfDay.add(t);
            traded.add(t);
        }
        subscribed.clear();
        subscribed.addAll(tokensOfDay);
        backfillTokens.clear();
        backfillTokens.addAll(backfill);
        tradedTokens.clear();
        tradedTokens.addAll(traded);
        planDay = day;
        LOG.info("Kite feed {}: {} instruments for {}", id, subscribed.size(), day);
    }

    /**
     * Kite allows 3 historical requests a second per API key (shared with anything else using the key), so the
     * backfill spaces its requests by {@value #HISTORICAL_SPACING_MS} ms of wall time rather than risk a 429 that
     * would leave the gap unfilled. It blocks the owner thread for at most that long per instrument.
     */
    private void paceHistoricalRequest() {
        long wait = lastHistoricalWall + HISTORICAL_SPACING_MS - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing historical requests");
            }
        }
        lastHistoricalWall = System.currentTimeMillis();
    }

    private void reportAndFillGap(long gapStart, long gapEnd) {
        long firstMinute = MarketTime.minuteStart(gapStart) + MarketTime.MINUTE_MS;
        long endMinute = MarketTime.minuteStart(gapEnd);
        long whole = Math.max(0, (endMinute - firstMinute) / MarketTime.MINUTE_MS);
        gaps++;
        String span = MarketTime.isoIst(gapStart) + " -> " + MarketTime.isoIst(gapEnd) + " ("
                + Duration.ofMillis(gapEnd - gapStart).toSeconds() + " s)";
        if (whole == 0 || !settings.backfill()) {
            lastGap = span + ", " + whole + " whole minute(s) inside" + (whole > 0 ? ", backfill off" : "");
            LOG.warn("Kite feed {}: gap {}", id, lastGap);
            return;
        }
        List<Tick> filled = new ArrayList<>();
        int instruments = 0;
        try {
            for (long t : backfillTokens) {
                List<HistoricalCandle> candles = new ArrayList<>();
                paceHistoricalRequest();
                for (HistoricalCandle c : rest.historicalMinutes(t, firstMinute, endMinute - MarketTime.MINUTE_MS, token)) {
                    if (c.startMillis() >= firstMinute && c.startMillis() < endMinute) {
                        candles.add(c);
                    }
                }
                if (!candles.isEmpty()) {
                    instruments++;
                }
                filled.addAll(CandleTicks.of(t, candles, position.cumulativeVolume(t), tradedTokens.contains(t)));
            }
        } catch (RuntimeException e) {
            lastGap = span + ", " + whole + " whole minute(s) NOT backfilled: " + e.getMessage();
            LOG.warn("Kite feed {}: gap {}", id, lastGap);
            return;
        }
        filled.sort(Comparator.comparingLong(tick -> tick.exchangeTime));
        for (Tick t : filled) {
            pending.add(new FeedEvent.TickEvent(t, true));
            observe(t);
        }
        backfilledMinutes += whole;
        lastGap = span + ", " + whole + " whole minute(s) backfilled for " + instruments + " instrument(s)";
        LOG.warn("Kite feed {}: gap {}", id, lastGap);
    }

    // ------------------------------------------------------------------ handing over

    /** Moves up to {@code max} events to {@code out}: backfill and closing events first, then live ticks. */
    public int drain(List<FeedEvent> out, int max) {
        int n = 0;
        while (n < max && !pending.isEmpty()) {
            out.add(pending.poll());
            n++;
        }
        while (n < max && !awaitingFirstTick) {
            Tick t = live.poll();
            if (t == null) {
                break;
            }
            observe(t);
            out.add(new FeedEvent.TickEvent(t, false));
            n++;
        }
        return n;
    }

    private void drainQueueInto(ArrayDeque<FeedEvent> target) {
        for (Tick t; (t = live.poll()) != null; ) {
            observe(t);
            target.add(new FeedEvent.TickEvent(t, false));
        }
    }

    /**
     * Subscribes each underlying's option window once its index price is known, and moves it when the
     * at-the-money strike has moved by the hysteresis: unsubscribe what left the window, subscribe what entered it.
     */
    private void followTheMoney() {
        for (Map.Entry<Long, OptionChain> e : chains.entrySet()) {
            Double price = indexPrices.get(e.getKey());
            if (price == null) {
                continue;
            }
            OptionChain chain = e.getValue();
            OptionWindow current = windows.get(e.getKey());
            if (current != null && !current.needsRecentre(chain, price, settings.recentreHysteresis())) {
                continue;
            }
            OptionWindow next = chain.window(price, settings.optionStrikesEachSide());
            OptionWindow.Change change = OptionWindow.diff(current, next);
            if (!change.remove().isEmpty()) {
                if (!send(KiteClientMessage.unsubscribe(change.remove()))) {
                    return;
                }
                change.remove().forEach(subscribed::remove);
            }
            if (!change.add().isEmpty()) {
                // Added before sending: a reconnect in between resubscribes them.
                subscribed.addAll(change.add());
                tradedTokens.addAll(change.add());
                if (!send(KiteClientMessage.subscribe(change.add()))
                        || !send(KiteClientMessage.mode(KiteClientMessage.Mode.FULL, change.add()))) {
                    windows.put(e.getKey(), next);
                    return;
                }
            }
            windows.put(e.getKey(), next);
            LOG.info("Kite feed {}: {} {} options centred on {} ({} instruments)", id, chain.underlying(), chain.expiry(),
                    next.centreStrike(), next.instruments().size());
        }
    }

    /** Sends on the open connection; a socket that cannot take it is dropped and re-made. */
    private boolean send(KiteClientMessage message) {
        try {
            connection.send(message);
            return true;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            connection.abort();
            connection = null;
            awaitingFirstTick = false; // the next connection measures the gap again from the last tick
            reconnects++;
            scheduleReconnect(System.currentTimeMillis(), "sending " + message.action().wire() + " failed: "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            return false;
        }
    }

    private void observe(Tick t) {
        if (chains.containsKey(t.token)) {
            indexPrices.put(t.token, t.lastPrice);
        }
        position.observe(t);
    }

    // ------------------------------------------------------------------ the socket thread

    /** Events of one connection; those of an abandoned connection are ignored. */
    private final class SocketListener implements KiteTickerClient.Listener {
        private final KiteFrameDecoder decoder = new KiteFrameDecoder();
        volatile boolean ended;
        volatile String endReason;

        @Override
        public void onBinary(byte[] frame) {
            if (ended) {
                return;
            }
            lastMessageWall = System.currentTimeMillis();
            KiteFrameDecoder.Result r = decoder.decode(frame);
            heartbeats.addAndGet(r.heartbeats());
            malformedFrames.addAndGet(r.malformedFrames());
            malformedPackets.addAndGet(r.malformedPackets());
            if (r.ticks().isEmpty()) {
                return;
            }
            int accepted = 0;
            FeedProbe.Listener probe = FeedProbe.current();
            for (DecodedTick d : r.ticks()) {
                if (!d.hasExchangeTime()) {
                    // Kite streams quote mode between subscribe and the mode message; such packets have no exchange
                    // time and cannot be placed in event time. The next full packet carries the same state.
                    untimedPackets.incrementAndGet();
                    continue;
                }
                Tick t = d.toTick(lastMessageWall); // event time stays the exchange's; the arrival is for latency
                if (probe != null) {
                    probe.onTickDecoded(t, System.nanoTime());
                }
                accepted++;
                try {
                    if (!live.offer(t, 5, TimeUnit.SECONDS)) {
                        queueFullDrops.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (accepted > 0) {
                ticks.addAndGet(accepted);
                onData.run();
            }
        }

        @Override
        public void onText(String text) {
            if (ended) {
                return;
            }
            lastMessageWall = System.currentTimeMillis();
            KiteTextMessage m = KiteTextMessage.parse(text);
            switch (m.type()) {
                case ERROR -> {
                    errorMessages.incrementAndGet();
                    LOG.warn("Kite feed {}: Kite says: {}", id, m.message());
                }
                case MESSAGE -> {
                    if (m.message() != null && m.message().contains("SIMULATED")) {
                        simulatedSeen = true;
                    }
                }
                default -> { }
            }
        }

        @Override
        public void onClosed(String why) {
            endReason = why;
            ended = true;
            onData.run();
        }
    }

    // ------------------------------------------------------------------ status

    private void publishStatus(long wall) {
        lastStatusWall = wall;
        FeedStatus s = snapshot(wall);
        status = s;
        try {
            FeedStatusFiles.write(statusDir, s);
        } catch (RuntimeException e) {
            LOG.warn("Kite feed {}: cannot write its status: {}", id, e.getMessage());
        }
        if (statusListener != null) {
            statusListener.accept(s);
        }
    }

    private FeedStatus snapshot(long wall) {
        long market = settings.clock().now();
        FeedMode mode = settings.endpoints().isKite() && !simulatedSeen ? FeedMode.LIVE : FeedMode.SIMULATED;
        return new FeedStatus(id, mode, state == null ? ConnectionState.CONNECTING : state, auth,
                schedule.calendar().phaseAt(market).name(), token == null ? null : token.fingerprint(),
                position.hasTime() ? position.lastExchangeTime() : -1, lastMessageWall, connects, reconnects,
                watchdogReconnects, refusedUpgrades, gaps, lastGap, backfilledMinutes, ticks.get(), heartbeats.get(),
                malformedFrames.get(), malformedPackets.get(), errorMessages.get(), subscribed.size(),
                message + (queueFullDrops.get() > 0 ? " (" + queueFullDrops.get() + " ticks dropped: queue full)" : "")
                        + (untimedPackets.get() > 0 ? " (" + untimedPackets.get() + " packets without exchange time skipped)" : ""),
                wall);
    }

    @Override
    public void close() {
        disconnect("closed");
        client.close();
    }
}
