package com.tradesignal.cli;

import com.tradesignal.publisher.market.MarketBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The dashboard in a real browser (Debian's chromium driven by playwright-core) on the embedded product: simulator,
 * job and publisher in this JVM, as {@code ./tradesignal demo} runs them. The page must load without console errors,
 * show the three underlyings with prices that move and the SIMULATED badge; after the publisher's server is restarted
 * it must reconnect and show the snapshot again. Screenshots go to {@code target/dashboard/}.
 */
class DashboardBrowserIT {
    private static final Path PUBLISHER = Path.of("..", "publisher").toAbsolutePath().normalize();
    private static final Path SCRIPT = PUBLISHER.resolve("src/test/browser/dashboard-check.mjs");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard").toAbsolutePath();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theDashboardShowsTheSimulatedMarketLiveAndComesBackAfterAPublisherRestart() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(Path.of(chromium)).as("chromium is needed for the browser test: apt-get install chromium "
                + "(./test.sh installs it)").exists();
        assertThat(PUBLISHER.resolve("node_modules/playwright-core")).as("the publisher's npm packages (built by Maven)").exists();
        Path out = Files.createTempDirectory("dashboard-it");
        Files.createDirectories(SCREENSHOTS);
        DemoRun.Settings settings = new DemoRun.Settings(out, LocalDate.of(2026, 11, 27), LocalTime.of(9, 14), 20, 2, 2,
                "127.0.0.1", 0);
        try (DemoRun demo = DemoRun.start(settings, System.err)) {
            demo.awaitFirstTicks(Duration.ofMinutes(2));
            awaitPrices(demo.board(), Duration.ofMinutes(1));
            Process node = new ProcessBuilder("node", SCRIPT.toString(), "--url", demo.dashboardUrl(),
                    "--screenshot-dir", SCREENSHOTS.toString(), "--expect-badge", "SIMULATED")
                    .directory(PUBLISHER.toFile()).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            String verdict = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
                 Writer w = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    System.err.println("[browser] " + line);
                    if (line.equals("READY_FOR_RESTART")) {
                        demo.restartPublisher(Duration.ofSeconds(3));
                        w.write("RESTARTED\n");
                        w.flush();
                    } else if (line.equals("PASS") || line.startsWith("FAIL")) {
                        verdict = line;
                    }
                }
            } finally {
                if (!node.waitFor(30, TimeUnit.SECONDS)) node.destroyForcibly();
            }
            if (!"PASS".equals(verdict)) {
                fail("the browser check did not pass: " + verdict + "\n" + String.join("\n", lines));
            }
            assertThat(node.exitValue()).isZero();
            assertThat(lines).contains("READY_FOR_RESTART");
            assertThat(SCREENSHOTS.resolve("dashboard.png")).isNotEmptyFile();
            assertThat(SCREENSHOTS.resolve("dashboard-after-restart.png")).isNotEmptyFile();
        }
    }

    /** The page is checked once every underlying has a price, so "shows all three" is about the page, not the feed. */
    private static void awaitPrices(MarketBoard board, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (true) {
            var snapshot = board.snapshot(MarketBoard.UNDERLYINGS);
            boolean all = MarketBoard.UNDERLYINGS.stream().allMatch(u -> !snapshot.get(u).get("price").isNull());
            if (all) return;
            if (System.currentTimeMillis() > deadline) fail("not every underlying had a price within " + timeout + ": " + snapshot);
            Thread.sleep(200);
        }
    }
}
