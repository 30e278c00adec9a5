package com.tradesignal.bench.latency;

import com.tradesignal.bench.BenchContext;
import com.tradesignal.bench.BenchPart;
import com.tradesignal.bench.Fmt;
import com.tradesignal.bench.Report;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part 2 of issue 7, live latency, and the latency side of its scale sweep: from a tick leaving the simulator to its
 * update arriving at a WebSocket client, with 100 and 1,000 clients at about 20,000 ticks/s (9,000 instruments at
 * 2.2 ticks/s each, the most Kite sends), split into source, job and publisher; then the same with 100 clients as
 * the instruments go from 100 to 9,000 at the same rate per instrument.
 */
public final class LiveLatencyPart implements BenchPart {
    /** Kite's most: 3 connections × 3,000 instruments. */
    static final int FULL_INSTRUMENTS = 9_000;
    static final double TICKS_PER_SECOND_TOTAL = 20_000;
    /** 20,000 ticks/s over 9,000 instruments: about 2.2 each, Kite's "0 to ~2 ticks/sec" for a liquid one. */
    static final double TICKS_PER_INSTRUMENT = TICKS_PER_SECOND_TOTAL / FULL_INSTRUMENTS;
    static final double TARGET_P99_MS_100 = 20;
    static final double TARGET_P99_MS_1000 = 50;

    @Override
    public String name() {
        return "latency";
    }

    /** The runs: instruments → client counts measured one after the other on the same set-up. */
    static Map<Integer, List<Integer>> plan(boolean quick) {
        Map<Integer, List<Integer>> plan = new LinkedHashMap<>();
        if (quick) {
            plan.put(60, List.of(5));
            plan.put(300, List.of(5, 20));
        } else {
            plan.put(100, List.of(100));
            plan.put(1_000, List.of(100));
            plan.put(3_000, List.of(100));
            plan.put(FULL_INSTRUMENTS, List.of(100, 1_000));
        }
        return plan;
    }

