package com.tradesignal.bench.latency;

import com.tradesignal.cli.LiveRun;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.FeedControlFile;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.FeedSchedule;
import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.EmbeddedBoards;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import com.tradesignal.sim.SimulatedInstrument;
import com.tradesignal.simulator.KiteSimulator;
import com.tradesignal.simulator.SimulatorStats;
import com.tradesignal.source.kite.KiteSource;
import com.tradesignal.source.kite.feed.FeedProbe;
import org.HdrHistogram.Histogram;
import org.apache.flink.core.execution.JobClient;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One live-latency set-up in this JVM, as {@code ./tradesignal demo} runs the product: the Kite-protocol simulator
 * serving {@code instruments} instruments at market speed 1 during the normal market, the live job on an embedded
 * MiniCluster (Kite source, RocksDB, checkpoints) publishing to an in-JVM board, the publisher on 127.0.0.1, and
 * WebSocket clients. For each client count in turn it connects clients up to that count, warms up, and measures.
 *
 * <p>The instruments are the three indices and their near-month futures (the only ones whose prices reach the
 * clients) plus synthetic futures, all subscribed by the job's source in full mode with no option window, so the
 * feed carries exactly {@code instruments} instruments and the rate per instrument sets the total.
 */
final class LiveLatencyRun {

    /**
     * @param alignWindows start each measurement at second 35 of a market minute, so that every window spans one
     *                     minute boundary (when every instrument's one-minute candle closes) and the windows of a
     *                     sweep are alike
     */
    record Settings(int instruments, double ticksPerInstrument, List<Integer> clientCounts, Duration warmUp,
                    Duration measure, boolean alignWindows, int parallelism, Duration checkpointInterval) {
        Settings {
            if (instruments < 6) throw new IllegalArgumentException("at least the 6 published instruments: " + instruments);
            clientCounts = List.copyOf(clientCounts);
        }
    }

    /** What one measurement window saw. Rates are per wall second of the window. */
    record Result(int instruments, int clients, double windowSeconds, double ticksPerInstrument,
                  Histogram endToEnd, Histogram source, Histogram job, Histogram board, Histogram fanOut,
                  long samples, long unmatched, long ambiguous, long incomplete, long outOfOrder, long splitMismatch,
                  double simTicksPerSecond, double feedTicksPerSecond, double boardPricesPerSecond,
                  double pricesConflatedPerSecond, double updatesDispatchedPerSecond, double clientMessagesPerSecond,
                  double clientPriceUpdatesPerSecond, double publisherMessagesPerSecond, long clientDrops,
                  long slowDisconnects, long seqGaps, long clientsClosed, long candleUpdates, long gcCount,
                  long gcMillis, double processCpuPercent, double loadAverage, long[] samplesPerClient,
                  long[] snapshotsPerClient) {
    }

    private LiveLatencyRun() {
    }

