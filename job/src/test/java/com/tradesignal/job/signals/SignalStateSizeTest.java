package com.tradesignal.job.signals;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signal engine's per-instrument state is bounded: its serialized size after months of candles is the size after
 * the warm-up. The figure goes into docs/signals.md ("State size").
 */
class SignalStateSizeTest {

    private static int bytes(InstrumentSignalState s) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(4096);
        InstrumentSignalStateSerializer.INSTANCE.serialize(s, out);
        return out.length();
    }

    private static int bytes(IntervalIndicators i) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(2048);
        i.writeTo(out);
        return out.length();
    }

    @Test
    void stateStopsGrowingOnceWarmAndStaysUnderFourKilobytesPerInstrument() throws Exception {
        InstrumentSignalState s = new InstrumentSignalState(15);
        double price = 18000;
        java.util.Random random = new java.util.Random(7);
        int afterWarmUp = -1;
        for (int minute = 0; minute < 375 * 60; minute++) { // 60 sessions of minutes
            price += random.nextGaussian() * 5;
            double high = price + Math.abs(random.nextGaussian() * 3);
            double low = price - Math.abs(random.nextGaussian() * 3);
            Candle c = new Candle(256265, "NIFTY 50", CandleInterval.M1, 1_669_866_300_000L + minute * 60_000L,
                    price, high, low, price, 100, Double.NaN, 4);
            for (IntervalIndicators ind : s.intervals) {
                ind.update(c);
                ind.rememberCandle(c);
            }
            s.session.update(c);
            s.vwap.update(c);
            if (minute % 375 == 374) {
                s.pivots = s.session.toPivots();
                s.session.reset();
            }
            if (minute == 375 * 2) afterWarmUp = bytes(s);
        }
        int atEnd = bytes(s);
        System.out.printf("signal state: %d bytes per instrument (all four intervals and the session), %d bytes per interval%n",
                atEnd, bytes(s.intervals[0]));
        assertThat(atEnd).isEqualTo(afterWarmUp);
        assertThat(atEnd).isLessThan(4096);
    }
}
