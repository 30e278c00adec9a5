package com.tradesignal.bench;

/**
 * One part of {@code ./tradesignal bench}: it measures, then writes its figures as a section of the report.
 * Parts run one after another in one JVM, never concurrently, so that each has the machine to itself.
 */
public interface BenchPart {
    /** The short name used by {@code --parts} (replay, latency, scale, profile). */
    String name();

    void run(BenchContext context, Report report) throws Exception;
}
