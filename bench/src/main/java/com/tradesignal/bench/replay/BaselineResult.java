package com.tradesignal.bench.replay;

/**
 * What one baseline run did: ticks read (all of them, including those outside the session), candles closed,
 * signal rows written, and the wall time of the whole run (opening and parsing the files, computing, writing the
 * output files).
 */
public record BaselineResult(long ticks, long candles, long signalRows, double seconds) {
    public double ticksPerSecond() {
        return seconds > 0 ? ticks / seconds : 0;
    }
}
