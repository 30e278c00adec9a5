package com.tradesignal.cli;

import com.tradesignal.job.publish.BoardPriceSink;
import com.tradesignal.job.publish.BoardSignalSink;
import com.tradesignal.tick.Tick;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleJson;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.job.LocalRunConfig;
import com.tradesignal.job.TradeSignalJob;
import com.tradesignal.job.sink.JsonLinesFileSink;
import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.signals.SignalRowJson;
import com.tradesignal.market.MarketTime;
import com.tradesignal.source.replay.ReplaySource;
import com.tradesignal.source.replay.files.TickFiles;
import com.tradesignal.source.replay.files.TimeSpan;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One run of the job over recorded (or simulated) tick files on the embedded MiniCluster, writing
 * {@code candles.jsonl} and {@code summary.json} to the output directory, with progress on stderr.
 */
public final class ReplayRun {
    /** What the data is; it is written into summary.json and printed, so nobody mistakes it for a live feed. */
    public enum Mode { REPLAY, SIMULATED }

    public record Request(List<Path> ticks, Path instruments, Path outDir, boolean skipBadLines, int parallelism,
                          Duration outOfOrderness, Duration checkpointInterval, Path checkpointDir, Path fromSavepoint,
                          long maxTicksPerSecond, Mode mode, boolean progress, List<Path> history,
                          int openingRangeMinutes, String boardName, JournalInput journal) {
        public Request {
            history = history == null ? List.of() : List.copyOf(history);
            if (openingRangeMinutes < 1 || openingRangeMinutes > 375) {
                throw new IllegalArgumentException("the opening range must be 1 to 375 minutes, not " + openingRangeMinutes);
            }
        }

        /** A request with the default 15-minute opening range. */
        public Request(List<Path> ticks, Path instruments, Path outDir, boolean skipBadLines, int parallelism,
                       Duration outOfOrderness, Duration checkpointInterval, Path checkpointDir, Path fromSavepoint,
                       long maxTicksPerSecond, Mode mode, boolean progress, List<Path> history) {
            this(ticks, instruments, outDir, skipBadLines, parallelism, outOfOrderness, checkpointInterval, checkpointDir,
                    fromSavepoint, maxTicksPerSecond, mode, progress, history, 15, null, null);
        }

        public Request withOpeningRange(int minutes) {
            return new Request(ticks, instruments, outDir, skipBadLines, parallelism, outOfOrderness, checkpointInterval,
                    checkpointDir, fromSavepoint, maxTicksPerSecond, mode, progress, history, minutes, boardName, journal);
        }

        /** The same run, reading the ticks journal in Kafka instead of files. */
        public Request fromJournal(JournalInput input) {
            return new Request(ticks, instruments, outDir, skipBadLines, parallelism, outOfOrderness, checkpointInterval,
                    checkpointDir, fromSavepoint, maxTicksPerSecond, mode, progress, history, openingRangeMinutes, boardName, input);
        }

        /** The same run, also publishing prices and signals to the embedded board of that name (the dashboard). */
        public Request publishingTo(String board) {
            return new Request(ticks, instruments, outDir, skipBadLines, parallelism, outOfOrderness, checkpointInterval,
                    checkpointDir, fromSavepoint, maxTicksPerSecond, mode, progress, history, openingRangeMinutes, board, journal);
        }

        /** The same run, warmed up first with earlier ticks or one-minute candles whose outputs are not written. */
        public Request withHistory(List<Path> historyPaths) {
            return new Request(ticks, instruments, outDir, skipBadLines, parallelism, outOfOrderness, checkpointInterval,
                    checkpointDir, fromSavepoint, maxTicksPerSecond, mode, progress, historyPaths, openingRangeMinutes, boardName, journal);
        }
    }

    /** The ticks journal between two times: {@code to} null reads to the end as it is at the start. */
    public record JournalInput(String bootstrap, String topic, java.time.Instant from, java.time.Instant to) {
        @Override
        public String toString() {
            return "kafka " + bootstrap + " topic " + topic + " from " + from + (to == null ? "" : " to " + to);
        }
    }

    /** Counts from a finished run; everything dropped is here. */
    public record Summary(long ticks, long lateTicksDropped, long badLinesSkipped, long outsideSessionTicks,
                          long candles, double seconds) {
        public double ticksPerSecond() {
            return seconds > 0 ? ticks / seconds : 0;
        }
    }

    private ReplayRun() {}

    /** Runs to the end of the input and returns the counts. */
    public static Summary run(Request r, PrintStream log) throws Exception {
        return start(r, log).await();
    }

