package com.tradesignal.job.cluster;

import com.tradesignal.candle.Candle;
import com.tradesignal.cli.LiveRun;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.job.TradeSignalJob;
import com.tradesignal.job.journal.TickJournal;
import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.sink.KafkaSignals;
import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.source.kite.KiteSource;
import com.tradesignal.source.replay.ReplaySource;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The job as submitted to a Flink cluster ({@code flink run -c com.tradesignal.job.cluster.ClusterJob
 * tradesignal-job.jar --mode … --kafka.bootstrap …}): the same dataflow as the local runs, with Kafka at both ends.
 * <ul>
 *   <li>{@code live} / {@code simulator}: the Kite source (Kite, or a Kite-protocol simulator at {@code --kite.url});
 *       every raw tick goes to the {@code ticks} journal.</li>
 *   <li>{@code replay}: recorded tick files ({@code --replay.files}) or the journal between {@code --replay.from}
 *       and {@code --replay.to}.</li>
 * </ul>
 * Signal rows go to {@code signals} exactly once, prices to {@code prices}. Checkpointing, state backend and
 * restarts come from the cluster's configuration (or {@code -D} options); without a checkpoint interval the job
 * checkpoints every 10 s, since its exactly-once sinks commit on checkpoints. No secret is ever an argument: the
 * live source reads the access token from the token file in {@code --state.dir}, written by the publisher's login.
 */
public final class ClusterJob {
    public static final String KAFKA_SIGNAL_SINK_UID = "kafka-signal-sink";
    public static final String KAFKA_PRICE_SINK_UID = "kafka-price-sink";
    public static final String TICK_JOURNAL_SINK_UID = "tick-journal-sink";
    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    private ClusterJob() {}

    public static void main(String[] args) throws Exception {
        ClusterArgs a = ClusterArgs.parse(ParameterTool.fromArgs(args));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(a.params());
        if (env.getCheckpointConfig().getCheckpointInterval() <= 0) {
            env.enableCheckpointing(DEFAULT_CHECKPOINT_INTERVAL.toMillis());
        }
        build(env, a, System.err);
        env.execute("TradeSignal " + a.mode().name().toLowerCase());
    }

    /** Adds the dataflow of {@code a} to {@code env}. */
    public static void build(StreamExecutionEnvironment env, ClusterArgs a, PrintStream log) {
        TradeSignalJob.Settings settings = TradeSignalJob.Settings.defaults();
        Source<Tick, ?, ?> source;
        DataSource label;
        switch (a.mode()) {
            case REPLAY -> {
                label = DataSource.REPLAY;
                if (a.instruments() != null) settings = settings.withInstruments(InstrumentCatalog.load(a.instruments()));
                if (!a.replayFiles().isEmpty()) {
                    source = ReplaySource.builder().ticks(a.replayFiles()).maxTicksPerSecond(a.maxTicksPerSecond()).build();
                } else {
                    source = TickJournal.source(a.bootstrap(), a.ticksTopic(), a.replayFrom(), a.replayTo());
                }
            }
            case LIVE, SIMULATOR -> {
                label = a.mode() == ClusterArgs.Mode.LIVE ? DataSource.LIVE : DataSource.SIMULATED;
                KiteEndpoints endpoints = a.kiteUrl() == null ? KiteEndpoints.KITE : KiteEndpoints.at(a.kiteUrl());
                KiteSource kite = KiteSource.builder().apiKey(a.apiKey()).endpoints(endpoints).clock(a.clock())
                        .underlyings(a.underlyings()).stateDirectory(Path.of(a.stateDir())).build();
                settings = settings.withInstruments(LiveRun.dayCatalog(kite.options().feed(), log)).withIdleness(Duration.ofMinutes(10));
                source = kite;
            }
            default -> throw new IllegalStateException("unknown mode " + a.mode());
        }
        KafkaSignals.Settings kafka = KafkaSignals.Settings.of(a.bootstrap(), label)
                .withTopics(a.signalsTopic(), a.pricesTopic()).withTransactionalIdPrefix(a.transactionalIdPrefix() + "-signals");
        DataStream<Tick> ticks = TradeSignalJob.ticks(env, source, settings);
        if (a.mode() != ClusterArgs.Mode.REPLAY) {
            ticks.sinkTo(TickJournal.sink(a.bootstrap(), a.ticksTopic(), a.transactionalIdPrefix() + "-ticks"))
                    .uid(TICK_JOURNAL_SINK_UID).name("tick journal");
        }
        DataStream<Candle> candles = TradeSignalJob.candlesFromTicks(ticks, settings);
        DataStream<SignalRow> signals = TradeSignalJob.signals(candles, settings);
        TradeSignalJob.publishSignals(signals, KafkaSignals.signalSink(kafka), KAFKA_SIGNAL_SINK_UID);
        if (a.prices()) {
            TradeSignalJob.publishPrices(ticks, settings, KafkaSignals.priceSink(kafka, settings.underlyings()), KAFKA_PRICE_SINK_UID);
        }
        log.printf("TradeSignal %s -> %s (%s, %s) on Kafka %s%n", a.mode().name().toLowerCase(), a.signalsTopic(),
                a.pricesTopic(), label, a.bootstrap());
    }

    /** Splits a comma-separated list of paths. */
    static List<Path> paths(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).map(Path::of).toList();
    }
}
