package com.tradesignal.source.kite.feed;

import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.kite.rest.KiteRestClient;
import com.tradesignal.market.FeedSchedule;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import com.tradesignal.simulator.KiteSimulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real simulator on a fast market clock (60x: a market minute per wall second) and a feed pointed at it, with
 * the token store in a temporary state directory. Drives the feed the way the source's fetcher thread does.
 */
final class FeedHarness implements AutoCloseable {
    /** Friday 2026-11-27, a regular session. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    final KiteSimulator sim;
    final StateDirectory state;
    final FileTokenStore tokens;
    final KiteFeed feed;
    final List<FeedEvent> events = new ArrayList<>();

    FeedHarness(Path dir, LocalTime start, Duration staleAfter, Duration backoff) {
        this(dir, start, staleAfter, backoff, null);
    }

    FeedHarness(Path dir, LocalTime start, Duration staleAfter, Duration backoff, Path calendarFile) {
        this(dir, start, staleAfter, backoff, calendarFile, FeedResume.fresh());
    }

    FeedHarness(Path dir, LocalTime start, Duration staleAfter, Duration backoff, Path calendarFile, FeedResume resume) {
        MarketClock clock = MarketClock.simulated(DAY.atTime(start).toInstant(MarketTime.IST), 60);
        sim = KiteSimulator.builder().clock(clock).build().start();
        state = new StateDirectory(dir);
        tokens = new FileTokenStore(state.tokenFile());
        FeedSettings settings = new FeedSettings(sim.apiKey(), sim.endpoints(), clock,
                FeedSchedule.of(MarketCalendar.defaults()), List.of("NIFTY"), List.of(), staleAfter, backoff,
                backoff.multipliedBy(2), Duration.ofSeconds(5), true, dir.toString(), 2, 2,
                calendarFile == null ? null : calendarFile.toString());
        feed = new KiteFeed("kite-0", settings, new KiteRestClient(sim.endpoints(), sim.apiKey()), tokens,
                resume, () -> { }, null);
    }

    void login() {
        tokens.save(sim.issueAccessToken());
    }

    /** Steps and drains until {@code done} holds for the events so far; fails after {@code within}. */
    List<FeedEvent> runUntil(Predicate<List<FeedEvent>> done, Duration within, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + within.toMillis();
        while (true) {
            feed.step();
            feed.drain(events, 10_000);
            if (done.test(events)) {
                return events;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; feed status " + feed.status());
            }
            Thread.sleep(20);
        }
    }

    /** Steps and drains for a while, whatever happens. */
    void runFor(Duration d) throws InterruptedException {
        long until = System.currentTimeMillis() + d.toMillis();
        while (System.currentTimeMillis() < until) {
            feed.step();
            feed.drain(events, 10_000);
            Thread.sleep(20);
        }
    }

    long liveTicks() {
        return events.stream().filter(e -> e instanceof FeedEvent.TickEvent t && !t.backfilled()).count();
    }

    @Override
    public void close() {
        feed.close();
        sim.close();
    }
}
