package com.tradesignal.job;

import com.tradesignal.candle.Candle;
import com.tradesignal.job.bars.MinuteBarFolder;
import com.tradesignal.job.bars.MinuteBarSerializer;
import com.tradesignal.job.candles.CandleBuilder;
import com.tradesignal.job.candles.CandleSerializer;
import com.tradesignal.job.publish.BoardPriceSink;
import com.tradesignal.job.signals.InstrumentSignals;
import com.tradesignal.job.signals.SignalRow;
import com.tradesignal.job.signals.SignalRowSerializer;
import com.tradesignal.job.signals.UnderlyingMap;
import com.tradesignal.job.signals.UnderlyingSignals;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import com.tradesignal.market.SessionHours;
import com.tradesignal.serde.TickSerializer;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The TradeSignal dataflow, independent of where ticks come from and where results go:
 * <pre>
 *   ticks (source) → minute bars (chained, operator state) → keyBy(token) → candles (keyed, event-time timers) → sink
 * </pre>
 * Tests and the launcher pass their own source and sink. Every stateful operator has a fixed uid so savepoints
 * restore across versions; do not change these strings.
 */
public final class TradeSignalJob {
    public static final String SOURCE_UID = "tick-source";
    public static final String MINUTE_BARS_UID = "minute-bar-folder";
    public static final String CANDLES_UID = "candle-builder";
    public static final String CANDLE_SINK_UID = "candle-sink";
    public static final String INSTRUMENT_SIGNALS_UID = "instrument-signals";
    public static final String UNDERLYING_SIGNALS_UID = "underlying-signals";
    public static final String SIGNAL_SINK_UID = "signal-sink";
    public static final String PRICE_SINK_UID = "price-sink";
    public static final String PUBLISHER_SIGNAL_SINK_UID = "publisher-signal-sink";

    private TradeSignalJob() {}

    /**
     * @param outOfOrderness how far behind the newest tick another tick may arrive and still count (Kite stamps
     *                       ticks to the second, and ticks of one second arrive in any order)
     * @param idleness       after this long without ticks a reader stops holding the watermark back
     * @param hours          the session hours candles are built for
     * @param symbols        tradingsymbols by token from the instruments dump (may be empty)
     * @param underlyings    which futures and options stand in for each index's volume, VWAP, OI and PCR
     * @param openingRangeMinutes the opening range window from 09:15 (15 by default; 5 and 30 are common)
     */
    public record Settings(Duration outOfOrderness, Duration idleness, SessionHours hours, Map<Long, String> symbols,
                           UnderlyingMap underlyings, int openingRangeMinutes) implements Serializable {
        public Settings {
            symbols = new HashMap<>(symbols);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(30), SessionHours.REGULAR, Map.of(),
                    UnderlyingMap.from(InstrumentCatalog.wellKnownIndices()), 15);
        }

        /** Symbols and underlyings from an instruments catalog (the well-known indices are always in it). */
        public Settings withInstruments(InstrumentCatalog catalog) {
            InstrumentCatalog all = InstrumentCatalog.wellKnownIndices().merge(catalog);
            Map<Long, String> bySymbol = new HashMap<>();
            for (Instrument i : all.all()) {
                bySymbol.put(i.token(), i.tradingSymbol());
            }
            return new Settings(outOfOrderness, idleness, hours, bySymbol, UnderlyingMap.from(all), openingRangeMinutes);
        }

        public Settings withOutOfOrderness(Duration bound) {
            return new Settings(bound, idleness, hours, symbols, underlyings, openingRangeMinutes);
        }

        /** How long a reader may go without ticks before it stops holding the watermark back. */
        public Settings withIdleness(Duration idle) {
            return new Settings(outOfOrderness, idle, hours, symbols, underlyings, openingRangeMinutes);
        }

