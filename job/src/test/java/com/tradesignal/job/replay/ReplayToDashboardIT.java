package com.tradesignal.job.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.cli.ReplayRun;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.EmbeddedBoards;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sink → publisher in embedded mode: December 2022 of NIFTY 50 and NIFTY BANK (real one-minute candles as ticks)
 * replayed through the job with the publisher's sinks. What the publisher serves must be exactly what the job wrote:
 * the newest index row of every interval, the last session's bars, and the last tick's price, all labelled REPLAY.
 */
class ReplayToDashboardIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void thePublisherServesExactlyTheRowsAndPricesTheJobProduced() throws Exception {
        Path ticks = dir.resolve("ticks");
        Files.createDirectories(ticks);
        List<NseMinuteFixture.Row> nifty = NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-nifty.csv"));
        FixtureTicks.writeCsv(ticks.resolve("nifty.csv"), 256265, nifty);
        FixtureTicks.writeJsonLines(ticks.resolve("bnf.jsonl"), 260105, NseMinuteFixture.read(NseMinuteFixture.file("2022-dec-bnf.csv")));
        Path out = dir.resolve("out");

        MarketBoard board = new MarketBoard(DataSource.REPLAY, new PublisherMetrics());
        String name = "replay-it-" + System.nanoTime();
        EmbeddedBoards.register(name, board);
        try (PublisherServer server = PublisherServer.start(PublisherServer.Config.of("127.0.0.1", 0, board))) {
            ReplayRun.run(new ReplayRun.Request(List.of(ticks), null, out, false, 2, Duration.ofSeconds(2), Duration.ofSeconds(5),
                    null, null, 0, ReplayRun.Mode.REPLAY, false, List.of()).publishingTo(name),
                    new PrintStream(new ByteArrayOutputStream(), true));
            board.awaitApplied(10_000);

            // what the job wrote: the index rows, in file order
            Map<String, JsonNode> lastRow = new LinkedHashMap<>();
            Map<String, List<JsonNode>> rowsByKey = new LinkedHashMap<>();
            for (String line : Files.readAllLines(out.resolve("signals.jsonl"))) {
                JsonNode row = JSON.readTree(line);
                String underlying = row.get("token").asLong() == 256265 ? "NIFTY" : "BANKNIFTY";
                String key = underlying + "/" + row.get("interval").asText();
                lastRow.put(key, row);
                rowsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
            assertThat(lastRow).containsKeys("NIFTY/1m", "NIFTY/15m", "BANKNIFTY/5m");
            for (Map.Entry<String, JsonNode> e : lastRow.entrySet()) {
                String[] k = e.getKey().split("/");
                assertThat(board.latestRows(k[0]).get(k[1])).as(e.getKey()).isEqualTo(e.getValue());
            }

            JsonNode candles = get(server, "/api/candles/NIFTY?interval=15m&limit=375");
            List<JsonNode> written = rowsByKey.get("NIFTY/15m");
            List<JsonNode> expected = written.subList(Math.max(0, written.size() - 375), written.size());
            assertThat(candles.get("data_source").asText()).isEqualTo("REPLAY");
            assertThat(candles.get("candles")).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode bar = candles.get("candles").get(i);
                assertThat(bar.get("start")).isEqualTo(expected.get(i).get("start"));
                assertThat(bar.get("close")).isEqualTo(expected.get(i).get("close"));
                assertThat(bar.get("vwap")).isEqualTo(expected.get(i).get("vwap"));
                assertThat(bar.get("supertrend")).isEqualTo(expected.get(i).get("supertrend"));
            }

            JsonNode status = get(server, "/api/status");
            assertThat(status.get("feed").asText()).isEqualTo("REPLAY");
            assertThat(status.get("rows_dropped").asLong()).isZero();
            assertThat(status.get("market_time").asText()).startsWith("2022-12-30T15:");
            JsonNode signals = get(server, "/api/signals/NIFTY");
            assertThat(signals.get("intervals").get("5m").get("signals")).hasSize(13);
            JsonNode price = board.snapshot(List.of("NIFTY")).get("NIFTY").get("price");
            assertThat(price.get("last").asDouble()).isEqualTo(nifty.get(nifty.size() - 1).close());
        } finally {
            EmbeddedBoards.unregister(name);
            board.close();
        }
    }

    private static JsonNode get(PublisherServer server, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
