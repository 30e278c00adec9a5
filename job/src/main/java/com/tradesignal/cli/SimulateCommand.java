package com.tradesignal.cli;

import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.simulator.KiteSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ./tradesignal simulate}: a local server speaking Kite's protocols, serving a SIMULATED market. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a local Kite-protocol simulator: the binary WebSocket ticker and the REST endpoints "
                + "TradeSignal uses (login, session exchange, instruments, historical candles), serving a generated "
                + "market of NIFTY 50, NIFTY BANK, SENSEX and their near-month futures. Everything it serves is SIMULATED.",
                "Faults on command: POST /sim/faults/drop, /sim/faults/refuse-tokens, /sim/faults/silence?seconds=N, "
                        + "/sim/faults/malformed?count=N; GET /sim/status."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8600", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Session to simulate (default: the latest trading day).")
    LocalDate date;

    @Option(names = "--start", defaultValue = "09:14", paramLabel = "HH:MM", description = "Market time (IST) at start (default: ${DEFAULT-VALUE}).")
    LocalTime start;

    @Option(names = "--speed", defaultValue = "1", description = "Market seconds per wall second (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--redirect-url", defaultValue = "http://127.0.0.1:8000/api/auth/callback",
            description = "Where the login page sends the browser (default: ${DEFAULT-VALUE}, the publisher's callback).")
    String redirectUrl;

    @Option(names = "--ticks-per-second", defaultValue = "2", description = "Ticks per second per instrument (default: ${DEFAULT-VALUE}).")
    double ticksPerSecond;

    @Override
    public Integer call() throws Exception {
        MarketCalendar calendar = MarketCalendar.defaults();
        LocalDate day = date != null ? date : MarketClockOption.latestTradingDay(calendar);
        Instant marketStart = MarketClockOption.at(day, start);
        Instant wallStart = Instant.now();
        MarketClock clock = MarketClock.simulated(marketStart, wallStart, speed);
        KiteSimulator sim = KiteSimulator.builder().host(host).port(port).clock(clock).redirectUrl(redirectUrl)
                .ticksPerSecond(ticksPerSecond).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("SIMULATED Kite on http://" + host + ":" + sim.port() + " (WebSocket " + sim.endpoints().websocketUrl() + ")");
        System.out.println("  API key " + sim.apiKey() + ", API secret " + sim.apiSecret() + " (the simulator's own, not an account's)");
        System.out.println("  market clock " + clock);
        System.out.println("Run the job against it:");
        System.out.println("  ./tradesignal live --api-key " + sim.apiKey() + " --kite-url http://" + host + ":" + sim.port()
                + " --market-clock " + MarketClockOption.format(marketStart, wallStart, speed));
        System.out.println("and log in through the publisher (KITE_API_SECRET=" + sim.apiSecret() + "):");
        System.out.println("  ./tradesignal publisher --api-key " + sim.apiKey() + " --kite-url http://" + host + ":" + sim.port());
        new CountDownLatch(1).await();
        return 0;
    }
}
