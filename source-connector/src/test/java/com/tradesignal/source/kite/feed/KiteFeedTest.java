package com.tradesignal.source.kite.feed;

import com.tradesignal.kite.auth.AuthState;
import com.tradesignal.kite.feed.ConnectionState;
import com.tradesignal.kite.feed.FeedControlFile;
import com.tradesignal.kite.feed.FeedMode;
import com.tradesignal.kite.feed.FeedStatus;
import com.tradesignal.kite.feed.FeedStatusFiles;
import com.tradesignal.kite.rest.HistoricalCandle;
import com.tradesignal.kite.rest.KiteRestClient;
import com.tradesignal.market.FeedSchedule;
import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed against the Kite-protocol simulator, over a real WebSocket, with the market clock at 60x. */
class KiteFeedTest {
    private static final long NIFTY = 256265L;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static List<Tick> ticks(List<FeedEvent> events, boolean backfilled) {
        return events.stream().filter(e -> e instanceof FeedEvent.TickEvent t && t.backfilled() == backfilled)
                .map(e -> ((FeedEvent.TickEvent) e).tick()).toList();
    }

    @Test
    void atMarketOpenItSubscribesTheIndexAndItsFutureInFullModeAndTicksCarryExchangeTime() throws Exception {
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(9, 16), Duration.ofSeconds(5), Duration.ofMillis(500))) {
            h.login();
            h.runUntil(ev -> ticks(ev, false).stream().map(t -> t.token).distinct().count() == 2, WAIT, "index and future ticks");
            List<Tick> live = ticks(h.events, false);
            assertThat(live).allSatisfy(t -> assertThat(MarketTime.istDate(t.exchangeTime)).isEqualTo(FeedHarness.DAY));
            Tick future = live.stream().filter(t -> t.token != NIFTY).findFirst().orElseThrow();
            assertThat(future.volume).as("full packets carry volume").isPositive();
            assertThat(future.openInterest).as("full packets carry OI").isPositive();
            FeedStatus s = h.feed.status();
            assertThat(s.connection()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(s.auth()).isEqualTo(AuthState.VALID);
            assertThat(s.mode()).isEqualTo(FeedMode.SIMULATED);
            assertThat(s.subscribedTokens()).isEqualTo(2);
            assertThat(h.sim.stats().modeMessages()).isEqualTo(1);
            h.runFor(Duration.ofMillis(2100));
            assertThat(FeedStatusFiles.readAll(h.state.statusDirectory())).extracting(FeedStatus::feedId).containsExactly("kite-0");
        }
    }

    @Test
    void aDroppedConnectionIsRemadeResubscribedAndItsWholeMinutesBackfilledBeforeLiveTicks() throws Exception {
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(9, 16), Duration.ofSeconds(5), Duration.ofSeconds(4))) {
            h.login();
            h.runUntil(ev -> ticks(ev, false).size() > 10, WAIT, "live ticks");
            int before = h.events.size();
            long subscribesBefore = h.sim.stats().subscribeMessages();
            h.sim.faults().dropConnections();
            // Ticks of the old connection may still arrive after the drop; the gap is known at the new one's first tick.
            long lastBeforeDrop = ticks(h.events, false).stream().mapToLong(t -> t.exchangeTime).max().orElseThrow();
            h.runUntil(ev -> h.feed.status().connects() == 2 && h.feed.status().gaps() == 1
                            && ticks(ev.subList(before, ev.size()), false).stream()
                                    .filter(t -> t.exchangeTime > lastBeforeDrop + 60_000).count() > 5,
                    WAIT, "a reconnect, its gap and live ticks again");

            List<FeedEvent> after = h.events.subList(before, h.events.size());
            int firstBackfill = -1;
            int firstNewLive = -1;
            long lastOldLive = ticks(h.events.subList(0, before), false).stream().mapToLong(t -> t.exchangeTime).max().orElseThrow();
            for (int i = 0; i < after.size(); i++) {
                if (after.get(i) instanceof FeedEvent.TickEvent t) {
                    if (t.backfilled() && firstBackfill < 0) firstBackfill = i;
                    if (!t.backfilled() && t.tick().exchangeTime > lastOldLive + 60_000 && firstNewLive < 0) firstNewLive = i;
                }
            }
            FeedStatus s = h.feed.status();
            assertThat(s.reconnects()).isEqualTo(1);
            assertThat(s.gaps()).isEqualTo(1);
            assertThat(s.lastGap()).contains("backfilled");
            assertThat(s.backfilledMinutes()).isGreaterThanOrEqualTo(1);
            assertThat(firstBackfill).as("backfilled ticks exist").isGreaterThanOrEqualTo(0);
            assertThat(firstBackfill).as("backfill comes before the new connection's ticks").isLessThan(firstNewLive);
            assertThat(h.sim.stats().subscribeMessages()).as("resubscribed").isGreaterThan(subscribesBefore);

            // The backfilled minutes are exactly the candles Kite's historical API gives for them.
            Map<Long, List<Tick>> byMinute = ticks(after, true).stream().filter(t -> t.token == NIFTY)
                    .collect(Collectors.groupingBy(t -> MarketTime.minuteStart(t.exchangeTime), TreeMap::new, Collectors.toList()));
            assertThat(byMinute).hasSize((int) s.backfilledMinutes());
            long first = byMinute.keySet().iterator().next();
            List<HistoricalCandle> reference = new KiteRestClient(h.sim.endpoints(), h.sim.apiKey())
                    .historicalMinutes(NIFTY, first, first, h.tokens.load().orElseThrow());
            List<Tick> minute = byMinute.get(first);
            assertThat(minute.get(0).lastPrice).isEqualTo(reference.get(0).open());
            assertThat(minute.get(3).lastPrice).isEqualTo(reference.get(0).close());
            assertThat(minute.stream().mapToDouble(t -> t.lastPrice).max().orElseThrow()).isEqualTo(reference.get(0).high());
        }
    }

    @Test
    void aRefusedTokenMeansLoginRequiredWithNoRetryStormAndANewLoginBringsTicksBackWithoutARestart() throws Exception {
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(9, 16), Duration.ofSeconds(5), Duration.ofMillis(200))) {
            h.login();
            h.runUntil(ev -> ticks(ev, false).size() > 5, WAIT, "live ticks");
            h.sim.faults().refuseTokens();
            h.sim.faults().dropConnections();
            h.runUntil(ev -> h.feed.status().auth() == AuthState.LOGIN_REQUIRED, WAIT, "LOGIN_REQUIRED");
            h.runFor(Duration.ofSeconds(3));
            assertThat(h.feed.status().connection()).isEqualTo(ConnectionState.WAITING_FOR_LOGIN);
            assertThat(h.feed.status().message()).contains("refused").contains("/api/auth/login");
            assertThat(h.sim.stats().upgradesRefused()).as("one refused attempt, then it waits").isEqualTo(1);

            long liveBefore = h.liveTicks();
            h.login();
            h.runUntil(ev -> h.liveTicks() > liveBefore + 5, WAIT, "ticks with the new token");
            assertThat(h.feed.status().auth()).isEqualTo(AuthState.VALID);
            assertThat(h.feed.status().connects()).isEqualTo(2);
        }
    }

    @Test
    void theOptionWindowAroundTheMoneyIsSubscribedOnceTheIndexPriceIsKnownAndItsTicksCarryOpenInterest() throws Exception {
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(9, 16), Duration.ofSeconds(5), Duration.ofMillis(500))) {
            h.login();
            // Index + future, then 2 strikes each side of the money: 5 calls and 5 puts.
            h.runUntil(ev -> h.feed.status().subscribedTokens() == 12
                    && ticks(ev, false).stream().map(t -> t.token).distinct().count() >= 6, WAIT, "option ticks");
            List<Tick> options = ticks(h.events, false).stream().filter(t -> t.token != NIFTY && t.openInterest > 0
                    && h.sim.instruments().stream().anyMatch(i -> i.token() == t.token && i.strike() > 0)).toList();
            assertThat(options).isNotEmpty();
            assertThat(h.sim.stats().subscribeMessages()).as("the core, then the window").isEqualTo(2);
        }
    }

    @Test
    void malformedFramesAreCountedAndTheStreamContinues() throws Exception {
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(9, 16), Duration.ofSeconds(5), Duration.ofMillis(500))) {
            h.login();
            h.runUntil(ev -> ticks(ev, false).size() > 5, WAIT, "live ticks");
            h.sim.faults().sendMalformedFrames(3);
            long before = h.liveTicks();
            h.runUntil(ev -> h.feed.status().malformedFrames() + h.feed.status().malformedPackets() >= 3
                    && h.liveTicks() > before + 5, WAIT, "malformed frames counted and ticks after them");
            assertThat(h.feed.status().connects()).as("no reconnect for bad frames").isEqualTo(1);
        }
    }

    @Test
    void silenceMakesTheWatchdogReconnect() throws Exception {
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(9, 16), Duration.ofMillis(1500), Duration.ofMillis(200))) {
            h.login();
            h.runUntil(ev -> ticks(ev, false).size() > 5, WAIT, "live ticks");
            h.sim.faults().silence(Duration.ofSeconds(3));
            h.runUntil(ev -> h.feed.status().watchdogReconnects() >= 1, WAIT, "a watchdog reconnect");
            long before = h.liveTicks();
            h.runUntil(ev -> h.liveTicks() > before + 5 && h.feed.status().connection() == ConnectionState.CONNECTED,
                    WAIT, "ticks after the silence");
        }
    }

    @Test
    void atTheCloseItDisconnectsEmitsMarketClosedAndMakesNoMoreAttempts() throws Exception {
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(15, 33), Duration.ofSeconds(5), Duration.ofMillis(200))) {
            h.login();
            h.runUntil(ev -> ev.stream().anyMatch(e -> e instanceof FeedEvent.MarketClosed), WAIT, "the close");
            FeedEvent.MarketClosed closed = (FeedEvent.MarketClosed) h.events.stream()
                    .filter(e -> e instanceof FeedEvent.MarketClosed).findFirst().orElseThrow();
            assertThat(closed.marketMillis()).isGreaterThanOrEqualTo(FeedHarness.DAY.atTime(15, 35).toInstant(MarketTime.IST).toEpochMilli());
            assertThat(h.sim.stats().connectionsAccepted()).isEqualTo(1);
            h.runFor(Duration.ofSeconds(2));
            assertThat(h.feed.status().connection()).isEqualTo(ConnectionState.OFF_SCHEDULE);
            assertThat(h.sim.stats().openConnections()).isZero();
            assertThat(h.sim.stats().connectionsAccepted()).as("no attempts while closed").isEqualTo(1);
            assertThat(h.events.stream().filter(e -> e instanceof FeedEvent.MarketClosed)).hasSize(1);
        }
    }

    @Test
    void startedOutsideTheConnectHoursItNeverConnects() throws Exception {
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(20, 0), Duration.ofSeconds(5), Duration.ofMillis(200))) {
            h.login();
            h.runFor(Duration.ofSeconds(2));
            assertThat(h.events).singleElement().isInstanceOf(FeedEvent.MarketClosed.class);
            assertThat(h.sim.stats().connectionsAccepted() + h.sim.stats().upgradesRefused()).isZero();
            assertThat(h.feed.status().message()).contains("next connect is 2026-11-30T08:55");
        }
    }

    @Test
    void aRestartFromACheckpointInsideTheSessionReportsAndBackfillsTheGapSinceTheCheckpoint() throws Exception {
        // The checkpoint says the feed last emitted a tick at 09:18:30 with the future's day volume at 12,345.
        long checkpointed = FeedHarness.DAY.atTime(9, 18, 30).toInstant(MarketTime.IST).toEpochMilli();
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(9, 25), Duration.ofSeconds(5), Duration.ofMillis(200),
                null, FeedResume.of(checkpointed, Map.of()))) {
            h.login();
            h.runUntil(ev -> h.feed.status().gaps() == 1 && h.liveTicks() > 5, WAIT, "the gap since the checkpoint");
            FeedStatus s = h.feed.status();
            assertThat(s.lastGap()).startsWith("2026-11-27T09:18:30+05:30 -> ");
            // 09:19 to at least 09:24 are whole minutes inside the gap.
            assertThat(s.backfilledMinutes()).isGreaterThanOrEqualTo(6);
            List<Tick> backfilled = ticks(h.events, true);
            assertThat(backfilled).isNotEmpty();
            assertThat(backfilled.get(0).exchangeTime)
                    .isEqualTo(FeedHarness.DAY.atTime(9, 19).toInstant(MarketTime.IST).toEpochMilli());
            long firstLive = ticks(h.events, false).get(0).exchangeTime;
            assertThat(backfilled).allSatisfy(t -> assertThat(t.exchangeTime).isLessThan(MarketTime.minuteStart(firstLive)));
        }
    }

    @Test
    void anEditedCalendarFileIsPickedUpWithoutARestart() throws Exception {
        Path calendar = dir.resolve("calendar.json");
        java.nio.file.Files.writeString(calendar, "{\"holidays\":[{\"date\":\"2026-11-27\",\"description\":\"test closure\"}]}");
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(9, 16), Duration.ofSeconds(5), Duration.ofMillis(200), calendar)) {
            h.login();
            h.runFor(Duration.ofSeconds(2));
            assertThat(h.feed.status().connection()).isEqualTo(ConnectionState.OFF_SCHEDULE);
            assertThat(h.sim.stats().connectionsAccepted()).as("a holiday: no attempt").isZero();
            java.nio.file.Files.writeString(calendar, "{\"holidays\":[]}");
            h.runUntil(ev -> h.liveTicks() > 5, WAIT, "ticks once the holiday is removed");
            assertThat(h.sim.stats().connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void anOperatorCanStopTheFeedAndStartItAgain() throws Exception {
        try (FeedHarness h = new FeedHarness(dir, LocalTime.of(9, 16), Duration.ofSeconds(5), Duration.ofMillis(200))) {
            h.login();
            h.runUntil(ev -> ticks(ev, false).size() > 5, WAIT, "live ticks");
            FeedControlFile control = new FeedControlFile(h.state.controlFile());
            control.write(FeedSchedule.Override.FORCE_OFF, "test");
            h.runUntil(ev -> h.feed.status().connection() == ConnectionState.STOPPED, WAIT, "STOPPED");
            assertThat(h.events).anyMatch(e -> e instanceof FeedEvent.MarketClosed);
            control.write(FeedSchedule.Override.NONE, "test");
            long before = h.liveTicks();
            h.runUntil(ev -> h.liveTicks() > before + 5, WAIT, "ticks after the restart");
            assertThat(h.feed.status().connects()).isEqualTo(2);
        }
    }
}
