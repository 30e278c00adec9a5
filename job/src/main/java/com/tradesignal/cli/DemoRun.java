package com.tradesignal.cli;

import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.FeedControlFile;
import com.tradesignal.kite.feed.FeedStatusFiles;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.kite.rest.KiteRestClient;
import com.tradesignal.market.FeedSchedule;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.publisher.AccessGuard;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.auth.KiteLogin;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.EmbeddedBoards;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import com.tradesignal.simulator.KiteSimulator;
import com.tradesignal.source.kite.KiteSource;
import org.apache.flink.core.execution.JobClient;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded product, running: the simulator standing in for Kite, the job on a MiniCluster, and the publisher
 * with its board in the same JVM (no broker). The job's sinks feed the board directly; the board outlives a restart
 * of the publisher's server, which {@link #restartPublisher} does (the browser test uses it).
 */
public final class DemoRun implements AutoCloseable {

    /**
     * @param port   the publisher's port; 0 picks a free one
     * @param access the dashboard's access token, if any
     */
    public record Settings(Path out, LocalDate day, LocalTime start, double speed, double ticksPerSecond,
                           int parallelism, String host, int port, AccessGuard access) {
        public Settings(Path out, LocalDate day, LocalTime start, double speed, double ticksPerSecond, int parallelism,
                        String host, int port) {
            this(out, day, start, speed, ticksPerSecond, parallelism, host, port, AccessGuard.open());
        }
    }

    private final Settings settings;
    private final MarketClock clock;
    private final StateDirectory state;
    private final KiteSimulator sim;
    private final MarketBoard board;
    private final String boardName;
    private final KiteLogin login;
    private final int port;
    private PublisherServer publisher;
    private JobClient job;

    private DemoRun(Settings settings, MarketClock clock, StateDirectory state, KiteSimulator sim, MarketBoard board,
                    String boardName, KiteLogin login, PublisherServer publisher) {
        this.settings = settings;
        this.clock = clock;
        this.state = state;
        this.sim = sim;
        this.board = board;
        this.boardName = boardName;
        this.login = login;
        this.publisher = publisher;
        this.port = publisher.port();
    }

    public static DemoRun start(Settings s, PrintStream log) throws Exception {
        Instant marketStart = MarketClockOption.at(s.day(), s.start());
        MarketClock clock = MarketClock.simulated(marketStart, Instant.now(), s.speed());
        Files.createDirectories(s.out());
        StateDirectory state = new StateDirectory(s.out().resolve("state"));
        new FeedControlFile(state.controlFile()).write(FeedSchedule.Override.NONE, "demo");
        new FileTokenStore(state.tokenFile()).clear();
        String boardName = "demo-" + UUID.randomUUID();
        MarketBoard board = new MarketBoard(DataSource.SIMULATED, new PublisherMetrics());
        EmbeddedBoards.register(boardName, board);
        KiteSimulator sim = null;
        PublisherServer publisher = null;
        try {
            // The simulator's login redirects to the publisher's callback, so the port is settled first.
            int port = s.port() != 0 ? s.port() : freePort();
            sim = KiteSimulator.builder().port(0).clock(clock).ticksPerSecond(s.ticksPerSecond())
                    .redirectUrl("http://127.0.0.1:" + port + "/api/auth/callback").build().start();
            KiteLogin login = new KiteLogin(new KiteRestClient(sim.endpoints(), sim.apiKey()), sim.apiSecret(),
                    new FileTokenStore(state.tokenFile()), state, clock);
            try {
                publisher = PublisherServer.start(config(s, board, clock, login, state, port));
            } catch (RuntimeException e) {
                throw new IllegalStateException("the publisher cannot listen on " + s.host() + ":" + port
                        + " (is another TradeSignal running? try --port 0): " + e.getMessage(), e);
            }
            DemoRun demo = new DemoRun(s, clock, state, sim, board, boardName, login, publisher);
            log.printf("Simulator %s, %s session from %s at %.0fx; publisher http://%s:%d%n",
                    sim.endpoints().apiRoot(), s.day(), s.start(), s.speed(), s.host(), port);
            demo.login(log);
            KiteSource source = KiteSource.builder().apiKey(sim.apiKey()).endpoints(sim.endpoints()).clock(clock)
                    .stateDirectory(state.root()).build();
            demo.job = LiveRun.start(new LiveRun.Request(source, s.out(), s.parallelism(), Duration.ofSeconds(2), null,
                    null, true).publishingTo(boardName), log);
            return demo;
        } catch (Exception | Error e) {
            if (publisher != null) publisher.close();
            if (sim != null) sim.close();
            EmbeddedBoards.unregister(boardName);
            board.close();
            throw e;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static PublisherServer.Config config(Settings s, MarketBoard board, MarketClock clock, KiteLogin login,
                                                 StateDirectory state, int port) {
        return PublisherServer.Config.of(s.host(), port, board).withClock(clock).withCalendar(MarketCalendar.defaults())
                .withLogin(login, state).withAccess(s.access());
    }

    public String dashboardUrl() {
        String host = settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host();
        return "http://" + host + ":" + port + "/";
    }

    public int port() {
        return port;
    }

    public MarketClock clock() {
        return clock;
    }

    public StateDirectory state() {
        return state;
    }

    public MarketBoard board() {
        return board;
    }

    /** Does what a browser does: publisher login → simulator login page → publisher callback. */
    private void login(PrintStream log) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"));
        settings.access().authorizationHeader().ifPresent(h -> request.header("Authorization", h));
        HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("the simulated login failed: HTTP " + page.statusCode() + " " + page.body());
        }
        log.println("Logged in to the simulator through the publisher's callback (token stored 0600).");
    }

    public void awaitFirstTicks(Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (FeedStatusFiles.readAll(state.statusDirectory()).stream().noneMatch(f -> f.ticks() > 0)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the feed did not start within " + timeout.toSeconds() + " s: "
                        + FeedStatusFiles.readAll(state.statusDirectory()));
            }
            Thread.sleep(200);
        }
    }

    /** Stops the publisher's server (its clients see the connection drop); the board and the job go on. */
    public synchronized void stopPublisher() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }

    /** Starts the publisher's server again on the same port and board. */
    public synchronized void startPublisher() {
        if (publisher == null) {
            publisher = PublisherServer.start(config(settings, board, clock, login, state, port));
        }
    }

    public void restartPublisher(Duration down) throws InterruptedException {
        stopPublisher();
        Thread.sleep(down.toMillis());
        startPublisher();
    }

    /** Closes the session the way the exchange does (the feed stops, the watermark moves on, the last candles close). */
    public void endSession() throws Exception {
        new FeedControlFile(state.controlFile()).write(FeedSchedule.Override.FORCE_OFF, "demo");
        Thread.sleep(4000);
    }

    public Set<Long> optionTokens() {
        Set<Long> options = new HashSet<>();
        sim.instruments().forEach(i -> {
            if (i.type() == InstrumentType.CE || i.type() == InstrumentType.PE) {
                options.add(i.token());
            }
        });
        return options;
    }

    @Override
    public void close() throws Exception {
        try {
            if (job != null) job.cancel().get();
        } finally {
            stopPublisher();
            sim.close();
            EmbeddedBoards.unregister(boardName);
            board.close();
        }
    }
}
