package com.tradesignal.publisher.market;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.kite.auth.AuthState;
import com.tradesignal.kite.feed.ConnectionState;
import com.tradesignal.kite.feed.FeedStatus;
import com.tradesignal.kite.feed.FeedStatusFiles;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketPhase;
import com.tradesignal.market.MarketTime;

import java.nio.file.Path;
import java.util.List;

/**
 * The status the dashboard's badge shows, worked out so it is always honest: what the numbers are (LIVE, REPLAY,
 * SIMULATED) and what the feed is doing right now (from the feeds' status files when the publisher can see them, from
 * the calendar and the age of the data otherwise).
 */
public final class MarketStatus {
    /** A feed status file not rewritten for this long belongs to a feed that is gone. */
    static final long FEED_FILE_EXPIRY_MS = 60_000;
    /** No price for this long while the market is open: the data is not live any more. */
    static final long STALE_AFTER_MS = 60_000;

    public enum Feed { LIVE, REPLAY, SIMULATED, MARKET_CLOSED, LOGIN_REQUIRED, RECONNECTING, NO_DATA }

    private final MarketBoard board;
    private final MarketClock clock;
    private final MarketCalendar calendar;
    private final Path feedStatusDir;

    /**
     * @param clock the market clock (not used for a replay, whose "now" is the time of the data)
     * @param state where the feeds write their status; null when the publisher cannot see them (cluster mode)
     */
    public MarketStatus(MarketBoard board, MarketClock clock, MarketCalendar calendar, StateDirectory state) {
        this.board = board;
        this.clock = clock;
        this.calendar = calendar;
        this.feedStatusDir = state == null ? null : state.statusDirectory();
    }

    public ObjectNode current() {
        long wallNow = System.currentTimeMillis();
        DataSource source = board.dataSource();
        // a replay's "now" is the time of its data, whatever the wall clock says
        MarketClock clock = source == DataSource.REPLAY ? null : this.clock;
        long marketNow = clock != null ? clock.now() : Math.max(board.lastDataTime(), 0);
        MarketPhase phase = calendar.phaseAt(marketNow);
        List<FeedStatus> feeds = feedStatusDir == null ? List.of() : FeedStatusFiles.readAll(feedStatusDir).stream()
                .filter(f -> wallNow - f.updatedWallMillis() < FEED_FILE_EXPIRY_MS).toList();
        long lastPrice = board.lastPriceWall();
        Double ageSeconds = lastPrice < 0 ? null : (wallNow - lastPrice) / 1000.0;

        Feed feed;
        String message;
        if (source == DataSource.REPLAY) {
            feed = board.hasData() ? Feed.REPLAY : Feed.NO_DATA;
            message = board.hasData() ? "replay of recorded ticks" : "waiting for the replay's first results";
        } else if (feeds.stream().anyMatch(f -> f.connection() == ConnectionState.WAITING_FOR_LOGIN
                || f.auth() == AuthState.LOGIN_REQUIRED || f.auth() == AuthState.EXPIRED)) {
            feed = Feed.LOGIN_REQUIRED;
            message = "the broker login is needed (tokens expire at 06:00 IST)";
        } else if (!feeds.isEmpty() && feeds.stream().allMatch(f -> f.connection() == ConnectionState.STOPPED)) {
            feed = Feed.MARKET_CLOSED;
            message = "the feed was stopped by an operator";
        } else if (!feeds.isEmpty() && feeds.stream().allMatch(f -> f.connection() == ConnectionState.OFF_SCHEDULE)
                || feeds.isEmpty() && phase != MarketPhase.OPEN && phase != MarketPhase.PRE_OPEN) {
            feed = Feed.MARKET_CLOSED;
            message = "market closed (" + phase.name().toLowerCase().replace('_', ' ') + ")";
        } else if (feeds.stream().anyMatch(f -> f.connection() == ConnectionState.RECONNECTING
                || f.connection() == ConnectionState.CONNECTING)) {
            feed = Feed.RECONNECTING;
            message = feeds.stream().filter(f -> f.connection() != ConnectionState.CONNECTED)
                    .map(FeedStatus::message).filter(m -> m != null && !m.isBlank()).findFirst().orElse("reconnecting");
        } else if (!board.hasData()) {
            feed = Feed.NO_DATA;
            message = "no data from the job yet";
        } else if (phase == MarketPhase.OPEN && (ageSeconds == null || ageSeconds * 1000 > STALE_AFTER_MS)) {
            feed = Feed.RECONNECTING;
            message = ageSeconds == null ? "no ticks yet" : String.format("no ticks for %.0f s", ageSeconds);
        } else {
            feed = source == DataSource.LIVE ? Feed.LIVE : Feed.SIMULATED;
            message = source == DataSource.LIVE ? "live from Kite" : "simulated market from TradeSignal's own simulator, not real prices";
        }

        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("feed", feed.name());
        n.put("data_source", source.name());
        n.put("message", message);
        n.put("market_phase", phase.name());
        n.put("market_time", MarketTime.isoIst(marketNow));
        boolean open = phase == MarketPhase.OPEN;
        long next = (open ? calendar.nextClose(marketNow) : calendar.nextOpen(marketNow)).toEpochMilli();
        n.put("next_event", open ? "close" : "open");
        n.put("next_event_at", MarketTime.isoIst(next));
        if (clock != null) {
            n.put("seconds_to_next_event", clock.wallDuration(next - marketNow) / 1000);
            n.put("clock_speed", clock.speed());
        } else {
            n.putNull("seconds_to_next_event");
            n.putNull("clock_speed");
        }
        if (ageSeconds == null) {
            n.putNull("last_tick_age_seconds");
        } else {
            n.put("last_tick_age_seconds", Math.round(ageSeconds * 10) / 10.0);
        }
        if (feed == Feed.LOGIN_REQUIRED) {
            n.put("login_url", "/api/auth/login");
        }
        return n;
    }
}
