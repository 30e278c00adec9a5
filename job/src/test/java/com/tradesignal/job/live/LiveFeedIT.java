package com.tradesignal.job.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.cli.LiveRun;
import com.tradesignal.kite.auth.AuthState;
import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.ConnectionState;
import com.tradesignal.kite.feed.FeedControlFile;
import com.tradesignal.kite.feed.FeedStatus;
import com.tradesignal.kite.feed.FeedStatusFiles;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.kite.rest.KiteRestClient;
import com.tradesignal.market.FeedSchedule;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.auth.KiteLogin;
import com.tradesignal.simulator.KiteSimulator;
import com.tradesignal.source.kite.KiteSource;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live path end to end on an embedded Flink cluster: the Kite-protocol simulator (market clock at 60x, so a
 * market minute passes each second), the Kite source over a real WebSocket, candles on RocksDB, the publisher's login
 * callback. One job run goes through an open market, a dropped connection, a refused token and a new login, and the
 * close, without a restart.
 */
class LiveFeedIT {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NIFTY = 256265L;

    @TempDir
    Path dir;

    @Test
    void theLiveJobSurvivesADropARefusedTokenAndAnOperatorStopWithoutARestart() throws Exception {
        int publisherPort;
        try (ServerSocket s = new ServerSocket(0)) {
            publisherPort = s.getLocalPort();
        }
        MarketClock clock = MarketClock.simulated(DAY.atTime(9, 14).toInstant(MarketTime.IST), 60);
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        Path out = dir.resolve("out");
        try (KiteSimulator sim = KiteSimulator.builder().clock(clock)
                .redirectUrl("http://127.0.0.1:" + publisherPort + "/api/auth/callback").build().start();
             PublisherServer publisher = PublisherServer.start("127.0.0.1", publisherPort,
                     new KiteLogin(new KiteRestClient(sim.endpoints(), sim.apiKey()), sim.apiSecret(),
                             new FileTokenStore(state.tokenFile()), state, clock), state)) {
            login(publisherPort);
            KiteSource source = KiteSource.builder().apiKey(sim.apiKey()).endpoints(sim.endpoints()).clock(clock)
                    .underlyings(List.of("NIFTY", "BANKNIFTY")).maxConnections(2).stateDirectory(state.root())
                    .backoff(Duration.ofSeconds(4), Duration.ofSeconds(8)).staleAfter(Duration.ofSeconds(5)).build();
            JobClient job = LiveRun.start(new LiveRun.Request(source, out, 2, Duration.ofSeconds(1), null, null, true), System.err);
            try {
                // Market open: ticks become candles.
                await(() -> oneMinuteStarts(out, NIFTY).size() >= 3, Duration.ofSeconds(90), "NIFTY 1m candles");

                // A dropped connection: reconnect, and the gap's minutes are backfilled, so no minute is missing.
                long dropAt = clock.now();
                sim.faults().dropConnections();
                await(() -> feeds(state).stream().allMatch(f -> f.gaps() >= 1 && f.connection() == ConnectionState.CONNECTED),
                        Duration.ofSeconds(60), "reconnects");
                await(() -> oneMinuteStarts(out, NIFTY).ceiling(MarketTime.minuteStart(clock.now()) - 120_000L) != null,
                        Duration.ofSeconds(60), "candles after the reconnect");
                assertThat(feeds(state)).allSatisfy(f -> assertThat(f.backfilledMinutes()).isPositive());
                TreeSet<Long> minutes = oneMinuteStarts(out, NIFTY);
                long gapStart = MarketTime.minuteStart(dropAt) - 120_000L;
                for (long m = gapStart; m <= minutes.last(); m += 60_000L) {
                    assertThat(minutes).as("1m candle at " + MarketTime.isoIst(m)).contains(m);
                }

                // A refused token: LOGIN_REQUIRED at once, one refused upgrade per connection, no storm.
                long refusedBefore = sim.stats().upgradesRefused();
                sim.faults().refuseTokens();
                sim.faults().dropConnections();
                await(() -> feeds(state).stream().allMatch(f -> f.auth() == AuthState.LOGIN_REQUIRED),
                        Duration.ofSeconds(60), "LOGIN_REQUIRED");
                Thread.sleep(3000);
                assertThat(sim.stats().upgradesRefused() - refusedBefore).isEqualTo(2);
                assertThat(get("http://127.0.0.1:" + publisherPort + "/api/auth/status")).contains("LOGIN_REQUIRED");

                // A new login through the callback: VALID and candles again, same job.
                login(publisherPort);
                long relogin = clock.now();
                await(() -> feeds(state).stream().allMatch(f -> f.auth() == AuthState.VALID && f.connection() == ConnectionState.CONNECTED),
                        Duration.ofSeconds(60), "VALID again");
                await(() -> oneMinuteStarts(out, NIFTY).last() > relogin, Duration.ofSeconds(60), "candles after the new login");
                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

                // An operator stop: disconnected, and no attempts while stopped.
                new FeedControlFile(state.controlFile()).write(FeedSchedule.Override.FORCE_OFF, "test");
                await(() -> feeds(state).stream().allMatch(f -> f.connection() == ConnectionState.STOPPED),
                        Duration.ofSeconds(30), "STOPPED");
                long accepted = sim.stats().connectionsAccepted();
                Thread.sleep(3000);
                assertThat(sim.stats().connectionsAccepted()).isEqualTo(accepted);
                assertThat(sim.stats().openConnections()).isZero();
            } finally {
                job.cancel().get();
            }
        }
    }