        public Settings withOpeningRangeMinutes(int minutes) {
            return new Settings(outOfOrderness, idleness, hours, symbols, underlyings, minutes);
        }
    }

    /**
     * Event time is the exchange timestamp; bounded disorder (emitted at every minute boundary as well as
     * periodically, see {@link MinuteWatermarks}) plus idleness, so quiet readers do not stall candles.
     */
    public static WatermarkStrategy<Tick> watermarks(Settings settings) {
        Duration bound = settings.outOfOrderness();
        return WatermarkStrategy.<Tick>forGenerator(context -> new MinuteWatermarks(bound))
                .withTimestampAssigner((tick, ignored) -> tick.exchangeTime)
                .withIdleness(settings.idleness());
    }

    /** Ticks from {@code source} to closed candles of every instrument and interval. */
    public static DataStream<Candle> candles(StreamExecutionEnvironment env, Source<Tick, ?, ?> source, Settings settings) {
        return candlesFromTicks(ticks(env, source, settings), settings);
    }

    /** The source's ticks with event time and watermarks. */
    public static DataStream<Tick> ticks(StreamExecutionEnvironment env, Source<Tick, ?, ?> source, Settings settings) {
        return env.fromSource(source, watermarks(settings), "ticks", TickSerializer.TYPE).uid(SOURCE_UID);
    }

    /**
     * The indices' and futures' ticks to a price sink, chained to the source (same parallelism, no shuffle): prices
     * reach the dashboard per tick, not per candle. Stateless, but with a fixed uid like every operator.
     */
    public static void publishPrices(DataStream<Tick> ticks, Settings settings, Sink<Tick> sink) {
        publishPrices(ticks, settings, sink, PRICE_SINK_UID);
    }

    /** The same with another sink's uid (the cluster job's Kafka sink is not the embedded one). */
    public static void publishPrices(DataStream<Tick> ticks, Settings settings, Sink<Tick> sink, String uid) {
        UnderlyingMap map = settings.underlyings();
        ticks.filter(t -> BoardPriceSink.isIndexOrFuture(map, t)).name("index and future prices")
                .sinkTo(sink).uid(uid).name("price sink");
    }

    /** Signal rows to the publisher's sink (one writer: the rows of an underlying stay in order). */
    public static void publishSignals(DataStream<SignalRow> rows, Sink<SignalRow> sink) {
        publishSignals(rows, sink, PUBLISHER_SIGNAL_SINK_UID);
    }

    public static void publishSignals(DataStream<SignalRow> rows, Sink<SignalRow> sink, String uid) {
        rows.sinkTo(sink).uid(uid).name("publisher signal sink").setParallelism(1);
    }

    /** The same, from a tick stream that already carries timestamps and watermarks. */
    public static DataStream<Candle> candlesFromTicks(DataStream<Tick> ticks, Settings settings) {
        return ticks
                .transform("minute bars", MinuteBarSerializer.TYPE, new MinuteBarFolder())
                .uid(MINUTE_BARS_UID)
                .keyBy(bar -> bar.token, Types.LONG)
                .process(new CandleBuilder(settings.hours(), settings.symbols()), CandleSerializer.TYPE)
                .uid(CANDLES_UID)
                .name("candles");
    }

    /**
     * Candles to signal rows: every instrument's indicators, and for the three indices the 13 votes and the verdict,
     * with their near-month future and option chain. Index rows come out of the underlying engine; all other rows
     * straight from the instrument engine.
     */
    public static DataStream<SignalRow> signals(DataStream<Candle> candles, Settings settings) {
        UnderlyingMap map = settings.underlyings();
        KeyedStream<Candle, Long> byToken = DataStreamUtils.reinterpretAsKeyedStream(candles, Candle::token, Types.LONG);
        DataStream<SignalRow> rows = byToken
                .process(new InstrumentSignals(settings.hours(), settings.openingRangeMinutes()), SignalRowSerializer.TYPE)
                .uid(INSTRUMENT_SIGNALS_UID)
                .name("instrument signals");
        DataStream<SignalRow> indexRows = rows
                .filter(r -> map.feedsUnderlying(r.candle))
                .name("index, future and option rows")
                .keyBy(r -> map.role(r.candle.token()).underlying(), Types.STRING)
                .process(new UnderlyingSignals(map), SignalRowSerializer.TYPE)
                .uid(UNDERLYING_SIGNALS_UID)
                .name("underlying signals");
        DataStream<SignalRow> otherRows = rows
                .filter(r -> !map.isIndex(r.candle.token()))
                .name("instrument rows");
        return otherRows.union(indexRows);
    }

    /** Signal rows to one sink writer. */
    public static void writeSignals(DataStream<SignalRow> rows, Sink<SignalRow> sink) {
        rows.sinkTo(sink).uid(SIGNAL_SINK_UID).name("signal sink").setParallelism(1);
    }

    /** Candles to one sink writer, so a file sink writes one file in close order. */
    public static void writeCandles(DataStream<Candle> candles, Sink<Candle> sink) {
        candles.sinkTo(sink).uid(CANDLE_SINK_UID).name("candle sink").setParallelism(1);
    }
}
