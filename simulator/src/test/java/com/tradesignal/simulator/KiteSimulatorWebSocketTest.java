package com.tradesignal.simulator;

import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteFrameDecoder;
import com.tradesignal.kite.protocol.PacketKind;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ticker protocol details beyond {@link SimulatorTickerTest}: modes per segment, closed days, the api_key check. */
class KiteSimulatorWebSocketTest {
    static final long NIFTY = 256265;
    static final long BANKNIFTY = 260105;
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private KiteSimulator sim;

    /** A simulator on Friday 27 Nov 2026 (a trading day) from {@code start} IST at {@code speed}. */
    static KiteSimulator startedAt(LocalDate date, LocalTime start, double speed) {
        return KiteSimulator.builder().port(0)
                .clock(MarketClock.simulated(date.atTime(start).toInstant(MarketTime.IST), speed))
                .ticksPerSecond(2.0).seed(7).build().start();
    }

    static KiteSimulator tradingDayAt(LocalTime start, double speed) {
        return startedAt(LocalDate.of(2026, 11, 27), start, speed);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void anUnknownApiKeyOrTokenIsRefusedWith403BeforeTheUpgrade() throws Exception {
        sim = tradingDayAt(LocalTime.of(9, 20), 60);
        sim.issueAccessToken();
        Throwable failure = TickerTestClient.connectFailure(TickerTestClient.uri(sim, sim.apiKey(), "not-a-token"));
        assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(403);

        AccessToken valid = sim.issueAccessToken();
        Throwable wrongKey = TickerTestClient.connectFailure(TickerTestClient.uri(sim, "other_key", valid.token()));
        assertThat(((WebSocketHandshakeException) wrongKey).getResponse().statusCode()).isEqualTo(403);
        assertThat(sim.stats().upgradesRefused()).isEqualTo(2);
        assertThat(sim.stats().connectionsAccepted()).isZero();
    }

    @Test
    void fullModeOnAnIndexAndAFutureSendsFullPacketsWithVolumeAndOpenInterestForTheFuture() throws Exception {
        sim = tradingDayAt(LocalTime.of(9, 20), 60);
        long future = sim.instruments().stream().filter(i -> i.exchange().equals("NFO") && i.name().equals("NIFTY")
                && i.type().name().equals("FUT")).findFirst().orElseThrow().token();
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            client.send("{\"a\":\"subscribe\",\"v\":[" + NIFTY + "," + future + "]}");
            client.send("{\"a\":\"mode\",\"v\":[\"full\",[" + NIFTY + "," + future + "]]}");
            KiteFrameDecoder decoder = new KiteFrameDecoder();
            List<DecodedTick> full = new ArrayList<>();
            assertThat(TickerTestClient.await(PATIENCE, () -> {
                full.clear();
                client.binaries().forEach(b -> decoder.decode(b).ticks().stream()
                        .filter(t -> t.kind() == PacketKind.FULL || t.kind() == PacketKind.INDEX_FULL).forEach(full::add));
                return full.stream().anyMatch(t -> t.token() == NIFTY) && full.stream().anyMatch(t -> t.token() == future);
            })).isTrue();
            long nowMarket = sim.clock().now();
            assertThat(full).allSatisfy(t -> {
                assertThat(t.token()).isIn(NIFTY, future);
                assertThat(t.kind()).isEqualTo(t.token() == NIFTY ? PacketKind.INDEX_FULL : PacketKind.FULL);
                assertThat(MarketTime.istDate(t.exchangeTime())).isEqualTo(LocalDate.of(2026, 11, 27));
                // On subscribe the current state comes first, stamped with its last trade: the future's may be
                // the 09:08 pre-open print.
                assertThat(t.exchangeTime()).isBetween(LocalDate.of(2026, 11, 27).atTime(9, 0)
                        .toInstant(MarketTime.IST).toEpochMilli(), nowMarket);
                assertThat(t.lastPrice()).isPositive();
            });
            assertThat(full.stream().filter(t -> t.token() == future)).allSatisfy(t -> {
                assertThat(t.volume()).isPositive();
                assertThat(t.openInterest()).isPositive();
            });
            assertThat(decoder.totalMalformedPackets() + decoder.totalMalformedFrames()).isZero();
        }
    }

