package com.tradesignal.source.kite.feed;

import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.market.FeedSchedule;
import com.tradesignal.market.MarketClock;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a feed connection behaves. Holds no secret: the access token comes from the token store in
 * {@code stateDirectory}, read when needed, so it never travels in the job graph or its parameters.
 *
 * @param apiKey the Kite app's API key (public: it is in every login URL)
 * @param endpoints where Kite (or the simulator) is
 * @param clock market time (the wall clock in production)
 * @param schedule when to be connected (calendar, 08:55-15:35 by default)
 * @param underlyings NIFTY, BANKNIFTY, SENSEX: index + near-month future, resolved from each day's dump
 * @param extraTokens further tokens to subscribe as they are
 * @param staleAfter with no message of any kind for this long (heartbeats count), the connection is dropped and
 *                   re-made: Kite sends a heartbeat every second or two, so silence means a dead socket
 * @param backoffInitial first reconnect delay; it doubles per failed attempt, with full jitter
 * @param backoffMax the longest reconnect delay
 * @param connectTimeout how long a connection attempt may take
 * @param backfill fill the whole minutes of a gap from the historical API
 * @param stateDirectory token file, operator switch and status files
 * @param optionStrikesEachSide listed strikes subscribed on each side of the at-the-money strike of each
 *                              underlying's nearest option expiry, for the put-call ratio (0: no options)
 * @param recentreHysteresis how many strikes the at-the-money strike must move before the window follows it
 * @param calendarFile a calendar file (docs/calendar.md) that the feed re-reads when it changes, or null for the
 *                     schedule's own calendar
 */
public record FeedSettings(String apiKey, KiteEndpoints endpoints, MarketClock clock, FeedSchedule schedule,
                           List<String> underlyings, List<Long> extraTokens, Duration staleAfter,
                           Duration backoffInitial, Duration backoffMax, Duration connectTimeout, boolean backfill,
                           String stateDirectory, int optionStrikesEachSide, int recentreHysteresis,
                           String calendarFile) implements Serializable {

    public FeedSettings {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        underlyings = List.copyOf(underlyings);
        extraTokens = List.copyOf(extraTokens);
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive");
        }
        if (optionStrikesEachSide < 0 || recentreHysteresis < 1) {
            throw new IllegalArgumentException("optionStrikesEachSide must be >= 0 and recentreHysteresis >= 1");
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax must be at least backoffInitial");
        }
    }

    /** This connection's share of the instruments. */
    public FeedSettings withShare(List<String> shareUnderlyings, List<Long> shareExtraTokens) {
        return new FeedSettings(apiKey, endpoints, clock, schedule, shareUnderlyings, shareExtraTokens, staleAfter,
                backoffInitial, backoffMax, connectTimeout, backfill, stateDirectory, optionStrikesEachSide,
                recentreHysteresis, calendarFile);
    }
}
