package com.tradesignal.source.kite;

import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.FeedSchedule;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.source.kite.feed.FeedSettings;
import com.tradesignal.source.kite.split.KiteSplitPlanner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds a {@link KiteSource}; only the API key is required. */
public final class KiteSourceBuilder {
    private String apiKey;
    private KiteEndpoints endpoints = KiteEndpoints.KITE;
    private MarketClock clock = MarketClock.system();
    private FeedSchedule schedule = FeedSchedule.of(MarketCalendar.defaults());
    private List<String> underlyings = List.of("NIFTY", "BANKNIFTY", "SENSEX");
    private List<Long> extraTokens = List.of();
    private Duration staleAfter = Duration.ofSeconds(10);
    private Duration backoffInitial = Duration.ofSeconds(1);
    private Duration backoffMax = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private boolean backfill = true;
    private Path stateDirectory = StateDirectory.defaultLocation().root();
    private int maxConnections = KiteSplitPlanner.KITE_MAX_CONNECTIONS;
    private int optionStrikesEachSide = 10;
    private int recentreHysteresis = 2;
    private Path calendarFile;

    KiteSourceBuilder() {
    }

    public KiteSourceBuilder apiKey(String v) { apiKey = v; return this; }
    public KiteSourceBuilder endpoints(KiteEndpoints v) { endpoints = v; return this; }
    public KiteSourceBuilder clock(MarketClock v) { clock = v; return this; }
    public KiteSourceBuilder schedule(FeedSchedule v) { schedule = v; return this; }
    public KiteSourceBuilder underlyings(List<String> v) { underlyings = List.copyOf(v); return this; }
    public KiteSourceBuilder extraTokens(List<Long> v) { extraTokens = List.copyOf(v); return this; }
    public KiteSourceBuilder staleAfter(Duration v) { staleAfter = v; return this; }
    public KiteSourceBuilder backoff(Duration initial, Duration max) { backoffInitial = initial; backoffMax = max; return this; }
    public KiteSourceBuilder connectTimeout(Duration v) { connectTimeout = v; return this; }
    public KiteSourceBuilder backfill(boolean v) { backfill = v; return this; }
    public KiteSourceBuilder stateDirectory(Path v) { stateDirectory = v; return this; }
    public KiteSourceBuilder maxConnections(int v) { maxConnections = v; return this; }
    /** Option strikes each side of the money for the put-call ratio (default 10; 0 subscribes no options). */
    public KiteSourceBuilder optionStrikesEachSide(int v) { optionStrikesEachSide = v; return this; }
    public KiteSourceBuilder recentreHysteresis(int strikes) { recentreHysteresis = strikes; return this; }
    /** A calendar file the feeds re-read when it changes (docs/calendar.md); default: the built-in calendar. */
    public KiteSourceBuilder calendarFile(Path v) { calendarFile = v; return this; }

    public KiteSource build() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a Kite API key is required (it is public: the secret is not needed here)");
        }
        FeedSettings feed = new FeedSettings(apiKey, endpoints, clock, schedule, underlyings, extraTokens, staleAfter,
                backoffInitial, backoffMax, connectTimeout, backfill, stateDirectory.toAbsolutePath().toString(),
                optionStrikesEachSide, recentreHysteresis,
                calendarFile == null ? null : calendarFile.toAbsolutePath().toString());
        if (calendarFile != null) {
            // Fails now, naming the file, line and field, rather than in a reader at 08:55.
            com.tradesignal.market.MarketCalendar.load(calendarFile);
        }
        // Fails now, at job build time, if the instruments cannot fit Kite's limits.
        KiteSplitPlanner.plan(underlyings, extraTokens, optionStrikesEachSide, maxConnections,
                KiteSplitPlanner.KITE_MAX_TOKENS_PER_CONNECTION);
        return new KiteSource(new KiteSourceOptions(feed, maxConnections));
    }
}