    @Test
    void subscribeWithoutModeSendsQuotePackets() throws Exception {
        sim = tradingDayAt(LocalTime.of(9, 20), 60);
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            client.send("{\"a\":\"subscribe\",\"v\":[" + BANKNIFTY + "]}");
            KiteFrameDecoder decoder = new KiteFrameDecoder();
            assertThat(client.awaitMessage(PATIENCE, r -> r.isBinary() && r.binary().length > 1)).isTrue();
            List<DecodedTick> ticks = client.binaries().stream().flatMap(b -> decoder.decode(b).ticks().stream()).toList();
            assertThat(ticks).isNotEmpty().allSatisfy(t -> {
                assertThat(t.token()).isEqualTo(BANKNIFTY);
                assertThat(t.kind()).isEqualTo(PacketKind.INDEX_QUOTE);
            });
        }
    }

    @Test
    void aClosedMarketSendsOnlyHeartbeats() throws Exception {
        // Saturday 28 Nov 2026: no session.
        sim = startedAt(LocalDate.of(2026, 11, 28), LocalTime.of(10, 0), 60);
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            client.send("{\"a\":\"subscribe\",\"v\":[" + NIFTY + "]}");
            client.send("{\"a\":\"mode\",\"v\":[\"full\",[" + NIFTY + "]]}");
            assertThat(TickerTestClient.await(PATIENCE, () -> client.binaries().size() >= 2)).isTrue();
            assertThat(client.binaries()).allSatisfy(b -> assertThat(b).hasSize(1));
            assertThat(sim.stats().ticksSent()).isZero();
        }
    }

    @Test
    void inThePreOpenOnlyTheAuctionPrintsArriveAndTheFuturesPrintCarriesVolume() throws Exception {
        sim = tradingDayAt(LocalTime.of(9, 7, 0), 60);
        long future = sim.instrumentTokens("NIFTY26DECFUT").get(0);
        long option = sim.instruments().stream().filter(i -> "NIFTY".equals(i.name()) && i.type().name().equals("CE"))
                .findFirst().orElseThrow().token();
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            client.send("{\"a\":\"subscribe\",\"v\":[" + NIFTY + "," + future + "," + option + "]}");
            client.send("{\"a\":\"mode\",\"v\":[\"full\",[" + NIFTY + "," + future + "," + option + "]]}");
            long preOpenEnd = LocalDate.of(2026, 11, 27).atTime(9, 14, 59).toInstant(MarketTime.IST).toEpochMilli();
            assertThat(TickerTestClient.await(PATIENCE, () -> sim.clock().now() > preOpenEnd)).isTrue();
            KiteFrameDecoder decoder = new KiteFrameDecoder();
            List<DecodedTick> ticks = client.binaries().stream().flatMap(b -> decoder.decode(b).ticks().stream())
                    .filter(t -> t.exchangeTime() < LocalDate.of(2026, 11, 27).atTime(9, 15)
                            .toInstant(MarketTime.IST).toEpochMilli()).toList();
            assertThat(ticks).extracting(DecodedTick::token).containsExactlyInAnyOrder(NIFTY, future);
            assertThat(ticks).allSatisfy(t -> assertThat(java.time.Instant.ofEpochMilli(t.exchangeTime())
                    .atOffset(MarketTime.IST).toLocalTime())
                    .isBetween(LocalTime.of(9, 8), LocalTime.of(9, 9)));
            assertThat(ticks.stream().filter(t -> t.token() == future).findFirst().orElseThrow().volume()).isPositive();
        }
    }

    @Test
    void subscribingBeyond3000InstrumentsOnOneConnectionIsAnErrorForTheExcessOnly() throws Exception {
        sim = tradingDayAt(LocalTime.of(9, 20), 60);
        StringBuilder tokens = new StringBuilder(Long.toString(NIFTY));
        for (int i = 1; i <= 3000; i++) {
            tokens.append(',').append(1_000_000L + i);
        }
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            client.send("{\"a\":\"subscribe\",\"v\":[" + tokens + "]}");
            assertThat(client.awaitMessage(PATIENCE, r -> !r.isBinary() && r.text().contains("\"type\":\"error\"")
                    && r.text().contains("1 instruments not subscribed"))).isTrue();
            // The first 3000, NIFTY among them, stream.
            assertThat(client.awaitMessage(PATIENCE, r -> r.isBinary() && r.binary().length > 1)).isTrue();
        }
    }
}
