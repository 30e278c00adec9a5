package com.tradesignal.kite.rest;

import com.sun.net.httpserver.HttpServer;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.kite.auth.AccessToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST client on Kite's official mock responses (zerodha/kiteconnect-mocks, in the shared fixtures), served by a
 * plain HTTP server standing in for api.kite.trade: what the client sends and how it reads Kite's real formats.
 */
class KiteRestClientOfficialMocksTest {
    private static final Path MOCKS = Path.of(System.getProperty("tradesignal.shared", "../../shared"), "fixtures", "kite-mocks");

    private HttpServer server;
    private final Map<String, String> lastRequest = new ConcurrentHashMap<>();
    private KiteRestClient client;
    private final AccessToken session = AccessToken.issued("mock_key", "XX0000", "mock-access-token", 0L);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/session/token", "generate_session.json", 200);
        serve("/instruments/NFO", "instruments_all.csv", 200);
        serve("/instruments/historical/5633/minute", "historical_oi.json", 200);
        server.createContext("/instruments/historical/403/minute", ex -> {
            byte[] body = "{\"status\":\"error\",\"message\":\"Incorrect `api_key` or `access_token`.\",\"error_type\":\"TokenException\"}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(403, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        client = new KiteRestClient(KiteEndpoints.at("http://127.0.0.1:" + server.getAddress().getPort()), "mock_key");
    }

    private void serve(String path, String fixture, int status) {
        server.createContext(path, ex -> {
            lastRequest.put(path, ex.getRequestMethod() + " " + ex.getRequestURI() + " auth=" + ex.getRequestHeaders().getFirst("Authorization")
                    + " version=" + ex.getRequestHeaders().getFirst("X-Kite-Version")
                    + " body=" + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = Files.readAllBytes(MOCKS.resolve(fixture));
            ex.getResponseHeaders().add("Content-Type", fixture.endsWith(".csv") ? "text/csv" : "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theSessionExchangePostsTheChecksumAndReadsKitesSessionResponse() {
        AccessToken token = client.generateSession("req-token", "the-secret");
        assertThat(token.userId()).isEqualTo("XX0000");
        assertThat(token.token()).isEqualTo("XXXXXX");
        String request = lastRequest.get("/session/token");
        assertThat(request).startsWith("POST /session/token").contains("version=3").contains("request_token=req-token")
                .contains("checksum=" + com.tradesignal.kite.auth.SessionChecksum.of("mock_key", "req-token", "the-secret"))
                .doesNotContain("the-secret");
    }

    @Test
    void theInstrumentDumpKeepsExpiryStrikeTypeAndSegment() {
        List<Instrument> rows = client.instruments("NFO", session);
        assertThat(rows).hasSize(99);
        Instrument ce = rows.stream().filter(i -> i.tradingSymbol().equals("BANKNIFTY18JAN23500CE")).findFirst().orElseThrow();
        assertThat(ce.token()).isEqualTo(12073986L);
        assertThat(ce.expiry()).isEqualTo(LocalDate.of(2018, 1, 25));
        assertThat(ce.strike()).isEqualTo(23500.0);
        assertThat(ce.type()).isEqualTo(InstrumentType.CE);
        assertThat(ce.segment()).isEqualTo("NFO-OPT");
        assertThat(ce.lotSize()).isEqualTo(40);
        assertThat(lastRequest.get("/instruments/NFO")).contains("auth=token mock_key:mock-access-token");
    }

    @Test
    void historicalMinutesAreAskedForInIstAndReadWithOpenInterest() {
        long from = OffsetDateTime.parse("2019-12-04T09:15:00+05:30").toInstant().toEpochMilli();
        long to = OffsetDateTime.parse("2019-12-04T09:20:00+05:30").toInstant().toEpochMilli();
        List<HistoricalCandle> candles = client.historicalMinutes(5633L, from, to, session);
        assertThat(candles).hasSize(6);
        assertThat(candles.get(0)).isEqualTo(new HistoricalCandle(from, 12009.9, 12019.35, 12001.25, 12001.5, 163275, 13667775));
        assertThat(candles.get(5).startMillis()).isEqualTo(to);
        // Kite reads from/to as IST whatever this JVM's time zone is (the build runs on UTC).
        assertThat(lastRequest.get("/instruments/historical/5633/minute"))
                .contains("from=2019-12-04%2009%3A15%3A00").contains("to=2019-12-04%2009%3A20%3A00").contains("oi=1");
    }

    @Test
    void aTokenExceptionIsAnAuthFailureThatNamesNoToken() {
        assertThatThrownBy(() -> client.historicalMinutes(403L, 0L, 60_000L, session))
                .isInstanceOf(KiteAuthException.class).hasMessageNotContaining("mock-access-token");
    }
}
