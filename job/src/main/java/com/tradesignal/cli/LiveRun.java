package com.tradesignal.cli;

import com.tradesignal.job.publish.BoardPriceSink;
import com.tradesignal.job.publish.BoardSignalSink;
import com.tradesignal.tick.Tick;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleJson;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.job.LocalRunConfig;
import com.tradesignal.job.TradeSignalJob;
import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.signals.SignalRowJson;
import com.tradesignal.job.sink.JsonLinesFileSink;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.kite.instruments.InstrumentDumpCache;
import com.tradesignal.kite.rest.KiteRestClient;
import com.tradesignal.source.kite.KiteSource;
import com.tradesignal.source.kite.feed.FeedSettings;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The job on the live Kite source (or the simulator) on the embedded MiniCluster: candles and signals to JSON Lines
 * files, checkpointed, running until stopped.
 *
 * <p>The job maps futures to their index from the day's instruments dump, fetched here with the stored session; with
 * no session yet it starts with the indices alone and says so (the feed itself waits for the login and resolves its
 * own instruments every day).
 */
public final class LiveRun {
    /** Idleness for the live source: long, because a connection that drops must hold the watermark until its gap
     *  is backfilled; the close of the session is signalled by the feed itself. */
    static final Duration LIVE_IDLENESS = Duration.ofMinutes(10);

    public record Request(KiteSource source, Path outDir, int parallelism, Duration checkpointInterval,
                          Path checkpointDir, Path savepoint, boolean simulated, String boardName) {
        public Request(KiteSource source, Path outDir, int parallelism, Duration checkpointInterval, Path checkpointDir,
                       Path savepoint, boolean simulated) {
            this(source, outDir, parallelism, checkpointInterval, checkpointDir, savepoint, simulated, null);
        }

        /** The same run, also publishing prices and signals to the embedded board of that name. */
        public Request publishingTo(String board) {
            return new Request(source, outDir, parallelism, checkpointInterval, checkpointDir, savepoint, simulated, board);
        }
    }

    private LiveRun() {
    }

    public static JobClient start(Request r, PrintStream log) throws Exception {
        FeedSettings feed = r.source().options().feed();
        InstrumentCatalog catalog = dayCatalog(feed, log);
        Files.createDirectories(r.outDir());
        Path checkpoints = r.checkpointDir() != null ? r.checkpointDir() : r.outDir().resolve("checkpoints");
        Configuration conf = LocalRunConfig.of(r.parallelism(), checkpoints, r.checkpointInterval(), r.savepoint());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        TradeSignalJob.Settings settings = TradeSignalJob.Settings.defaults().withInstruments(catalog)
                .withIdleness(LIVE_IDLENESS);
        DataStream<Tick> ticks = TradeSignalJob.ticks(env, r.source(), settings);
        DataStream<Candle> candles = TradeSignalJob.candlesFromTicks(ticks, settings);
        DataStream<SignalRow> signals = TradeSignalJob.signals(candles, settings);
        if (r.boardName() != null) {
            TradeSignalJob.publishPrices(ticks, settings, new BoardPriceSink(r.boardName(), settings.underlyings()));
            TradeSignalJob.publishSignals(signals, new BoardSignalSink(r.boardName()));
        }
        TradeSignalJob.writeCandles(candles, new JsonLinesFileSink<>(r.outDir().resolve("candles.jsonl"), CandleJson::toJson));
        TradeSignalJob.writeSignals(signals, new JsonLinesFileSink<>(r.outDir().resolve("signals.jsonl"), SignalRowJson::toJson));
        log.printf("%s feed %s -> %s (state directory %s)%n", r.simulated() ? "SIMULATED" : "Live",
                feed.endpoints().isKite() ? "Kite" : feed.endpoints().apiRoot(), r.outDir(), feed.stateDirectory());
        return env.executeAsync("TradeSignal " + (r.simulated() ? "simulated live feed" : "live"));
    }

    /** NFO and BFO instruments of the day for the job's underlying map, if a session is stored. */
    public static InstrumentCatalog dayCatalog(FeedSettings feed, PrintStream log) {
        Optional<AccessToken> token;
        try {
            token = new FileTokenStore(new StateDirectory(Path.of(feed.stateDirectory())).tokenFile()).load();
        } catch (RuntimeException e) {
            token = Optional.empty();
        }
        if (token.isEmpty()) {
            log.println("No Kite session stored yet: futures and options are mapped to their index after a login and a restart.");
            return InstrumentCatalog.wellKnownIndices();
        }
        try {
            // The same day-by-day cache the feeds use, so a failed fetch falls back to the last dump.
            InstrumentDumpCache dumps = new InstrumentDumpCache(Path.of(feed.stateDirectory(), "instruments", "job"),
                    new KiteRestClient(feed.endpoints(), feed.apiKey()), feed.clock());
            InstrumentCatalog catalog = dumps.current(List.of("NFO", "BFO"), token.get());
            if (dumps.lastWarning() != null) {
                log.println(dumps.lastWarning());
            }
            return InstrumentCatalog.wellKnownIndices().merge(catalog);
        } catch (RuntimeException e) {
            log.println("Could not load the day's instruments (" + e.getMessage() + "): starting with the indices only.");
            return InstrumentCatalog.wellKnownIndices();
        }
    }
}
