package com.tradesignal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Replayed recorded candles, and N-minute historical intervals, seen through the historical endpoint. */
class ReplayAndIntervalsTest {
    private static final Path APRIL_2021_NIFTY = Path.of(System.getProperty("tradesignal.shared", "/work/shared"),
            "fixtures", "nse-index-1min", "2021-apr-nifty.csv");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private KiteSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private JsonNode candles(AccessToken session, long token, String interval, LocalTime from, LocalTime to) throws Exception {
        String q = "from=" + URLEncoder.encode("2026-11-27 " + from + ":00", StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode("2026-11-27 " + to + ":00", StandardCharsets.UTF_8) + "&oi=1";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.endpoints().apiRoot()
                        + "/instruments/historical/" + token + "/" + interval + "?" + q))
                .header("X-Kite-Version", "3").header("Authorization", "token " + sim.apiKey() + ":" + session.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).path("data").path("candles");
    }

    @Test
    void aReplayedDaysMinutesComeBackAsTheRecordedCandlesOnTheSimulatedDay() throws Exception {
        assumeTrue(Files.isReadable(APRIL_2021_NIFTY), "shared fixtures not present");
        sim = KiteSimulator.builder().clock(SimulatorFixtures.clockAt(LocalTime.of(9, 14), 600))
                .replayCandles(List.of(APRIL_2021_NIFTY)).build().start();
        AccessToken session = sim.issueAccessToken();
        // The second recorded day (5 Apr 2021) is replayed; its 09:16 row is the 09:15 minute.
        assertThat(TickerTestClient.await(PATIENCE, () -> sim.clock().now()
                > MarketTime.at(SimulatorFixtures.TRADING_DAY, LocalTime.of(9, 22)))).isTrue();
        JsonNode c = candles(session, 256265L, "minute", LocalTime.of(9, 15), LocalTime.of(9, 17));
        assertThat(c).hasSize(3);
        assertThat(c.get(0).get(0).asText()).isEqualTo("2026-11-27T09:15:00+0530");
        assertThat(List.of(c.get(0).get(1).asDouble(), c.get(0).get(2).asDouble(), c.get(0).get(3).asDouble(), c.get(0).get(4).asDouble()))
                .containsExactly(14849.85, 14849.85, 14773.40, 14788.35);
        assertThat(List.of(c.get(2).get(1).asDouble(), c.get(2).get(2).asDouble(), c.get(2).get(3).asDouble(), c.get(2).get(4).asDouble()))
                .containsExactly(14764.50, 14769.20, 14754.35, 14755.25);
        // Strikes and futures sit where the replayed index is.
        List<Instrument> nifty = sim.instruments().stream().filter(i -> "NIFTY".equals(i.name())).toList();
        assertThat(nifty).filteredOn(i -> i.type() == InstrumentType.CE).extracting(Instrument::strike)
                .contains(14850.0).allSatisfy(k -> assertThat(k).isBetween(13_800.0, 15_900.0));
    }

    @Test
    void fiveMinuteCandlesAggregateTheMinutesFrom0915() throws Exception {
        sim = KiteSimulator.builder().clock(SimulatorFixtures.clockAt(LocalTime.of(9, 15), 600)).build().start();
        AccessToken session = sim.issueAccessToken();
        long future = sim.instrumentTokens("NIFTY26DECFUT").get(0);
        assertThat(TickerTestClient.await(PATIENCE, () -> sim.clock().now()
                > MarketTime.at(SimulatorFixtures.TRADING_DAY, LocalTime.of(9, 31)))).isTrue();
        JsonNode minutes = candles(session, future, "minute", LocalTime.of(9, 15), LocalTime.of(9, 24));
        JsonNode fives = candles(session, future, "5minute", LocalTime.of(9, 15), LocalTime.of(9, 24));
        assertThat(minutes).hasSize(10);
        assertThat(fives).hasSize(2);
        assertThat(fives.get(1).get(0).asText()).isEqualTo("2026-11-27T09:20:00+0530");
        double high = 0;
        long volume = 0;
        for (int i = 5; i < 10; i++) {
            high = Math.max(high, minutes.get(i).get(2).asDouble());
            volume += minutes.get(i).get(5).asLong();
        }
        assertThat(fives.get(1).get(1).asDouble()).isEqualTo(minutes.get(5).get(1).asDouble());
        assertThat(fives.get(1).get(2).asDouble()).isEqualTo(high);
        assertThat(fives.get(1).get(4).asDouble()).isEqualTo(minutes.get(9).get(4).asDouble());
        assertThat(fives.get(1).get(5).asLong()).isEqualTo(volume).isPositive();
        assertThat(fives.get(1).get(6).asLong()).isEqualTo(minutes.get(9).get(6).asLong()).isPositive();
    }
}
