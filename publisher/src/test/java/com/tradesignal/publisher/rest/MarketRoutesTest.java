package com.tradesignal.publisher.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.market.Rows;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarketRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MarketBoard board;
    private static PublisherServer server;

    @BeforeAll
    static void start() throws Exception {
        board = new MarketBoard(DataSource.REPLAY, new PublisherMetrics());
        for (int m = 0; m < 30; m += 5) {
            board.offerRow(Rows.index("NIFTY", "5m", m, 25000 + m).toString());
        }
        board.offerRow(Rows.index("NIFTY", "1m", 0, 24990).toString());
        board.offerRow(Rows.index("SENSEX", "5m", 0, 82000).toString());
        board.offerPrice(Rows.price("NIFTY", 25031, System.currentTimeMillis()));
        board.awaitApplied(5000);
        server = PublisherServer.start(PublisherServer.Config.of("127.0.0.1", 0, board));
    }

    @AfterAll
    static void stop() {
        server.close();
        board.close();
    }

    record Answer(int status, String contentType, JsonNode json, String body) {}

    static Answer get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("Content-Type").orElse("");
        return new Answer(r.statusCode(), type, type.startsWith("application/json") ? JSON.readTree(r.body()) : null, r.body());
    }

    @Test
    void statusSaysWhatTheDataIsAndCountsTheTraffic() throws Exception {
        Answer a = get("/api/status");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("feed").asText()).isEqualTo("REPLAY");
        assertThat(a.json().get("data_source").asText()).isEqualTo("REPLAY");
        assertThat(a.json().get("market_time").asText()).startsWith("2026-11-27T");
        assertThat(a.json().get("rows_in").asLong()).isEqualTo(8);
        assertThat(a.json().get("prices_in").asLong()).isEqualTo(1);
        assertThat(a.json().has("clients")).isTrue();
    }

    @Test
    void signalsGiveTheNewestRowOfEachIntervalWithItsVotesAndVerdict() throws Exception {
        Answer a = get("/api/signals/nifty");
        assertThat(a.status()).isEqualTo(200);
        JsonNode i = a.json().get("intervals");
        assertThat(i.get("5m").get("close").asDouble()).isEqualTo(25025.0);
        assertThat(i.get("5m").get("signals")).hasSize(13);
        assertThat(i.get("5m").get("verdict").get("direction").asText()).isEqualTo("bullish");
        assertThat(i.get("1m").get("close").asDouble()).isEqualTo(24990.0);
        assertThat(i.get("3m").isNull()).isTrue();
        assertThat(get("/api/signals/NIFTY%2050").json().get("underlying").asText()).isEqualTo("NIFTY");
    }

    @Test
    void candlesComeOldestFirstUpToTheLimit() throws Exception {
        Answer a = get("/api/candles/NIFTY?interval=5m&limit=3");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("candles")).extracting(b -> b.get("close").asDouble()).containsExactly(25015.0, 25020.0, 25025.0);
        assertThat(a.json().get("candles").get(0).get("supertrend").asDouble()).isEqualTo(24995.0);
        Answer all = get("/api/candles/NIFTY");
        assertThat(all.json().get("interval").asText()).isEqualTo("5m");
        assertThat(all.json().get("candles")).hasSize(6);
        assertThat(get("/api/candles/BANKNIFTY?interval=15m").json().get("candles")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/candles/FOO|404|unknown symbol 'FOO'",
            "/api/candles/NIFTY?interval=2m|400|unknown interval '2m'",
            "/api/candles/NIFTY?limit=0|400|limit must be from 1 to 375, not 0",
            "/api/candles/NIFTY?limit=376|400|limit must be from 1 to 375, not 376",
            "/api/candles/NIFTY?limit=ten|400|limit must be a whole number",
            "/api/signals/FINNIFTY|404|unknown symbol 'FINNIFTY'",
            "/api/advanced/candle-intent/XYZ|404|unknown symbol 'XYZ'",
            "/api/nothing-here|404|no such path: /api/nothing-here"})
    void badRequestsGetAJsonErrorNeverAStackTrace(String path, int status, String message) throws Exception {
        Answer a = get(path);
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.json().get("status").asInt()).isEqualTo(status);
        assertThat(a.json().get("error").asText()).contains(message);
        assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void pivotIndicatorsGroupTheLevelsOfEachUnderlying() throws Exception {
        JsonNode n = get("/api/advanced/pivot-indicators").json().get("underlyings");
        JsonNode nifty = n.get("NIFTY");
        assertThat(nifty.get("as_of").asText()).isEqualTo("2026-11-27T09:40:00+05:30");
        assertThat(nifty.get("traditional").get("pivot").asDouble()).isEqualTo(25023.0);
        assertThat(nifty.get("traditional").get("r1").asDouble()).isEqualTo(25045.0);
        assertThat(nifty.get("camarilla").get("r1").asDouble()).isEqualTo(25030.0);
        assertThat(nifty.get("fibonacci").get("s1").asDouble()).isEqualTo(25017.0);
        assertThat(nifty.get("cpr").get("tc").asDouble()).isEqualTo(25026.0);
        assertThat(n.get("BANKNIFTY").get("as_of").isNull()).isTrue();
    }

    @Test
    void vwapLive5mGivesTheBandsAndThePositionVote() throws Exception {
        JsonNode n = get("/api/advanced/vwap-live-5m").json().get("underlyings").get("SENSEX");
        assertThat(n.get("vwap").asDouble()).isEqualTo(82050.0);
        assertThat(n.get("vwap_upper_2").asDouble()).isEqualTo(82070.0);
        assertThat(n.get("vwap_source").asText()).isEqualTo("SENSEX26DECFUT");
        assertThat(n.get("position").asText()).isEqualTo("bullish");
        assertThat(n.get("reason").asText()).contains("vwap_position");
    }

    @Test
    void candleIntentGivesTheNewestIntentOfEachInterval() throws Exception {
        JsonNode n = get("/api/advanced/candle-intent/NIFTY").json().get("intervals");
        assertThat(n.get("5m").get("intent").asText()).isEqualTo("strong_bull");
        assertThat(n.get("5m").get("vote").asText()).isEqualTo("bullish");
        assertThat(n.get("15m").isNull()).isTrue();
    }

    @Test
    void metricsAreInThePrometheusTextFormat() throws Exception {
        Answer a = get("/metrics");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("text/plain");
        assertThat(a.body()).contains("# TYPE tradesignal_publisher_clients gauge")
                .contains("tradesignal_publisher_rows_in_total 8")
                .contains("tradesignal_publisher_tick_to_publish_seconds_count 1")
                .contains("tradesignal_publisher_tick_to_publish_seconds_bucket{le=\"+Inf\"} 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/status", "/api/signals/{symbol}", "/api/candles/{symbol}", "/api/advanced/pivot-indicators",
            "/api/advanced/vwap-live-5m", "/api/advanced/candle-intent/{symbol}", "/health", "/metrics", "/ws/market",
            "/api/auth/login", "/api/auth/callback", "/api/auth/status", "/openapi.json"})
    void theOpenApiDocumentDescribesEveryPath(String path) throws Exception {
        JsonNode doc = get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has(path)).as(path).isTrue();
    }

    @Test
    void everyGetPathInTheOpenApiDocumentAnswers() throws Exception {
        JsonNode paths = get("/openapi.json").json().get("paths");
        List<String> missing = new ArrayList<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            if (!paths.get(p).has("get") || p.equals("/ws/market") || p.startsWith("/api/auth/")
                    || p.startsWith("/api/feed/")) continue; // login and feed switch need their configuration
            int status = get(p.replace("{symbol}", "NIFTY")).status();
            if (status != 200) missing.add(p + " → " + status);
        }
        assertThat(missing).isEmpty();
    }
}
