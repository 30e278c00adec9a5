package com.tradesignal.cli;

import com.tradesignal.market.MarketCalendar;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.auth.KiteLogin;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.EmbeddedBoards;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.metrics.PublisherMetrics;

import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.MarketClock;
import com.tradesignal.source.kite.KiteSource;
import org.apache.flink.core.execution.JobClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./tradesignal live}: the job on Kite's live feed (or a simulator), on the embedded MiniCluster. */
@Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the job on the live Kite feed on an embedded Flink MiniCluster until stopped (Ctrl-C), "
                + "writing candles and signals to DIR. It connects at 08:55 IST and disconnects at 15:35 on trading days "
                + "by itself, waits for a login when there is no valid session, and reconnects by itself.",
                "Log in with ./tradesignal publisher (it needs KITE_API_SECRET); the session is shared through the "
                        + "token file in the state directory. No secret is passed to the job."})
final class LiveCommand implements Callable<Integer> {

    @Option(names = "--api-key", required = true, defaultValue = "${env:KITE_API_KEY}", description = "Kite API key (default: $KITE_API_KEY).")
    String apiKey;

    @Option(names = "--kite-url", paramLabel = "URL", description = "Base URL of a Kite-protocol server such as ./tradesignal simulate (default: Kite itself).")
    String kiteUrl;

    @Option(names = "--market-clock", paramLabel = "MARKET,WALL,SPEED", converter = MarketClockOption.class,
            description = "A simulated market clock, as ./tradesignal simulate prints it (only with --kite-url).")
    MarketClock clock;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Token file, feed switch and status (default: ~/.tradesignal).")
    Path stateDir;

    @Option(names = "--calendar", paramLabel = "FILE",
            description = "Exchange calendar file (docs/calendar.md), re-read when it changes (default: the built-in calendar).")
    Path calendar;

    @Option(names = "--out", defaultValue = "live-out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--underlyings", split = ",", defaultValue = "NIFTY,BANKNIFTY,SENSEX", description = "Default: ${DEFAULT-VALUE}.")
    List<String> underlyings;

    @Option(names = "--parallelism", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = DurationConverter.class, description = "Default: ${DEFAULT-VALUE}.")
    Duration checkpointInterval;

    @Option(names = "--from-savepoint", paramLabel = "PATH", description = "Resume from a savepoint or retained checkpoint.")
    Path savepoint;

    @Option(names = "--dashboard-port", paramLabel = "PORT",
            description = "Also run the publisher and the dashboard in this process on PORT (embedded mode, no broker); "
                    + "with KITE_API_SECRET set it carries the Kite login too, so no separate ./tradesignal publisher is needed.")
    Integer dashboardPort;

    @Option(names = "--dashboard-host", defaultValue = "127.0.0.1", description = "Default: ${DEFAULT-VALUE}.")
    String dashboardHost;

    @picocli.CommandLine.Mixin
    AccessTokenOption accessToken;

    @Override
    public Integer call() throws Exception {
        if (clock != null && kiteUrl == null) {
            throw new IllegalArgumentException("--market-clock needs --kite-url: Kite itself runs on the wall clock");
        }
        KiteEndpoints endpoints = kiteUrl == null ? KiteEndpoints.KITE : KiteEndpoints.at(kiteUrl);
        StateDirectory state = stateDir != null ? new StateDirectory(stateDir) : StateDirectory.defaultLocation();
        KiteSource source = KiteSource.builder().apiKey(apiKey).endpoints(endpoints)
                .clock(clock != null ? clock : MarketClock.system()).underlyings(underlyings)
                .stateDirectory(state.root()).calendarFile(calendar).build();
        LiveRun.Request request = new LiveRun.Request(source, out, parallelism, checkpointInterval, null, savepoint,
                !endpoints.isKite());
        if (dashboardPort != null) {
            MarketBoard board = new MarketBoard(endpoints.isKite() ? DataSource.LIVE : DataSource.SIMULATED, new PublisherMetrics());
            String name = "live-" + java.util.UUID.randomUUID();
            EmbeddedBoards.register(name, board);
            MarketClock marketClock = clock != null ? clock : MarketClock.system();
            KiteLogin login = PublisherCommand.login(apiKey, endpoints, state, marketClock);
            PublisherServer server = PublisherServer.start(PublisherServer.Config.of(dashboardHost, dashboardPort, board)
                    .withClock(marketClock).withLogin(login, state)
                    .withCalendar(calendar != null ? MarketCalendar.load(calendar) : MarketCalendar.defaults())
                    .withAccess(accessToken.guard()));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            System.out.println("Dashboard: http://" + dashboardHost + ":" + server.port() + "/");
            request = request.publishingTo(name);
        }
        JobClient job = LiveRun.start(request, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> job.cancel().join()));
        System.err.println("Feed status: " + state.statusDirectory() + "  (stop/start: ./tradesignal feed stop|start|auto)");
        job.getJobExecutionResult().get();
        return 0;
    }
}