    static List<Result> run(Settings s, Path dir, PrintStream log) throws Exception {
        MarketCalendar calendar = MarketCalendar.defaults();
        LocalDate day = latestTradingDay(calendar);
        SessionHours hours = calendar.sessionOn(day).orElseThrow();
        // Just before the open: the simulator generates every tick from the pre-open up to the clock's start in its
        // first step, so a start deep inside the session would stall it; the job takes longer than these seconds to
        // start, so the feed connects into the open market.
        Instant marketStart = day.atTime(hours.open().minusSeconds(3)).atZone(MarketTime.IST).toInstant();
        MarketClock clock = MarketClock.simulated(marketStart, Instant.now(), 1.0);
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        new FeedControlFile(state.controlFile()).write(FeedSchedule.Override.NONE, "bench");

        PublisherMetrics metrics = new PublisherMetrics();
        MarketBoard board = new MarketBoard(DataSource.SIMULATED, metrics);
        String boardName = "bench-latency-" + UUID.randomUUID();
        EmbeddedBoards.register(boardName, board);
        KiteSimulator sim = null;
        PublisherServer publisher = null;
        JobClient job = null;
        LatencyClients clients = null;
        try {
            List<SimulatedInstrument> extras = SimulatedInstrument.synthetic(s.instruments() - 6);
            // The probes need the served contracts (the near-month futures' tokens), which the simulator knows once
            // built; the listener is given at build time, so it reaches the probes through this holder.
            LatencyProbes[] probesRef = new LatencyProbes[1];
            sim = KiteSimulator.builder().port(0).clock(clock).calendar(calendar).ticksPerSecond(s.ticksPerInstrument())
                    .extraInstruments(extras)
                    .frameListener((ticks, nanos) -> {
                        LatencyProbes p = probesRef[0];
                        if (p != null) p.onFrameSent(ticks, nanos);
                    })
                    .build().start();
            LatencyProbes probes = new LatencyProbes(publishedTokens(sim.instruments(), day));
            probesRef[0] = probes;
            // Registered before the publisher's fan-out, so it stamps the update before any client is served.
            board.addListener(probes);
            board.priceProbe(probes::onPriceOffered);
            FeedProbe.install(probes);
            new FileTokenStore(state.tokenFile()).save(sim.issueAccessToken());
            publisher = PublisherServer.start(PublisherServer.Config.of("127.0.0.1", 0, board).withClock(clock)
                    .withCalendar(calendar));

            KiteSource source = KiteSource.builder().apiKey(sim.apiKey()).endpoints(sim.endpoints()).clock(clock)
                    .schedule(FeedSchedule.of(calendar)).stateDirectory(state.root()).optionStrikesEachSide(0)
                    .extraTokens(extras.stream().map(SimulatedInstrument::token).toList()).build();
            job = LiveRun.start(new LiveRun.Request(source, dir, s.parallelism(), s.checkpointInterval(), null, null,
                    true).publishingTo(boardName), log);

            awaitTicks(probes, clock, hours, Duration.ofMinutes(3));
            clients = new LatencyClients(publisher.port(), probes, 2);
            List<Result> results = new ArrayList<>();
            for (int count : s.clientCounts()) {
                clients.connectUpTo(count, 50);
                awaitClients(metrics, count, Duration.ofSeconds(60));
                log.printf("latency: %,d instruments, %,d clients connected; warming up %d s%n", s.instruments(), count,
                        s.warmUp().toSeconds());
                Thread.sleep(s.warmUp().toMillis());
                if (s.alignWindows()) alignToSecond(clock, 35);
                results.add(measure(s, count, sim, probes, metrics, clients, log));
                probes.forgetBefore(System.nanoTime() - TimeUnit.SECONDS.toNanos(60));
            }
            return results;
        } finally {
            FeedProbe.install(null);
            if (clients != null) clients.close();
            if (job != null) {
                try {
                    job.cancel().get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.println("latency: cancelling the job failed: " + e);
                }
            }
            if (publisher != null) publisher.close();
            if (sim != null) sim.close();
            EmbeddedBoards.unregister(boardName);
            board.close();
        }
    }

