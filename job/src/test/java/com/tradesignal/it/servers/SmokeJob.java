package com.tradesignal.it.servers;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A tiny job for {@link RealServersIT}, submitted to the real cluster in a jar of its own (the test writes it from
 * these class files): numbers 1..COUNT, a map that sleeps SLEEP_MS per number, a keyed running sum on the cluster's
 * state backend (RocksDB), discarded. With SLEEP_MS 0 it finishes at once; with a large COUNT and SLEEP_MS 1 it runs
 * until it is stopped, checkpointing every 500 ms.
 *
 * <p>Arguments: COUNT SLEEP_MS.
 */
public final class SmokeJob {
    private SmokeJob() {
    }

    public static void main(String[] args) throws Exception {
        long count = Long.parseLong(args[0]);
        long sleepMs = Long.parseLong(args[1]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(500);
        env.fromSequence(1, count).uid("numbers").name("numbers")
                .map(new Pace(sleepMs)).uid("pace").name("pace")
                .keyBy(new ByResidue())
                .reduce(new Sum()).uid("sum").name("sum")
                .sinkTo(new DiscardingSink<>()).uid("discard").name("discard");
        env.execute("it-smoke count=" + count + " sleep=" + sleepMs + "ms");
    }

    static final class Pace implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final long sleepMs;

        Pace(long sleepMs) {
            this.sleepMs = sleepMs;
        }

        @Override
        public Long map(Long value) throws Exception {
            if (sleepMs > 0) {
                Thread.sleep(sleepMs);
            }
            return value;
        }
    }

    static final class ByResidue implements KeySelector<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Long value) {
            return value % 8;
        }
    }

    static final class Sum implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return a + b;
        }
    }
}
