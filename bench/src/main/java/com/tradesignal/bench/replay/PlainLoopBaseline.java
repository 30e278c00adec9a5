package com.tradesignal.bench.replay;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleJson;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.job.TradeSignalJob;
import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.signals.SignalRowJson;
import com.tradesignal.source.replay.files.BadLineListener;
import com.tradesignal.source.replay.files.BadLinePolicy;
import com.tradesignal.source.replay.files.MergedTickReader;
import com.tradesignal.source.replay.files.TickFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Baseline (a) of the replay benchmark: the project's own tick reader, minute bars, candles and signal engines in a
 * plain single-threaded loop, without Flink. It writes {@code candles.jsonl} and {@code signals.jsonl} with the
 * same lines as {@code ./tradesignal replay} (as a multiset; the order may differ), so the difference in speed is
 * the cost of the framework (serialization, state backend, network buffers, checkpoints), not of other work.
 *
 * <p>Settings are the replay's defaults: 2 s out-of-orderness, regular session hours, a 15-minute opening range,
 * malformed lines fail the run.
 */
public final class PlainLoopBaseline {
    private PlainLoopBaseline() {}

    /**
     * @param tickFiles        tick files and directories, as {@code replay --ticks}
     * @param instrumentsCsv   a Kite instruments dump (symbols, futures and options of the indices), or null for
     *                         the well-known indices only
     * @param outDir           where candles.jsonl and signals.jsonl are written (created if needed)
     */
    public static BaselineResult run(List<Path> tickFiles, Path instrumentsCsv, Path outDir) throws IOException {
        long started = System.nanoTime();
        InstrumentCatalog catalog = instrumentsCsv != null ? InstrumentCatalog.load(instrumentsCsv) : InstrumentCatalog.wellKnownIndices();
        TradeSignalJob.Settings settings = TradeSignalJob.Settings.defaults().withInstruments(catalog);
        Files.createDirectories(outDir);
        PlainLoopPipeline pipeline;
        try (Writer candles = writer(outDir.resolve("candles.jsonl"));
             Writer signals = writer(outDir.resolve("signals.jsonl"));
             MergedTickReader reader = MergedTickReader.open(TickFiles.expand(tickFiles), null, BadLinePolicy.FAIL,
                     BadLineListener.IGNORE, null)) {
            pipeline = new PlainLoopPipeline(settings, new JsonLines(candles, signals));
            while (reader.advance()) {
                pipeline.tick(reader.current());
            }
            pipeline.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new BaselineResult(pipeline.ticks(), pipeline.candles(), pipeline.signalRows(), seconds);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The job's sinks' line format: {@link CandleJson} and {@link SignalRowJson}, one object per line. */
    private record JsonLines(Writer candles, Writer signals) implements PlainLoopPipeline.Sink {
        @Override
        public void candle(Candle c) {
            line(candles, CandleJson.toJson(c));
        }

        @Override
        public void signal(SignalRow row) {
            line(signals, SignalRowJson.toJson(row));
        }

        private static void line(Writer w, String json) {
            try {
                w.write(json);
                w.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