    @Override
    public void run(BenchContext ctx, Report report) throws Exception {
        boolean quick = ctx.quick();
        Duration warmUp = Duration.ofSeconds(quick ? 3 : 10);
        Duration measure = Duration.ofSeconds(quick ? 8 : 30);
        List<LiveLatencyRun.Result> results = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : plan(quick).entrySet()) {
            LiveLatencyRun.Settings s = new LiveLatencyRun.Settings(e.getKey(), TICKS_PER_INSTRUMENT, e.getValue(),
                    warmUp, measure, !quick, 2, Duration.ofSeconds(10));
            ctx.log().printf("latency: %,d instruments at %.2f ticks/s each, clients %s%n", s.instruments(),
                    s.ticksPerInstrument(), s.clientCounts());
            results.addAll(LiveLatencyRun.run(s, ctx.scratch("latency-" + s.instruments()), ctx.log()));
        }
        write(report, results, warmUp, measure, quick);
    }

    static void write(Report report, List<LiveLatencyRun.Result> results, Duration warmUp, Duration measure,
                      boolean quick) {
        int top = results.stream().mapToInt(LiveLatencyRun.Result::instruments).max().orElse(0);
        List<LiveLatencyRun.Result> headline = results.stream().filter(r -> r.instruments() == top).toList();
        int sweepClients = results.stream().mapToInt(LiveLatencyRun.Result::clients).min().orElse(0);
        List<LiveLatencyRun.Result> sweep = results.stream().filter(r -> r.clients() == sweepClients).toList();

        Report.Section live = report.section("Live latency: tick to WebSocket client");
        live.paragraph(String.format(Locale.ROOT, """
                From a tick leaving the simulator to its update arriving at a WebSocket client, in one JVM: TradeSignal's \
                Kite-protocol simulator at market speed 1 in the normal market, the live job on an embedded MiniCluster \
                (Kite source, parallelism 2, RocksDB, checkpoints every 10 s), the publisher with its board on \
                127.0.0.1, and the clients (`java.net.http` WebSockets sharing one selector thread and two callback \
                threads), each parsing every message. All stamps are `System.nanoTime()` in that JVM: the simulator \
                stamps each frame as it hands it to its socket, the feed each tick it decodes, the job's price sink \
                each price it offers to the board, the board each update it hands to the fan-out, and the client \
                each message as it arrives. Each run warms up %d s and measures %d s%s.""",
                warmUp.toSeconds(), measure.toSeconds(), quick ? "" : "; every window starts at second 35 of a market "
                        + "minute, so it spans one minute boundary, when every instrument's one-minute candle closes"));
        live.paragraph("""
                Only the prices of the three indices and their near-month futures go to clients (plus candle and \
                signal updates of the indices, once a minute per interval); the other instruments' ticks load the \
                source and the job (candles and signals for every instrument) but never reach a browser. So the \
                percentiles rest on the six published instruments' updates, counted once per client: the *samples* \
                column (with fewer than 1,000 samples the p99.9 is the maximum). A tick is identified by instrument, \
                exchange second and price; an update whose key the simulator sent twice (same instrument, second \
                and price) cannot be attributed and is left out (*ambiguous*). Prices the board's inbox replaced by a newer one before sending (latest value wins) \
                never reach a client and are counted as *conflated*.""");

        live.subheading("End to end");
        List<List<String>> rows = new ArrayList<>();
        for (LiveLatencyRun.Result r : results) {
            rows.add(List.of(Fmt.count(r.instruments()), Fmt.count(r.clients()), Fmt.rate(r.simTicksPerSecond()),
                    Fmt.count(r.samples()), pct(r.endToEnd(), 50), pct(r.endToEnd(), 99), pct(r.endToEnd(), 99.9),
                    Fmt.millis(LiveLatencyRun.ms(r.endToEnd().getMaxValue())), target(r)));
        }
        live.table(List.of("Instruments", "Clients", "Ticks/s sent", "Samples", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms", "p99 target"), rows);

        live.subheading("Where the time goes");
        live.paragraph("""
                Per sample, end to end = source + job + board + fan-out exactly (they share their stamps). *Source*: \
                simulator's send to the feed's decoding (loopback TCP, the WebSocket client, the decoder). *Job*: \
                decoded to offered to the board (the feed's queue, the Flink source reader, the chained filter and \
                price sink). *Board*: offered to handed to the fan-out (the inbox and the dispatcher thread). \
                *Fan-out*: from there to the client (each client's queue, Jetty, loopback, the client's parsing \
                threads). Percentiles of the stages do not add up to the end-to-end percentile: the slow samples \
                of one stage are not those of another. Two things shape them. The simulator sends each connection \
                one frame every 50 ms, with each market second's ticks spread over that second as Kite's \
                event-driven feed spreads them (exchange times have one-second resolution), so a published tick \
                waits in the source and the job behind the rest of its frame: at 20,000 ticks/s about 1,000 ticks. \
                And the board's single dispatcher thread hands each update to every client's queue itself (the \
                writes then start on a sender pool), so the board stage also holds the wait for the hand-over of \
                the updates before it: with 1,000 clients that is 1,000 enqueues per update.""");
        List<List<String>> split = new ArrayList<>();
        for (LiveLatencyRun.Result r : results) {
            String run = Fmt.count(r.instruments()) + " / " + Fmt.count(r.clients());
            split.add(stageRow(run, "source", r.source()));
            split.add(stageRow(run, "job", r.job()));
            split.add(stageRow(run, "board", r.board()));
            split.add(stageRow(run, "fan-out", r.fanOut()));
        }
        live.table(List.of("Instruments / clients", "Stage", "p50 ms", "p99 ms", "p99.9 ms", "max ms"), split);

        live.subheading("Throughput, drops and the machine during each window");
        List<List<String>> load = new ArrayList<>();
        for (LiveLatencyRun.Result r : results) {
            load.add(List.of(Fmt.count(r.instruments()) + " / " + Fmt.count(r.clients()),
                    Fmt.rate(r.simTicksPerSecond()), Fmt.rate(r.feedTicksPerSecond()), Fmt.rate(r.boardPricesPerSecond()),
                    Fmt.rate(r.pricesConflatedPerSecond()), Fmt.rate(r.updatesDispatchedPerSecond()),
                    Fmt.rate(r.clientMessagesPerSecond()), Fmt.rate(r.publisherMessagesPerSecond()),
                    Fmt.count(r.clientDrops()) + " / " + Fmt.count(r.seqGaps()) + " / " + Fmt.count(r.slowDisconnects()),
                    Fmt.count(r.ambiguous()) + " / " + Fmt.count(r.unmatched() + r.incomplete() + r.outOfOrder()),
                    Fmt.count(r.gcCount()) + " / " + Fmt.count(r.gcMillis()),
                    Double.isNaN(r.processCpuPercent()) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", r.processCpuPercent()),
                    r.loadAverage() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", r.loadAverage())));
        }
        live.table(List.of("Instruments / clients", "Sent ticks/s", "Decoded ticks/s", "Prices to board/s",
                "Conflated/s", "Updates/s", "Client msgs/s", "Publisher msgs/s", "Drops / seq gaps / slow closes",
                "Ambiguous / unattributed", "GCs / GC ms", "CPU (all cores)", "Load avg"), load);
        live.paragraph("""
                *Sent*: ticks the simulator put on the wire (all instruments); *decoded*: ticks the job's feed \
                decoded; *prices to board*: index and near-month future ticks the job handed to the board; \
                *updates*: price updates the board sent to the fan-out; *client msgs*: every message all clients \
                received (updates, status every second, heartbeats); *publisher msgs*: what the publisher counts \
                as sent. *Drops*: updates the publisher's per-client queues dropped or replaced (256 each); \
                *seq gaps*: gaps the clients saw; *slow closes*: clients closed as too slow. *Unattributed*: \
                updates whose tick was not found at every stage (should be 0). CPU is the JVM's, which holds \
                everything: simulator, job, publisher and clients; *load avg* is the machine's one-minute load \
                average at the end of the window: above the number of cores, threads wait for a core, and every \
                hand-over between threads on the path (there are five) waits with them.""");

        live.subheading("Against the targets");
        live.paragraph(verdict(headline));

        Report.Section scale = report.section("Scale: live latency from 100 to 9,000 instruments");
        scale.paragraph(String.format(Locale.ROOT, """
                The same live set-up with %d clients, at %.2f ticks/s per instrument, as the instruments grow \
                (the published six stay the same; the others are synthetic futures the job turns into candles and \
                signals like any instrument).""", sweepClients, TICKS_PER_INSTRUMENT));
        List<List<String>> sc = new ArrayList<>();
        for (LiveLatencyRun.Result r : sweep) {
            sc.add(List.of(Fmt.count(r.instruments()), Fmt.rate(r.simTicksPerSecond()), Fmt.rate(r.feedTicksPerSecond()),
                    Fmt.count(r.samples()), pct(r.endToEnd(), 50), pct(r.endToEnd(), 99), pct(r.endToEnd(), 99.9),
                    Fmt.millis(LiveLatencyRun.ms(r.endToEnd().getMaxValue())), pct(r.job(), 99),
                    String.format(Locale.ROOT, "%.0f%%", r.processCpuPercent())));
        }
        scale.table(List.of("Instruments", "Sent ticks/s", "Decoded ticks/s", "Samples", "p50 ms", "p99 ms",
                "p99.9 ms", "max ms", "job p99 ms", "CPU"), sc);
        scale.paragraph(scaleText(sweep));
    }

    private static String pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? "n/a" : Fmt.millis(LiveLatencyRun.ms(h.getValueAtPercentile(p)));
    }

    private static List<String> stageRow(String run, String stage, Histogram h) {
        return List.of(run, stage, pct(h, 50), pct(h, 99), pct(h, 99.9),
                h.getTotalCount() == 0 ? "n/a" : Fmt.millis(LiveLatencyRun.ms(h.getMaxValue())));
    }

    private static double targetFor(int clients) {
        return clients >= 1_000 ? TARGET_P99_MS_1000 : TARGET_P99_MS_100;
    }

    private static String target(LiveLatencyRun.Result r) {
        if (r.endToEnd().getTotalCount() == 0) return "no samples";
        double p99 = LiveLatencyRun.ms(r.endToEnd().getValueAtPercentile(99));
        double t = targetFor(r.clients());
        return (p99 < t ? "under " : "**over** ") + Fmt.millis(t);
    }

    /** What was reached, and which stage made the slow updates slow, from the figures themselves. */
    static String verdict(List<LiveLatencyRun.Result> headline) {
        StringBuilder sb = new StringBuilder();
        for (LiveLatencyRun.Result r : headline) {
            if (r.endToEnd().getTotalCount() == 0) {
                sb.append(String.format(Locale.ROOT, "With %,d clients there were no samples. ", r.clients()));
                continue;
            }
            double p99 = LiveLatencyRun.ms(r.endToEnd().getValueAtPercentile(99));
            double t = targetFor(r.clients());
            sb.append(String.format(Locale.ROOT,
                    "With %,d clients at %,.0f ticks/s sent (%,d instruments) the p99 is %s ms: the target of under %s ms "
                            + "is %s. ", r.clients(), r.simTicksPerSecond(), r.instruments(), Fmt.millis(p99),
                    Fmt.millis(t), p99 < t ? "reached" : "**not reached**"));
            sb.append(dominant(r)).append(' ');
            if (r.clientDrops() > 0 || r.slowDisconnects() > 0) {
                sb.append(String.format(Locale.ROOT, "The publisher dropped %,d queued updates and closed %,d clients "
                        + "as too slow. ", r.clientDrops(), r.slowDisconnects()));
            } else {
                sb.append("No client queue dropped anything and no client was closed as too slow. ");
            }
            if (r.feedTicksPerSecond() < 0.98 * r.simTicksPerSecond()) {
                sb.append(String.format(Locale.ROOT, "The job decoded only %,.0f of the %,.0f ticks/s sent: it fell "
                        + "behind the feed. ", r.feedTicksPerSecond(), r.simTicksPerSecond()));
            }
        }
        sb.append("Everything, the clients included, shares one JVM on this machine's ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, so a pause anywhere (a GC, the candles of every instrument closing at a minute "
                        + "boundary, a checkpoint) delays every stage at once; on a production layout the clients' "
                        + "parsing and the simulator would not compete with the job for the cores.");
        return sb.toString();
    }

    /** Names the stage whose p99 is largest and says how much of the end-to-end p99 it is. */
    private static String dominant(LiveLatencyRun.Result r) {
        Map<String, Histogram> stages = new LinkedHashMap<>();
        stages.put("source (simulator to decoded)", r.source());
        stages.put("job (decoded to the board)", r.job());
        stages.put("board (inbox and dispatcher)", r.board());
        stages.put("fan-out (publisher queues to the client)", r.fanOut());
        String worst = null;
        double worstMs = -1;
        for (Map.Entry<String, Histogram> e : stages.entrySet()) {
            double v = LiveLatencyRun.ms(e.getValue().getValueAtPercentile(99));
            if (v > worstMs) {
                worstMs = v;
                worst = e.getKey();
            }
        }
        double p50 = LiveLatencyRun.ms(r.endToEnd().getValueAtPercentile(50));
        return String.format(Locale.ROOT, "The median is %s ms; the stage with the largest p99 is %s at %s ms.",
                Fmt.millis(p50), worst, Fmt.millis(worstMs));
    }

    static String scaleText(List<LiveLatencyRun.Result> sweep) {
        if (sweep.size() < 2) return "";
        LiveLatencyRun.Result first = sweep.get(0);
        LiveLatencyRun.Result last = sweep.get(sweep.size() - 1);
        double p50a = LiveLatencyRun.ms(first.endToEnd().getValueAtPercentile(50));
        double p50b = LiveLatencyRun.ms(last.endToEnd().getValueAtPercentile(50));
        double p99a = LiveLatencyRun.ms(first.endToEnd().getValueAtPercentile(99));
        double p99b = LiveLatencyRun.ms(last.endToEnd().getValueAtPercentile(99));
        double[] samples = sweep.stream().mapToDouble(LiveLatencyRun.Result::samples).toArray();
        return String.format(Locale.ROOT, "From %,d to %,d instruments (%,.0f to %,.0f ticks/s sent) the median goes "
                        + "from %s to %s ms and the p99 from %s to %s ms. The published updates are the same six "
                        + "instruments whatever the count, so the growth is the cost of the other instruments' ticks "
                        + "sharing the source threads and the cores with them. The percentiles rest on %,.0f to "
                        + "%,.0f samples per run.",
                first.instruments(), last.instruments(), first.simTicksPerSecond(), last.simTicksPerSecond(),
                Fmt.millis(p50a), Fmt.millis(p50b), Fmt.millis(p99a), Fmt.millis(p99b),
                Arrays.stream(samples).min().orElse(0), Arrays.stream(samples).max().orElse(0));
    }
}
