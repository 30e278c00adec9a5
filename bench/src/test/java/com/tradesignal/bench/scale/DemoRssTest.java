package com.tradesignal.bench.scale;

import com.tradesignal.bench.BenchContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's sampler on a stand-in command (the real ./tradesignal demo runs in the benchmark itself). */
class DemoRssTest {
    @Test
    void samplesFromTheReadyLineAndStopsWhatItStarted(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(RssSampler.available(), "needs Linux /proc");
        BenchContext ctx = new BenchContext(dir, dir, dir, true, new PrintStream(OutputStream.nullOutputStream()));
        List<String> command = List.of("sh", "-c", "sleep 1; echo 'Dashboard: http://127.0.0.1:1/'; sleep 120");
        DemoRss.Result r = DemoRss.measure(ctx, command, "Dashboard:", 2, dir.resolve("log"));
        assertThat(r.startupSeconds()).isGreaterThanOrEqualTo(0.9);
        assertThat(r.samples()).hasSizeBetween(2, 3);
        assertThat(r.peakRss()).isPositive();
        assertThat(r.steadyRss()).isPositive().isLessThanOrEqualTo(r.peakRss());
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()).isZero();
    }
}