    /** Submits the job and returns at once; {@link Running#await()} waits for it and writes the summary. */
    public static Running start(Request r, PrintStream log) throws Exception {
        return start(r, log, Map.of());
    }

    /**
     * The same with Flink configuration on top of {@link LocalRunConfig}'s, e.g. {@code state.backend.type: hashmap}
     * (the benchmarks compare state backends) or checkpoint retention.
     */
    public static Running start(Request r, PrintStream log, Map<String, String> flinkConfig) throws Exception {
        if (r.journal() != null && !r.history().isEmpty()) {
            throw new IllegalArgumentException("--history is for file replays; a journal replay starts from --from");
        }
        List<Path> mainFiles = r.journal() != null ? List.of() : TickFiles.expand(r.ticks());
        List<Path> inputs = new java.util.ArrayList<>(mainFiles);
        long notBefore = Long.MIN_VALUE;
        if (!r.history().isEmpty()) {
            inputs.addAll(0, HistoryFiles.prepare(r.history(), r.outDir().resolve("history")));
            Long first = TickFiles.timeSpan(mainFiles).earliest();
            if (first == null) {
                throw new IllegalArgumentException("cannot tell where the session starts: no tick found in " + r.ticks());
            }
            notBefore = com.tradesignal.market.MarketTime.minuteStart(first);
        }
        org.apache.flink.api.connector.source.Source<Tick, ?, ?> source = r.journal() != null
                ? com.tradesignal.job.journal.TickJournal.source(r.journal().bootstrap(), r.journal().topic(), r.journal().from(), r.journal().to())
                : ReplaySource.builder().ticks(inputs).skipBadLines(r.skipBadLines()).maxTicksPerSecond(r.maxTicksPerSecond()).build();
        InstrumentCatalog catalog = r.instruments() != null ? InstrumentCatalog.load(r.instruments()) : InstrumentCatalog.wellKnownIndices();
        Files.createDirectories(r.outDir());
        Path candlesFile = r.outDir().resolve("candles.jsonl");
        Path checkpoints = r.checkpointDir() != null ? r.checkpointDir() : r.outDir().resolve("checkpoints");

        Configuration conf = LocalRunConfig.of(r.parallelism(), checkpoints, r.checkpointInterval(), r.fromSavepoint());
        flinkConfig.forEach(conf::setString);
        conf.setString("metrics.reporter.local.factory.class", LocalMetrics.Factory.class.getName());
        LocalMetrics.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        TradeSignalJob.Settings settings = TradeSignalJob.Settings.defaults().withInstruments(catalog)
                .withOutOfOrderness(r.outOfOrderness()).withOpeningRangeMinutes(r.openingRangeMinutes());
        DataStream<Tick> ticks = TradeSignalJob.ticks(env, source, settings);
        DataStream<Candle> candles = TradeSignalJob.candlesFromTicks(ticks, settings);
        DataStream<SignalRow> signals = TradeSignalJob.signals(candles, settings);
        if (notBefore != Long.MIN_VALUE) {
            long sessionStart = notBefore; // the warm-up history's candles and signals are not part of the output
            candles = candles.filter(c -> c.start() >= sessionStart).name("drop warm-up candles");
            signals = signals.filter(row -> row.candle.start() >= sessionStart).name("drop warm-up signals");
            ticks = ticks.filter(t -> t.exchangeTime >= sessionStart).name("drop warm-up ticks");
        }
        if (r.boardName() != null) {
            TradeSignalJob.publishPrices(ticks, settings, new BoardPriceSink(r.boardName(), settings.underlyings()));
            TradeSignalJob.publishSignals(signals, new BoardSignalSink(r.boardName()));
        }
        TradeSignalJob.writeCandles(candles, new JsonLinesFileSink<>(candlesFile, CandleJson::toJson));
        TradeSignalJob.writeSignals(signals, new JsonLinesFileSink<>(r.outDir().resolve("signals.jsonl"), SignalRowJson::toJson));

        List<Path> files = mainFiles;
        TimeSpan span = r.progress() && r.journal() == null ? TickFiles.timeSpan(files) : null;
        if (r.mode() == Mode.SIMULATED) {
            log.println("SIMULATED DATA: ticks generated by TradeSignal's own market simulator, not real market prices.");
        }
        if (r.journal() != null) {
            log.printf("Replay of the ticks journal (%s) at parallelism %d -> %s%n", r.journal(), r.parallelism(), candlesFile);
        } else {
            log.printf("%s of %d tick file(s) at parallelism %d -> %s%n", r.mode() == Mode.SIMULATED ? "Simulated session" : "Replay",
                    files.size(), r.parallelism(), candlesFile);
        }
        long started = System.nanoTime();
        JobClient job = env.executeAsync("TradeSignal " + r.mode().name().toLowerCase());
        return new Running(r, log, job, files, candlesFile, started, r.progress() ? new Progress(log, span, started) : null);
    }

