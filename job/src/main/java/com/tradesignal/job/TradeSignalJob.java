package com.tradesignal.job;

import com.tradesignal.candle.Candle;
import com.tradesignal.job.bars.MinuteBarFolder;
import com.tradesignal.job.bars.MinuteBarSerializer;
import com.tradesignal.job.candles.CandleBuilder;
import com.tradesignal.job.candles.CandleSerializer;
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

    private TradeSignalJob() {}

    /**
     * @param outOfOrderness how far behind the newest tick another tick may arrive and still count (Kite stamps
     *                       ticks to the second, and ticks of one second arrive in any order)
     * @param idleness       after this long without ticks a reader stops holding the watermark back
     * @param hours          the session hours candles are built for
     * @param symbols        tradingsymbols by token from the instruments dump (may be empty)
     */
    public record Settings(Duration outOfOrderness, Duration idleness, SessionHours hours, Map<Long, String> symbols)
            implements Serializable {
        public Settings {
            symbols = new HashMap<>(symbols);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(30), SessionHours.REGULAR, Map.of());
        }

        public Settings withSymbols(Map<Long, String> newSymbols) {
            return new Settings(outOfOrderness, idleness, hours, newSymbols);
        }

        public Settings withOutOfOrderness(Duration bound) {
            return new Settings(bound, idleness, hours, symbols);
        }
    }

    /** Event time is the exchange timestamp; bounded disorder plus idleness, so quiet readers do not stall candles. */
    public static WatermarkStrategy<Tick> watermarks(Settings settings) {
        return WatermarkStrategy.<Tick>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((tick, ignored) -> tick.exchangeTime)
                .withIdleness(settings.idleness());
    }

    /** Ticks from {@code source} to closed candles of every instrument and interval. */
    public static DataStream<Candle> candles(StreamExecutionEnvironment env, Source<Tick, ?, ?> source, Settings settings) {
        DataStream<Tick> ticks = env.fromSource(source, watermarks(settings), "ticks", TickSerializer.TYPE)
                .uid(SOURCE_UID);
        return candlesFromTicks(ticks, settings);
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

    /** Candles to one sink writer, so a file sink writes one file in close order. */
    public static void writeCandles(DataStream<Candle> candles, Sink<Candle> sink) {
        candles.sinkTo(sink).uid(CANDLE_SINK_UID).name("candle sink").setParallelism(1);
    }
}
