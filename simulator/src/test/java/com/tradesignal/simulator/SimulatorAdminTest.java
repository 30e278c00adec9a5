package com.tradesignal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.protocol.KiteFrameDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault and status endpoints a CLI or a test in another process drives the simulator with. */
class SimulatorAdminTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private final KiteSimulator sim = SimulatorFixtures.started(LocalTime.of(9, 20), 60);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.endpoints().apiRoot() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postingDropClosesOpenSockets() throws Exception {
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            assertThat(TickerTestClient.await(PATIENCE, () -> sim.stats().openConnections() == 1)).isTrue();
            assertThat(call("POST", "/sim/faults/drop").statusCode()).isEqualTo(200);
            assertThat(client.closedOrFailed.get(15, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void postingRefuseTokensMakesTheNextUpgrade403() throws Exception {
        AccessToken token = sim.issueAccessToken();
        assertThat(call("POST", "/sim/faults/refuse-tokens").statusCode()).isEqualTo(200);
        Throwable failure = TickerTestClient.connectFailure(TickerTestClient.uri(sim, sim.apiKey(), token.token()));
        assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(403);
    }

    @Test
    void postingMalformedSendsThatManyBrokenFramesOfEachKindTheDecoderCounts() throws Exception {
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            client.send("{\"a\":\"subscribe\",\"v\":[256265,260105]}");
            assertThat(TickerTestClient.await(PATIENCE, () -> sim.stats().ticksSent() > 0)).isTrue();
            assertThat(call("POST", "/sim/faults/malformed?count=3").statusCode()).isEqualTo(200);
            assertThat(TickerTestClient.await(PATIENCE, () -> sim.stats().malformedFramesSent() == 3)).isTrue();
            long ticksAfter = sim.stats().ticksSent();
            assertThat(TickerTestClient.await(PATIENCE, () -> sim.stats().ticksSent() > ticksAfter)).isTrue();
            KiteFrameDecoder decoder = new KiteFrameDecoder();
            int brokenFrames = 0;
            for (byte[] frame : client.binaries()) {
                KiteFrameDecoder.Result r = decoder.decode(frame);
                if (r.malformedFrames() + r.malformedPackets() > 0) {
                    brokenFrames++;
                }
            }
            assertThat(brokenFrames).isEqualTo(3);
            assertThat(decoder.totalTicks()).isPositive();
        }
    }

    @Test
    void postingSilenceStopsEvenHeartbeatsUntilItEnds() throws Exception {
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            assertThat(TickerTestClient.await(PATIENCE, () -> !client.binaries().isEmpty())).isTrue();
            long asked = System.currentTimeMillis();
            assertThat(call("POST", "/sim/faults/silence?seconds=2.5").statusCode()).isEqualTo(200);
            long answered = System.currentTimeMillis();
            assertThat(TickerTestClient.await(PATIENCE, () -> client.received.stream()
                    .anyMatch(r -> r.isBinary() && r.wallMillis() > answered))).isTrue();
            // Whatever arrived after the request was answered came after the silence.
            long resumed = client.received.stream().filter(r -> r.isBinary() && r.wallMillis() > answered)
                    .mapToLong(TickerTestClient.Received::wallMillis).min().orElseThrow();
            assertThat(resumed - asked).isGreaterThanOrEqualTo(2_500 - 100);
        }
    }

    @Test
    void statusReportsTheStatsAsJsonAndSaysTheDataIsSimulated() throws Exception {
        sim.issueAccessToken();
        call("GET", "/instruments/NFO");
        HttpResponse<String> r = call("GET", "/sim/status");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode status = new ObjectMapper().readTree(r.body());
        assertThat(status.path("simulated").asBoolean()).isTrue();
        assertThat(status.path("stats").path("sessionsIssued").asLong()).isEqualTo(1);
        assertThat(status.path("stats").path("restRefused").asLong()).isEqualTo(1);
        assertThat(status.path("stats").path("restCalls").path("GET /instruments/{exchange}").asLong()).isEqualTo(1);
        assertThat(status.path("marketTime").asText()).startsWith("2026-11-27T09:2");
    }
}
