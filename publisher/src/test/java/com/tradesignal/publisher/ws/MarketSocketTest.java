package com.tradesignal.publisher.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.market.Rows;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MarketSocketTest {
    private MarketBoard board;
    private PublisherServer server;

    @BeforeEach
    void start() {
        board = new MarketBoard(DataSource.SIMULATED, new PublisherMetrics());
        server = PublisherServer.start(PublisherServer.Config.of("127.0.0.1", 0, board));
    }

    @AfterEach
    void stop() {
        server.close();
        board.close();
    }

    @Test
    void theFirstMessageIsTheSnapshotOfAllThreeUnderlyingsWithTheStatus() throws Exception {
        board.offerRow(Rows.index("NIFTY", "5m", 0, 25000).toString());
        board.offerPrice(Rows.price("BANKNIFTY", 56000, System.currentTimeMillis()));
        board.awaitApplied(5000);
        try (WsClient c = WsClient.connect(server.port())) {
            JsonNode first = c.next(5);
            assertThat(first.get("type").asText()).isEqualTo("snapshot");
            assertThat(first.get("seq").asLong()).isEqualTo(1);
            assertThat(first.get("status").get("data_source").asText()).isEqualTo("SIMULATED");
            JsonNode u = first.get("underlyings");
            assertThat(u.fieldNames()).toIterable().containsExactly("NIFTY", "BANKNIFTY", "SENSEX");
            assertThat(u.get("NIFTY").get("candles").get("5m").get(0).get("close").asDouble()).isEqualTo(25000.0);
            assertThat(u.get("NIFTY").get("latest").get("5m").get("signals")).hasSize(13);
            assertThat(u.get("BANKNIFTY").get("price").get("last").asDouble()).isEqualTo(56000.0);
            assertThat(u.get("SENSEX").get("price").isNull()).isTrue();
        }
    }

    @Test
    void updatesArriveInTheOrderTheBoardAppliedThemWithConsecutiveSequenceNumbers() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.next("snapshot", 5);
            for (int m = 0; m < 50; m++) {
                board.offerRow(Rows.index("NIFTY", "1m", m, 25000 + m).toString());
            }
            List<Double> closes = new ArrayList<>();
            long seq = -1;
            while (closes.size() < 50) {
                JsonNode msg = c.next(5);
                if (seq >= 0) assertThat(msg.get("seq").asLong()).isEqualTo(seq + 1);
                seq = msg.get("seq").asLong();
                if (msg.get("type").asText().equals("update")) {
                    assertThat(msg.get("kind").asText()).isEqualTo("candle");
                    assertThat(msg.get("bar").get("time").asLong()).isEqualTo(msg.get("row").get("start").asText().isEmpty() ? -1
                            : java.time.OffsetDateTime.parse(msg.get("row").get("start").asText()).toEpochSecond());
                    closes.add(msg.get("bar").get("close").asDouble());
                }
            }
            for (int m = 0; m < 50; m++) {
                assertThat(closes.get(m)).isEqualTo(25000.0 + m);
            }
        }
    }

    @Test
    void aClientThatSubscribesToOneUnderlyingGetsItsSnapshotAndOnlyItsUpdates() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.next("snapshot", 5);
            c.send("{\"type\":\"subscribe\",\"underlyings\":[\"sensex\"]}");
            JsonNode snapshot = c.next("snapshot", 5);
            assertThat(snapshot.get("underlyings").fieldNames()).toIterable().containsExactly("SENSEX");
            board.offerRow(Rows.index("NIFTY", "1m", 0, 1).toString());
            board.offerPrice(Rows.price("BANKNIFTY", 2, 0));
            board.offerRow(Rows.index("SENSEX", "1m", 0, 3).toString());
            JsonNode update = c.next("update", 5);
            assertThat(update.get("underlying").asText()).isEqualTo("SENSEX");
            board.offerPrice(Rows.price("SENSEX", 4, 0));
            assertThat(c.next("update", 5).get("price").get("last").asDouble()).isEqualTo(4.0);
            assertThat(c.drain()).noneMatch(m -> m.path("type").asText().equals("update"));
        }
    }

    @Test
    void malformedMessagesAreAnsweredWithAnErrorAndTooManyCloseTheConnection() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.next("snapshot", 5);
            c.send("not json");
            assertThat(c.next("error", 5).get("error").asText()).isEqualTo("not JSON");
            c.send("[1,2]");
            assertThat(c.next("error", 5).get("error").asText()).contains("\"type\"");
            c.send("{\"type\":\"buy\"}");
            assertThat(c.next("error", 5).get("error").asText()).contains("unknown type \"buy\"");
            c.send("{\"type\":\"subscribe\",\"underlyings\":[\"FINNIFTY\"]}");
            assertThat(c.next("error", 5).get("error").asText()).contains("unknown underlying \"FINNIFTY\"");
            c.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
            assertThat(c.next("error", 5).get("error").asText()).contains("longer than 4096");
            c.send("{\"type\":\"ping\"}");
            assertThat(c.next("pong", 5)).isNotNull();
            assertThat(board.metrics().malformedClientMessages.sum()).isEqualTo(5);
            for (int i = 0; i < MarketSocket.MALFORMED_LIMIT - 5; i++) {
                c.send("?");
            }
            assertThat(c.closed.get(5, TimeUnit.SECONDS)).isEqualTo(MarketSocket.CLOSE_POLICY);
        }
    }

    @Test
    void aStalledClientDoesNotDelayAFastOneAndIsDisconnectedWhenItFallsTooFarBehind() throws Exception {
        try (WsClient slow = WsClient.stalled(server.port()); WsClient fast = WsClient.connect(server.port())) {
            fast.next("snapshot", 5);
            // Big candle updates, so the stalled client's socket buffers fill and its queue overflows.
            int n = 3000;
            for (int m = 0; m < n; m++) {
                board.offerRow(Rows.index("NIFTY", "1m", m % 375, 25000 + m).put("pad", "x".repeat(4000)).toString());
            }
            int candles = 0;
            while (candles < n) {
                if (fast.next(10).path("kind").asText().equals("candle")) candles++;
            }
            assertThat(board.metrics().clientDrops.sum()).isPositive();
            // the stalled one is closed once it has been over its limit for 10 s (or lost 4096 messages)
            for (int m = 0; m < 5000 && !slow.closed.isDone(); m++) {
                board.offerRow(Rows.index("NIFTY", "1m", m % 375, 1).put("pad", "x".repeat(4000)).toString());
                if (m % 500 == 0) Thread.sleep(200);
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (board.metrics().slowDisconnects.sum() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(board.metrics().slowDisconnects.sum()).as("drops %s", board.metrics().clientDrops.sum()).isEqualTo(1);
            slow.resume();
            slow.closed.get(10, TimeUnit.SECONDS);
            assertThat(fast.closed).isNotDone();
            fast.send("{\"type\":\"ping\"}");
            assertThat(fast.next("pong", 5)).isNotNull();
        }
    }

    @Test
    void twoHundredClientsAtOnceEachGetTheSnapshotAndTheNextUpdate() throws Exception {
        board.offerRow(Rows.index("BANKNIFTY", "15m", 0, 56000).toString());
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                clients.add(WsClient.connect(server.port()));
            }
            for (WsClient c : clients) {
                JsonNode snapshot = c.next("snapshot", 10);
                assertThat(snapshot.get("underlyings").get("BANKNIFTY").get("candles").get("15m")).hasSize(1);
            }
            // a client holding its snapshot is counted
            assertThat(board.metrics().clients.get()).isEqualTo(200);
            board.offerRow(Rows.index("BANKNIFTY", "15m", 15, 56100).toString());
            for (WsClient c : clients) {
                assertThat(c.next("update", 10).get("bar").get("close").asDouble()).isEqualTo(56100.0);
            }
            // updates go to registered clients only, so all 200 are registered by now
            assertThat(server.clients()).isEqualTo(200);
            assertThat(board.metrics().clients.get()).isEqualTo(200);
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    void statusAndHeartbeatsKeepComingWithoutData() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            JsonNode status = c.next("status", 5).get("status");
            assertThat(status.get("feed").asText()).isIn("NO_DATA", "MARKET_CLOSED");
            assertThat(status.get("market_phase").asText()).isNotBlank();
            assertThat(c.next("heartbeat", 8).get("server_time").asLong()).isPositive();
        }
    }

    @Test
    void aRestartedServerOnTheSameBoardServesTheSameSnapshot() throws Exception {
        board.offerRow(Rows.index("SENSEX", "3m", 0, 82000).toString());
        board.offerPrice(Rows.price("NIFTY", 25000, 0));
        board.awaitApplied(5000);
        JsonNode before;
        try (WsClient c = WsClient.connect(server.port())) {
            before = c.next("snapshot", 5).get("underlyings");
        }
        int port = server.port();
        server.close();
        server = PublisherServer.start(PublisherServer.Config.of("127.0.0.1", port, board));
        try (WsClient c = WsClient.connect(port)) {
            assertThat(c.next("snapshot", 5).get("underlyings")).isEqualTo(before);
        }
    }
}