    private static Result measure(Settings s, int clientCount, KiteSimulator sim, LatencyProbes probes,
                                  PublisherMetrics metrics, LatencyClients clients, PrintStream log) throws Exception {
        long windowNanos = s.measure().toNanos();
        SimulatorStats sim0 = sim.stats();
        long decoded0 = probes.ticksDecoded.sum();
        long pricesIn0 = metrics.pricesIn.sum();
        long conflated0 = metrics.pricesConflated.sum();
        long dispatched0 = probes.updatesDispatched.sum();
        long messages0 = clients.messages.sum();
        long prices0 = clients.priceUpdates.sum();
        long candles0 = clients.candleUpdates.sum();
        long out0 = metrics.messagesOut.sum();
        long drops0 = metrics.clientDrops.sum();
        long slow0 = metrics.slowDisconnects.sum();
        long gaps0 = clients.seqGaps.sum();
        long closed0 = clients.closedByServer.get();
        long[] gc0 = gc();
        long cpu0 = com.tradesignal.bench.CpuClock.processCpuNanos();
        long t0 = System.nanoTime();
        probes.startWindow(t0 + windowNanos);
        log.printf("latency: measuring %d s%n", s.measure().toSeconds());
        Thread.sleep(s.measure().toMillis());
        long t1 = System.nanoTime();
        double secs = (t1 - t0) / 1e9;
        SimulatorStats sim1 = sim.stats();
        long[] gc1 = gc();
        long cpu1 = com.tradesignal.bench.CpuClock.processCpuNanos();
        // messages that arrived inside the window may still be in a client's hands: let them finish
        Thread.sleep(500);
        LatencyProbes.Stages st = probes.stages();
        Result r = new Result(s.instruments(), clientCount, secs, s.ticksPerInstrument(),
                st.endToEnd.copy(), st.source.copy(), st.job.copy(), st.board.copy(), st.fanOut.copy(),
                probes.measured.sum(), probes.unmatched.sum(), probes.ambiguousUpdates.sum(), probes.incomplete.sum(),
                probes.outOfOrder.sum(), probes.splitMismatch.sum(),
                (sim1.ticksSent() - sim0.ticksSent()) / secs,
                (probes.ticksDecoded.sum() - decoded0) / secs,
                (metrics.pricesIn.sum() - pricesIn0) / secs,
                (metrics.pricesConflated.sum() - conflated0) / secs,
                (probes.updatesDispatched.sum() - dispatched0) / secs,
                (clients.messages.sum() - messages0) / secs,
                (clients.priceUpdates.sum() - prices0) / secs,
                (metrics.messagesOut.sum() - out0) / secs,
                metrics.clientDrops.sum() - drops0,
                metrics.slowDisconnects.sum() - slow0,
                clients.seqGaps.sum() - gaps0,
                clients.closedByServer.get() - closed0,
                clients.candleUpdates.sum() - candles0,
                gc1[0] - gc0[0], gc1[1] - gc0[1],
                cpu0 < 0 || cpu1 < 0 ? Double.NaN
                        : 100.0 * (cpu1 - cpu0) / ((t1 - t0) * (double) Runtime.getRuntime().availableProcessors()),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                clients.samplesPerClient(), clients.snapshotsPerClient());
        log.printf("latency: %,d instruments, %,d clients: %,d samples, p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                        + "(p50/p99 source %.2f/%.2f, job %.2f/%.2f, board %.2f/%.2f, fan-out %.2f/%.2f); "
                        + "sim %.0f ticks/s, feed %.0f ticks/s, clients %.0f msg/s, drops %d, CPU %.0f%%%n",
                r.instruments(), r.clients(), r.samples(), ms(r.endToEnd().getValueAtPercentile(50)),
                ms(r.endToEnd().getValueAtPercentile(99)), ms(r.endToEnd().getMaxValue()),
                ms(r.source().getValueAtPercentile(50)), ms(r.source().getValueAtPercentile(99)),
                ms(r.job().getValueAtPercentile(50)), ms(r.job().getValueAtPercentile(99)),
                ms(r.board().getValueAtPercentile(50)), ms(r.board().getValueAtPercentile(99)),
                ms(r.fanOut().getValueAtPercentile(50)), ms(r.fanOut().getValueAtPercentile(99)),
                r.simTicksPerSecond(), r.feedTicksPerSecond(), r.clientMessagesPerSecond(), r.clientDrops(),
                r.processCpuPercent());
        return r;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /**
     * Which instrument each price update of the board is about: the index of each underlying, and the near-month
     * future the job publishes (the earliest expiry on or after the day, as the job picks it).
     */
    static Map<String, Long> publishedTokens(List<Instrument> served, LocalDate day) {
        Map<String, Long> out = new HashMap<>();
        for (String u : MarketBoard.UNDERLYINGS) {
            out.put(u + "/price", InstrumentCatalog.INDEX_TOKENS.get(u));
            served.stream()
                    .filter(i -> i.type() == InstrumentType.FUT && u.equals(i.name()) && i.expiry() != null
                            && !i.expiry().isBefore(day))
                    .min(Comparator.comparing(Instrument::expiry))
                    .ifPresent(f -> out.put(u + "/future", f.token()));
        }
        return out;
    }

    static LocalDate latestTradingDay(MarketCalendar calendar) {
        LocalDate d = MarketTime.istDate(System.currentTimeMillis());
        for (int i = 0; i < 30 && !calendar.isTradingDay(d); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** Waits until the market is open and the feed has decoded ticks for a couple of seconds of it. */
    private static void awaitTicks(LatencyProbes probes, MarketClock clock, SessionHours hours, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long open = MarketTime.istDate(clock.now()).atTime(hours.open()).atZone(MarketTime.IST).toInstant().toEpochMilli();
        while (probes.ticksDecoded.sum() == 0 || clock.now() < open + 2000) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the job's feed decoded no ticks within " + timeout.toSeconds()
                        + " s (market time " + MarketTime.isoIst(clock.now()) + ")");
            }
            Thread.sleep(100);
        }
    }

    private static void awaitClients(PublisherMetrics metrics, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (metrics.clients.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + metrics.clients.get() + " of " + count + " clients connected");
            }
            Thread.sleep(50);
        }
    }

    /** Sleeps until the market clock reaches {@code second} of a minute. */
    private static void alignToSecond(MarketClock clock, int second) throws InterruptedException {
        long minute = MarketTime.MINUTE_MS;
        long now = clock.now();
        long target = Math.floorDiv(now, minute) * minute + second * 1000L;
        if (target <= now) target += minute;
        Thread.sleep((long) Math.ceil((target - now) / clock.speed()));
    }

    /** Collections and milliseconds in collection, over all collectors. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