    @Test
    void atTheCloseTheFeedGoesIdleAndTheSessionsLastCandlesAreEmitted() throws Exception {
        MarketClock clock = MarketClock.simulated(DAY.atTime(15, 0).toInstant(MarketTime.IST), 60);
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        Path out = dir.resolve("out");
        try (KiteSimulator sim = KiteSimulator.builder().clock(clock).build().start()) {
            new FileTokenStore(state.tokenFile()).save(sim.issueAccessToken());
            KiteSource source = KiteSource.builder().apiKey(sim.apiKey()).endpoints(sim.endpoints()).clock(clock)
                    .underlyings(List.of("NIFTY")).stateDirectory(state.root()).build();
            JobClient job = LiveRun.start(new LiveRun.Request(source, out, 1, Duration.ofSeconds(1), null, null, true), System.err);
            try {
                long lastMinute = DAY.atTime(15, 29).toInstant(MarketTime.IST).toEpochMilli();
                long lastQuarter = DAY.atTime(15, 15).toInstant(MarketTime.IST).toEpochMilli();
                // No tick comes after 15:30: only the feed's close (at 15:35) can close these candles.
                await(() -> oneMinuteStarts(out, NIFTY).contains(lastMinute) && starts(out, NIFTY, "15m").contains(lastQuarter),
                        Duration.ofSeconds(90), "the 15:29 1m and 15:15 15m candles");
                assertThat(feeds(state)).singleElement().satisfies(f -> {
                    assertThat(f.connection()).isEqualTo(ConnectionState.OFF_SCHEDULE);
                    assertThat(f.message()).contains("market closed").contains("2026-11-30T08:55");
                });
                assertThat(sim.stats().openConnections()).isZero();
            } finally {
                job.cancel().get();
            }
        }
    }

    private static void login(int publisherPort) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + publisherPort + "/api/auth/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Logged in to Kite");
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<FeedStatus> feeds(StateDirectory state) {
        try {
            return FeedStatusFiles.readAll(state.statusDirectory());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static TreeSet<Long> oneMinuteStarts(Path out, long token) {
        return starts(out, token, "1m");
    }

    /** Start times of one token's candles of one interval in the candles file. */
    private static TreeSet<Long> starts(Path out, long token, String interval) {
        TreeSet<Long> starts = new TreeSet<>();
        Path file = out.resolve("candles.jsonl");
        if (!Files.exists(file)) {
            return starts;
        }
        try {
            for (String line : new ArrayList<>(Files.readAllLines(file))) {
                if (line.isBlank() || !line.endsWith("}")) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                if (n.path("token").asLong() == token && interval.equals(n.path("interval").asText())) {
                    starts.add(java.time.OffsetDateTime.parse(n.path("start").asText()).toInstant().toEpochMilli());
                }
            }
        } catch (Exception e) {
            return starts;
        }
        return starts;
    }

    private static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + within.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
