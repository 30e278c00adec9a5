package com.tradesignal.bench.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import com.tradesignal.source.replay.files.BadLineListener;
import com.tradesignal.source.replay.files.BadLinePolicy;
import com.tradesignal.source.replay.files.MergedTickReader;
import com.tradesignal.source.replay.files.TickFiles;
import com.tradesignal.tick.Tick;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline (b) of the replay benchmark: what a Java developer would write with ta4j 0.17, the library one reaches
 * for. One thread; per instrument and interval (1m, 3m, 5m, 15m, anchored at 09:15 IST; ticks outside 09:15-15:30
 * make no bar) a {@code BaseBarSeries} with ta4j's default number type ({@code DecimalNum}; {@code DoubleNum} via
 * {@code withNumTypeOf} would be faster and is not what is measured), EMA 9/21/50/200, RSI 14, ATR 14,
 * SuperTrend (10, 3), Parabolic SAR (0.02/0.02/0.2) and ROC 10 read at each closed bar, plus session VWAP, the
 * opening range and floor pivots (see {@link Ta4jInstrument}). One JSON line per closed bar goes to
 * {@code candles.jsonl}, written with Jackson's streaming generator.
 *
 * <p>Ticks come from the project's own reader, so that parsing costs the same in every run of the comparison and
 * the difference is the computation. A bar closes on the instrument's next tick in a later bar, not on a
 * watermark: the straightforward design, and the same bars as the job's for input in time order.
 */
public final class Ta4jBaseline {
    private static final int[] MINUTES = {1, 3, 5, 15};
    private static final String[] LABELS = {"1m", "3m", "5m", "15m"};

    private Ta4jBaseline() {}

    /**
     * @param tickFiles      tick files and directories, as {@code replay --ticks}
     * @param instrumentsCsv a Kite instruments dump for the symbols, or null (then the ticks' symbols, and the
     *                       well-known indices')
     * @param outDir         where candles.jsonl is written (created if needed)
     * @return ticks read, bars closed; every bar's line carries its indicators, so signal rows = bars
     */
    public static BaselineResult run(List<Path> tickFiles, Path instrumentsCsv, Path outDir) throws IOException {
        return run(tickFiles, instrumentsCsv, outDir, null);
    }

    /**
     * The same over the instruments that pass {@code tokens} (null: all). ta4j 0.17 is slow enough (its Parabolic
     * SAR recomputes from the start of the series on every bar) that a full market day would take hours, so the
     * benchmark runs it on a sample of the day's instruments and compares ticks per second.
     */
    public static BaselineResult run(List<Path> tickFiles, Path instrumentsCsv, Path outDir, java.util.function.LongPredicate tokens)
            throws IOException {
        long started = System.nanoTime();
        InstrumentCatalog catalog = InstrumentCatalog.wellKnownIndices()
                .merge(instrumentsCsv != null ? InstrumentCatalog.load(instrumentsCsv) : InstrumentCatalog.empty());
        Files.createDirectories(outDir);
        Map<Long, Ta4jInstrument> instruments = new HashMap<>();
        long ticks = 0;
        BarWriter out;
        try (JsonGenerator json = new JsonFactory().createGenerator(new BufferedWriter(new OutputStreamWriter(
                     Files.newOutputStream(outDir.resolve("candles.jsonl")), StandardCharsets.UTF_8), 1 << 16));
             MergedTickReader reader = MergedTickReader.open(TickFiles.expand(tickFiles), null, BadLinePolicy.FAIL,
                     BadLineListener.IGNORE, tokens)) {
            out = new BarWriter(json);
            while (reader.advance()) {
                Tick t = reader.current();
                ticks++;
                Ta4jInstrument instrument = instruments.get(t.token);
                if (instrument == null) {
                    String symbol = catalog.byToken(t.token).map(Instrument::tradingSymbol).orElse(t.tradingSymbol);
                    instrument = new Ta4jInstrument(t.token, symbol != null ? symbol : Long.toString(t.token),
                            SessionHours.REGULAR, MINUTES, LABELS);
                    instruments.put(t.token, instrument);
                }
                instrument.onTick(t, out);
            }
            for (Ta4jInstrument instrument : instruments.values()) {
                instrument.finish(out);
            }
        }
        return new BaselineResult(ticks, out.bars, out.bars, (System.nanoTime() - started) / 1e9);
    }

    /** One JSON object per closed bar, a line each; NaN (not warm yet) as null. */
    private static final class BarWriter implements Ta4jInstrument.BarListener {
        private final JsonGenerator g;
        long bars;

        BarWriter(JsonGenerator g) {
            this.g = g;
        }

        @Override
        public void closed(Ta4jInstrument in, Ta4jSeries series, long start, double open, double high, double low,
                           double close, long volume, double[] indicators) {
            long end = start + series.period.toMillis();
            try {
                g.writeStartObject();
                g.writeStringField("symbol", in.symbol);
                g.writeNumberField("token", in.token);
                g.writeStringField("interval", series.label);
                g.writeStringField("start", MarketTime.isoIst(start));
                g.writeNumberField("open", open);
                g.writeNumberField("high", high);
                g.writeNumberField("low", low);
                g.writeNumberField("close", close);
                g.writeNumberField("volume", volume);
                for (int i = 0; i < indicators.length; i++) {
                    number(Ta4jSeries.KEYS[i], indicators[i]);
                }
                number("vwap", in.vwap());
                number("orb_high", in.orbHigh(end));
                number("orb_low", in.orbLow(end));
                for (int i = 0; i < Ta4jInstrument.PIVOT_KEYS.length; i++) {
                    number(Ta4jInstrument.PIVOT_KEYS[i], in.pivots == null ? Double.NaN : in.pivots[i]);
                }
                g.writeEndObject();
                g.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bars++;
        }

        private void number(String key, double v) throws IOException {
            if (Double.isNaN(v)) {
                g.writeNullField(key);
            } else {
                g.writeNumberField(key, v);
            }
        }
    }
}