    /** A submitted run. */
    public static final class Running {
        private final Request request;
        private final PrintStream log;
        private final JobClient job;
        private final List<Path> files;
        private final Path candlesFile;
        private final long startedNanos;
        private final Progress progress;

        private Running(Request request, PrintStream log, JobClient job, List<Path> files, Path candlesFile,
                        long startedNanos, Progress progress) {
            this.request = request;
            this.log = log;
            this.job = job;
            this.files = files;
            this.candlesFile = candlesFile;
            this.startedNanos = startedNanos;
            this.progress = progress;
        }

        public JobClient job() {
            return job;
        }

        public Path candlesFile() {
            return candlesFile;
        }

        public Summary await() throws Exception {
            try {
                while (true) {
                    try {
                        job.getJobExecutionResult().get(2, TimeUnit.SECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException stillRunning) {
                        if (progress != null) progress.print();
                    }
                }
            } catch (ExecutionException e) {
                throw new ReplayFailedException(rootMessage(e), e);
            }
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            Summary summary = new Summary(LocalMetrics.count("ticksFolded") + LocalMetrics.count("lateTicksDropped"),
                    LocalMetrics.count("lateTicksDropped"), LocalMetrics.count("badLinesSkipped"),
                    LocalMetrics.count("outsideSessionTicks"), LocalMetrics.count("candlesClosed"), seconds);
            writeSummary(request, summary, files, candlesFile);
            log.printf("Done in %.1f s: %,d ticks (%,.0f ticks/s), %,d candles; dropped: %,d late tick(s), %,d bad line(s) "
                            + "skipped; %,d tick(s) outside the session made no candle.%n",
                    seconds, summary.ticks(), summary.ticksPerSecond(), summary.candles(), summary.lateTicksDropped(),
                    summary.badLinesSkipped(), summary.outsideSessionTicks());
            return summary;
        }
    }

    private static void writeSummary(Request r, Summary s, List<Path> files, Path candlesFile) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", r.mode().name());
        json.put("inputs", r.journal() != null ? List.of(r.journal().toString()) : files.stream().map(Path::toString).toList());
        json.put("candles_file", candlesFile.getFileName().toString());
        json.put("ticks", s.ticks());
        json.put("late_ticks_dropped", s.lateTicksDropped());
        json.put("bad_lines_skipped", s.badLinesSkipped());
        json.put("outside_session_ticks", s.outsideSessionTicks());
        json.put("candles", s.candles());
        json.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
        json.put("parallelism", r.parallelism());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(r.outDir().resolve("summary.json").toFile(), json);
    }

    /** The message of the deepest cause: for bad input that is the file, line and field. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    /** Thrown when the job fails; its message is what the user needs to fix the input. */
    public static final class ReplayFailedException extends Exception {
        ReplayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Prints ticks done, the rate, the event time reached and how far through the input's time span that is. */
    private static final class Progress {
        private final PrintStream log;
        private final TimeSpan span;
        private final long startedNanos;

        Progress(PrintStream log, TimeSpan span, long startedNanos) {
            this.log = log;
            this.span = span;
            this.startedNanos = startedNanos;
        }

        void print() {
            long ticks = LocalMetrics.count("ticksFolded") + LocalMetrics.count("lateTicksDropped");
            long eventTime = LocalMetrics.maxGauge("eventTimeMillis");
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            StringBuilder line = new StringBuilder(String.format("  %,d ticks, %,.0f ticks/s", ticks, ticks / Math.max(seconds, 1e-3)));
            if (eventTime != Long.MIN_VALUE) {
                line.append(", at ").append(MarketTime.isoIst(eventTime), 0, 16).append(" IST");
                if (span != null && span.earliest() != null && span.latest() != null && span.latest() > span.earliest()) {
                    double done = Math.min(1, Math.max(0, (eventTime - span.earliest()) / (double) (span.latest() - span.earliest())));
                    line.append(String.format(", %.0f%% of the input", done * 100));
                }
            }
            log.println(line);
        }
    }
}
