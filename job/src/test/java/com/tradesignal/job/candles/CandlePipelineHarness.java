package com.tradesignal.job.candles;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import com.tradesignal.job.bars.MinuteBar;
import com.tradesignal.job.bars.MinuteBarFolder;
import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import com.tradesignal.serde.TickSerializer;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The job's first two operators wired together in test harnesses, the way the job chains them: ticks go into the
 * {@link MinuteBarFolder}; its bars and watermarks go into the keyed {@link CandleBuilder} on RocksDB.
 * Watermarks are driven like the job's bounded-out-of-orderness strategy: newest tick time minus the bound.
 */
final class CandlePipelineHarness implements AutoCloseable {
    static final long TOKEN = 256265;
    static final long BOUND_MS = 2_000;

    final MinuteBarFolder folderOperator = new MinuteBarFolder();
    CandleBuilder builderFunction = new CandleBuilder(SessionHours.REGULAR, Map.of(TOKEN, "NIFTY 50"));
    final OneInputStreamOperatorTestHarness<Tick, MinuteBar> folder;
    final KeyedOneInputStreamOperatorTestHarness<Long, MinuteBar, Candle> builder;
    private long maxTickTime = Long.MIN_VALUE;

    CandlePipelineHarness() throws Exception {
        this(null, null);
    }

    private CandlePipelineHarness(OperatorSubtaskState folderState, OperatorSubtaskState builderState) throws Exception {
        folder = new OneInputStreamOperatorTestHarness<>(folderOperator, TickSerializer.TYPE.createSerializer(null));
        builder = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(builderFunction),
                bar -> bar.token, Types.LONG);
        builder.setStateBackend(new EmbeddedRocksDBStateBackend());
        if (folderState != null) {
            folder.initializeState(folderState);
            builder.initializeState(builderState);
        }
        folder.open();
        builder.open();
    }

    static long at(String date, String time) {
        return MarketTime.at(LocalDate.parse(date), LocalTime.parse(time));
    }

    static Tick tick(long token, long time, double price, long cumulativeVolume) {
        return Tick.builder(token, time, price).volume(cumulativeVolume).build();
    }

    /** A tick of {@link #TOKEN}, then the watermark the job would emit after it. */
    CandlePipelineHarness tick(String date, String time, double price) throws Exception {
        return tick(date, time, price, 0);
    }

    CandlePipelineHarness tick(String date, String time, double price, long cumulativeVolume) throws Exception {
        return tick(tick(TOKEN, at(date, time), price, cumulativeVolume));
    }

    CandlePipelineHarness tick(Tick t) throws Exception {
        folder.processElement(t, t.exchangeTime);
        if (t.exchangeTime > maxTickTime) {
            maxTickTime = t.exchangeTime;
            watermark(maxTickTime - BOUND_MS - 1);
        }
        return this;
    }

    CandlePipelineHarness watermark(long timestamp) throws Exception {
        folder.processWatermark(new Watermark(timestamp));
        pump();
        return this;
    }

    /** What a bounded replay does at the end of its input. */
    CandlePipelineHarness endOfInput() throws Exception {
        return watermark(Long.MAX_VALUE);
    }

    @SuppressWarnings("unchecked")
    private void pump() throws Exception {
        Object o;
        while ((o = folder.getOutput().poll()) != null) {
            if (o instanceof StreamRecord<?> r) {
                builder.processElement((StreamRecord<MinuteBar>) r);
            } else if (o instanceof Watermark w) {
                builder.processWatermark(w);
            }
        }
    }

    List<Candle> candles() {
        return builder.extractOutputValues();
    }

    List<Candle> candles(CandleInterval interval) {
        List<Candle> out = new ArrayList<>();
        for (Candle c : candles()) {
            if (c.interval() == interval) out.add(c);
        }
        return out;
    }

    /** Instruments with candle-builder state, read from the RocksDB backend. */
    long instrumentsInState() throws Exception {
        try (java.util.stream.Stream<?> keys = builder.getOperator().getKeyedStateBackend()
                .getKeys("candle-builder", org.apache.flink.runtime.state.VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }

    /** Snapshots both operators and returns a fresh pipeline restored from that snapshot. */
    CandlePipelineHarness snapshotAndRestore() throws Exception {
        OperatorSubtaskState f = folder.snapshot(1, 1);
        OperatorSubtaskState b = builder.snapshot(1, 1);
        CandlePipelineHarness restored = new CandlePipelineHarness(f, b);
        restored.maxTickTime = maxTickTime;
        return restored;
    }

    @Override
    public void close() throws Exception {
        folder.close();
        builder.close();
    }
}
