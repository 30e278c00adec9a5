package com.tradesignal.bench.scale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RssSamplerTest {
    @Test
    void countsTheMemoryOfChildProcesses(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(RssSampler.available(), "needs Linux /proc");
        // a JVM that touches a 96 MiB heap at once, started under a shell, so it is a grandchild of this test
        Files.writeString(dir.resolve("Idle.java"), "class Idle { public static void main(String[] a) throws Exception { Thread.sleep(60_000); } }");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process shell = new ProcessBuilder("sh", "-c", "'" + java + "' -Xms96m -Xmx96m -XX:+AlwaysPreTouch Idle.java; true")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            RssSampler.Sample s = RssSampler.once(shell.toHandle(), 0);
            while (s.rssBytes() < 96L << 20 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                s = RssSampler.once(shell.toHandle(), 0);
            }
            assertThat(s.processes()).isGreaterThanOrEqualTo(2);
            assertThat(s.rssBytes()).isGreaterThanOrEqualTo(96L << 20);
            assertThat(s.hwmBytes()).isGreaterThanOrEqualTo(96L << 20);

            List<RssSampler.Sample> series = RssSampler.sample(shell.toHandle(), 1.5, 500);
            assertThat(series).hasSizeBetween(3, 4);
            assertThat(series).allSatisfy(x -> assertThat(x.rssBytes()).isGreaterThanOrEqualTo(96L << 20));
        } finally {
            shell.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatIsGoneHasNoStatus() {
        assertThat(RssSampler.status(Long.MAX_VALUE)).isNull();
        assertThat(RssSampler.status(ProcessHandle.current().pid())).isNotNull();
    }
}
