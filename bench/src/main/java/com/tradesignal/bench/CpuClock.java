package com.tradesignal.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time used by this JVM (all its threads: Flink's tasks, fetchers, RocksDB, JIT and GC). CPU per tick is a
 * figure that other load on the machine disturbs much less than wall time does.
 */
public final class CpuClock {
    private CpuClock() {}

    /** Process CPU time in nanoseconds, or -1 where the JVM cannot tell. */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
