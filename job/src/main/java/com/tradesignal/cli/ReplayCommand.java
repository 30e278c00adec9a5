package com.tradesignal.cli;

import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.EmbeddedBoards;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.metrics.PublisherMetrics;

import picocli.CommandLine.Command;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./tradesignal replay}: recorded ticks through the job on an embedded Flink MiniCluster. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Replays recorded ticks through the job on an embedded Flink MiniCluster and writes DIR/candles.jsonl "
                        + "(one JSON object per closed candle) and DIR/summary.json (counts, including everything dropped).",
                "Inputs: tick CSV with a header row (columns by name: instrument_token, timestamp, last_price required) "
                        + "or JSON Lines with the same fields; plain or .gz; files and directories, merged in timestamp order."},
        footer = {"", "Example:", "  ./tradesignal replay --ticks recordings/2022-12-01/ --instruments instruments.csv --out out/"})
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--ticks", arity = "1..*", paramLabel = "PATH",
            description = "Tick files (.csv, .jsonl, .ndjson, optionally .gz) or directories of them.")
    List<Path> ticks;

    @Option(names = "--instruments", paramLabel = "KITE_DUMP.csv",
            description = "A Kite instruments dump; gives each token its tradingsymbol. NIFTY 50, NIFTY BANK and SENSEX are always known.")
    Path instruments;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--history", arity = "1..*", paramLabel = "PATH",
            description = "Earlier ticks, or one-minute candle CSV (instrument_token,timestamp,open,high,low,close[,volume,oi]), "
                    + "replayed first to warm indicators; their candles are not written.")
    List<Path> history;

    @Option(names = "--opening-range", defaultValue = "15", paramLabel = "MINUTES",
            description = "Opening range window from 09:15, in minutes (default: ${DEFAULT-VALUE}; 5 and 30 are common).")
    int openingRangeMinutes;

    @Option(names = "--skip-bad-lines", description = "Skip malformed lines and count them, instead of stopping at the first one.")
    boolean skipBadLines;

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "N", description = "Readers and candle builders (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--out-of-orderness", defaultValue = "2s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How late a tick may arrive behind the newest one and still count (default: ${DEFAULT-VALUE}).")
    Duration outOfOrderness;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "RocksDB checkpoint interval (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Where checkpoints and savepoints go (default: DIR/checkpoints).")
    Path checkpointDir;

    @Option(names = "--from-savepoint", paramLabel = "PATH", description = "Resume from this savepoint or retained checkpoint.")
    Path fromSavepoint;

    @Option(names = "--max-ticks-per-second", defaultValue = "0", paramLabel = "N",
            description = "Replay no faster than this many ticks per second; 0 = as fast as possible (default).")
    long maxTicksPerSecond;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
            description = "Replay the ticks journal in Kafka (what a live cluster job writes) instead of files; needs --from.")
    String kafka;

    @Option(names = "--topic", defaultValue = "ticks", description = "The journal topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--from", paramLabel = "TIME", description = "Journal replay start, ISO-8601 with offset, e.g. 2026-11-27T09:00+05:30.")
    java.time.OffsetDateTime from;

    @Option(names = "--to", paramLabel = "TIME", description = "Journal replay end (exclusive; default: the end of the journal now).")
    java.time.OffsetDateTime to;

    @Option(names = "--dashboard-port", paramLabel = "PORT",
            description = "Serve the replay on the dashboard at PORT (labelled REPLAY), and keep serving after the "
                    + "replay until Ctrl-C; pace it with --max-ticks-per-second to watch it unfold.")
    Integer dashboardPort;

    @Override
    public Integer call() throws Exception {
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1");
        }
        if ((ticks == null || ticks.isEmpty()) == (kafka == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --ticks PATH… or --kafka BOOTSTRAP --from TIME");
        }
        if (kafka != null && from == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kafka needs --from TIME (ISO-8601 with offset)");
        }
        ReplayRun.Request request = new ReplayRun.Request(ticks == null ? List.of() : ticks, instruments, out, skipBadLines,
                parallelism, outOfOrderness, checkpointInterval, checkpointDir, fromSavepoint, maxTicksPerSecond,
                ReplayRun.Mode.REPLAY, !quiet, history).withOpeningRange(openingRangeMinutes);
        if (kafka != null) {
            request = request.fromJournal(new ReplayRun.JournalInput(kafka, topic, from.toInstant(), to == null ? null : to.toInstant()));
        }
        if (dashboardPort == null) {
            ReplayRun.run(request, System.err);
            return 0;
        }
        MarketBoard board = new MarketBoard(DataSource.REPLAY, new PublisherMetrics());
        String name = "replay-" + java.util.UUID.randomUUID();
        EmbeddedBoards.register(name, board);
        try (PublisherServer server = PublisherServer.start(PublisherServer.Config.of("127.0.0.1", dashboardPort, board))) {
            System.out.println("Dashboard: http://127.0.0.1:" + server.port() + "/   (REPLAY of recorded ticks)");
            ReplayRun.run(request.publishingTo(name), System.err);
            System.err.println("Replay finished; the dashboard keeps serving its results until Ctrl-C.");
            new java.util.concurrent.CountDownLatch(1).await();
        } finally {
            EmbeddedBoards.unregister(name);
            board.close();
        }
        return 0;
    }
}
