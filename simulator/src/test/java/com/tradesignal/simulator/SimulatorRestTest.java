package com.tradesignal.simulator;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.rest.HistoricalCandle;
import com.tradesignal.kite.rest.KiteAuthException;
import com.tradesignal.kite.rest.KiteRestClient;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's REST endpoints, called through the kiteconnect library exactly as the product calls Kite. */
class SimulatorRestTest {
    private final KiteSimulator sim = SimulatorFixtures.started(LocalTime.of(9, 15), 120);
    private final KiteRestClient rest = new KiteRestClient(sim.endpoints(), sim.apiKey());

    @AfterEach
    void stop() {
        sim.close();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private URI loginRedirect(String state) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(rest.loginUrl(state))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return URI.create(r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theLoginPageRedirectsWithARequestTokenAndEchoesTheState() throws Exception {
        URI redirect = loginRedirect("abc123");
        assertThat(redirect.getPath()).isEqualTo("/api/auth/callback");
        Map<String, String> q = query(redirect);
        assertThat(q).containsEntry("status", "success").containsEntry("action", "login").containsEntry("state", "abc123");
        assertThat(q.get("request_token")).matches("[0-9a-f]{32}");
    }

    @Test
    void aRequestTokenBecomesASessionOnceWithTheRightChecksum() throws Exception {
        String requestToken = query(loginRedirect("s")).get("request_token");
        assertThatThrownBy(() -> rest.generateSession(requestToken, "wrong-secret"))
                .isInstanceOf(KiteAuthException.class).hasMessageNotContaining("wrong-secret");

        String second = query(loginRedirect("s")).get("request_token");
        AccessToken session = rest.generateSession(second, sim.apiSecret());
        assertThat(session.userId()).isEqualTo("SIM001");
        assertThat(session.apiKey()).isEqualTo(sim.apiKey());
        assertThatThrownBy(() -> rest.generateSession(second, sim.apiSecret()))
                .as("a request token is single-use").isInstanceOf(KiteAuthException.class);
    }

    @Test
    void theInstrumentsDumpListsTwoMonthsOfFuturesAndTheOptionChainsByNameTypeAndExpiry() {
        AccessToken session = sim.issueAccessToken();
        List<Instrument> nfo = rest.instruments("NFO", session);
        List<Instrument> futures = nfo.stream().filter(i -> i.type() == InstrumentType.FUT).toList();
        assertThat(futures).extracting(Instrument::name)
                .containsExactlyInAnyOrder("NIFTY", "NIFTY", "BANKNIFTY", "BANKNIFTY");
        // Friday 27 Nov 2026: NSE monthlies are the last Tuesdays of December and January.
        assertThat(futures).extracting(Instrument::expiry).containsOnly(
                java.time.LocalDate.of(2026, 12, 29), java.time.LocalDate.of(2027, 1, 26));
        assertThat(futures).extracting(Instrument::tradingSymbol).contains("NIFTY26DECFUT", "BANKNIFTY27JANFUT");
        assertThat(nfo).allSatisfy(i -> {
            assertThat(i.expiry()).isAfterOrEqualTo(SimulatorFixtures.TRADING_DAY);
            assertThat(i.token() & 0xFF).isEqualTo(2);
            assertThat(i.tickSize()).isEqualTo(0.05);
        });
        List<Instrument> niftyOptions = nfo.stream().filter(i -> i.name().equals("NIFTY") && i.type() != InstrumentType.FUT).toList();
        // Weekly on Tuesday 1 Dec and the monthly on 29 Dec, 41 strikes 50 apart, calls and puts.
        assertThat(niftyOptions).extracting(Instrument::expiry).containsOnly(
                java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2026, 12, 29));
        assertThat(niftyOptions).hasSize(2 * 41 * 2).allSatisfy(i -> {
            assertThat(i.lotSize()).isEqualTo(65);
            assertThat(i.strike() % 50).isZero();
        });
        List<Instrument> bfo = rest.instruments("BFO", session);
        assertThat(bfo).filteredOn(i -> i.type() == InstrumentType.FUT).extracting(Instrument::expiry)
                .containsExactlyInAnyOrder(java.time.LocalDate.of(2026, 12, 31), java.time.LocalDate.of(2027, 1, 28));
        assertThat(bfo).filteredOn(i -> i.type() == InstrumentType.CE).extracting(Instrument::expiry)
                .containsOnly(java.time.LocalDate.of(2026, 12, 3));
        assertThat(bfo).allSatisfy(i -> assertThat(i.name()).isEqualTo("SENSEX"));
    }

    @Test
    void historicalMinutesAreTheCandlesOfWhatWasStreamedInIST() throws Exception {
        AccessToken session = sim.issueAccessToken();
        long from = SimulatorFixtures.TRADING_DAY.atTime(9, 15).toInstant(MarketTime.IST).toEpochMilli();
        // At 120x two market minutes pass in a second.
        long deadline = System.currentTimeMillis() + 20_000;
        List<HistoricalCandle> candles = List.of();
        while (candles.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            candles = rest.historicalMinutes(256265L, from, from + 10 * 60_000L, session);
        }
        assertThat(candles).hasSizeGreaterThanOrEqualTo(3);
        assertThat(candles.get(0).startMillis()).isEqualTo(from);
        assertThat(candles.get(1).startMillis()).isEqualTo(from + 60_000L);
        for (HistoricalCandle c : candles) {
            assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
            assertThat(c.low()).isLessThanOrEqualTo(Math.min(c.open(), c.close()));
        }
    }

    @Test
    void aRefusedSessionIsAnAuthFailureNotARetryableError() {
        AccessToken session = sim.issueAccessToken();
        sim.faults().refuseTokens();
        assertThatThrownBy(() -> rest.instruments("NFO", session))
                .isInstanceOf(KiteAuthException.class).hasMessageNotContaining(session.token());
        assertThat(sim.stats().restRefused()).isEqualTo(1);
    }
}
