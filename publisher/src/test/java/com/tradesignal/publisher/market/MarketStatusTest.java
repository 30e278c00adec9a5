package com.tradesignal.publisher.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradesignal.kite.auth.AuthState;
import com.tradesignal.kite.feed.ConnectionState;
import com.tradesignal.kite.feed.FeedMode;
import com.tradesignal.kite.feed.FeedStatus;
import com.tradesignal.kite.feed.FeedStatusFiles;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MarketStatusTest {
    /** Friday 2026-11-27, 10:00 IST: a trading day, market open. */
    private static final Instant OPEN = Instant.parse("2026-11-27T04:30:00Z");
    /** Saturday 2026-11-28, 10:00 IST. */
    private static final Instant WEEKEND = Instant.parse("2026-11-28T04:30:00Z");

    @TempDir
    Path dir;
    private final MarketBoard board = new MarketBoard(DataSource.SIMULATED, new PublisherMetrics());

    @AfterEach
    void close() {
        board.close();
    }

    private JsonNode status(Instant marketNow, double speed, ConnectionState... feeds) {
        StateDirectory state = new StateDirectory(dir);
        int i = 0;
        for (ConnectionState c : feeds) {
            AuthState auth = c == ConnectionState.WAITING_FOR_LOGIN ? AuthState.LOGIN_REQUIRED : AuthState.VALID;
            FeedStatusFiles.write(state.statusDirectory(), new FeedStatus("feed-" + i++, FeedMode.SIMULATED, c, auth, "OPEN",
                    null, -1, -1, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, "the feed says " + c, System.currentTimeMillis()));
        }
        return new MarketStatus(board, MarketClock.simulated(marketNow, speed), MarketCalendar.defaults(), state).current();
    }

    private void withPrice() throws Exception {
        board.offerPrice(Rows.price("NIFTY", 25000, System.currentTimeMillis()));
        board.awaitApplied(5000);
    }

    @Test
    void connectedFeedsWithFreshPricesShowWhatTheDataIs() throws Exception {
        withPrice();
        JsonNode s = status(OPEN, 1, ConnectionState.CONNECTED, ConnectionState.CONNECTED);
        assertThat(s.get("feed").asText()).isEqualTo("SIMULATED");
        assertThat(s.get("market_phase").asText()).isEqualTo("OPEN");
        assertThat(s.get("next_event").asText()).isEqualTo("close");
        assertThat(s.get("next_event_at").asText()).isEqualTo("2026-11-27T15:30:00+05:30");
        assertThat(s.get("seconds_to_next_event").asLong()).isBetween(5 * 3600L + 29 * 60, 5 * 3600L + 30 * 60);
        assertThat(s.get("last_tick_age_seconds").asDouble()).isLessThan(5);
        board.dataSource(DataSource.LIVE);
        assertThat(status(OPEN, 1, ConnectionState.CONNECTED).get("feed").asText()).isEqualTo("LIVE");
    }

    @Test
    void aFeedWaitingForTheLoginShowsLoginRequiredWithTheLoginLink() {
        JsonNode s = status(OPEN, 1, ConnectionState.CONNECTED, ConnectionState.WAITING_FOR_LOGIN);
        assertThat(s.get("feed").asText()).isEqualTo("LOGIN_REQUIRED");
        assertThat(s.get("login_url").asText()).isEqualTo("/api/auth/login");
        assertThat(s.get("data_source").asText()).isEqualTo("SIMULATED");
    }

    @Test
    void aReconnectingFeedShowsReconnectingWithItsOwnWords() throws Exception {
        withPrice();
        JsonNode s = status(OPEN, 1, ConnectionState.CONNECTED, ConnectionState.RECONNECTING);
        assertThat(s.get("feed").asText()).isEqualTo("RECONNECTING");
        assertThat(s.get("message").asText()).isEqualTo("the feed says RECONNECTING");
    }

    @Test
    void feedsOffScheduleOrNoFeedsOnAWeekendShowMarketClosedCountingDownToTheNextOpen() throws Exception {
        withPrice();
        assertThat(status(OPEN, 1, ConnectionState.OFF_SCHEDULE).get("feed").asText()).isEqualTo("MARKET_CLOSED");
        JsonNode weekend = status(WEEKEND, 60);
        assertThat(weekend.get("feed").asText()).isEqualTo("MARKET_CLOSED");
        assertThat(weekend.get("market_phase").asText()).isEqualTo("CLOSED_WEEKEND");
        assertThat(weekend.get("next_event").asText()).isEqualTo("open");
        assertThat(weekend.get("next_event_at").asText()).isEqualTo("2026-11-30T09:15:00+05:30");
        // 47h15m of market time at 60x is 47.25 wall minutes
        assertThat(weekend.get("seconds_to_next_event").asLong()).isBetween(2832L, 2836L);
    }

    @Test
    void anOperatorStopIsSaidSo() throws Exception {
        withPrice();
        JsonNode s = status(OPEN, 1, ConnectionState.STOPPED);
        assertThat(s.get("feed").asText()).isEqualTo("MARKET_CLOSED");
        assertThat(s.get("message").asText()).contains("stopped by an operator");
    }

    @Test
    void withoutDataTheBadgeSaysNoDataNotLive() {
        JsonNode s = status(OPEN, 1, ConnectionState.CONNECTED);
        assertThat(s.get("feed").asText()).isEqualTo("NO_DATA");
        assertThat(s.get("last_tick_age_seconds").isNull()).isTrue();
    }

    @Test
    void aFeedStatusFileNotRewrittenForAMinuteIsIgnored() throws Exception {
        withPrice();
        StateDirectory state = new StateDirectory(dir);
        FeedStatusFiles.write(state.statusDirectory(), new FeedStatus("old", FeedMode.SIMULATED, ConnectionState.RECONNECTING,
                AuthState.VALID, "OPEN", null, -1, -1, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, "old run",
                System.currentTimeMillis() - 120_000));
        assertThat(status(OPEN, 1).get("feed").asText()).isEqualTo("SIMULATED");
    }

    @Test
    void aReplayIsAlwaysReplayAndItsClockIsTheData() throws Exception {
        board.dataSource(DataSource.REPLAY);
        assertThat(status(OPEN, 1).get("feed").asText()).isEqualTo("NO_DATA");
        withPrice();
        JsonNode s = status(WEEKEND, 1, ConnectionState.RECONNECTING);
        assertThat(s.get("feed").asText()).isEqualTo("REPLAY");
        assertThat(s.get("market_time").asText()).isEqualTo("2026-11-27T10:00:00+05:30");
    }
}
