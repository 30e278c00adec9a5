package com.tradesignal.simulator;

import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteFrameDecoder;
import com.tradesignal.market.MarketTime;
import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.models.HistoricalData;
import com.zerodhatech.models.Instrument;
import com.zerodhatech.models.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulator's REST side called by the kiteconnect 3.5.1 library itself (its root URL pointed at the simulator
 * by reflection, as only a test may), so the paths, headers, form fields and JSON shapes are the ones the real
 * client sends and parses.
 */
class KiteConnectAgainstSimulatorTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private KiteSimulator sim;
    private String previousRoot;

    @BeforeEach
    void start() throws Throwable {
        sim = SimulatorFixtures.started(LocalTime.of(9, 15), 120);
        previousRoot = setRoot(sim.endpoints().apiRoot());
    }

    @AfterEach
    void stop() throws Throwable {
        setRoot(previousRoot);
        sim.close();
    }

    private static String setRoot(String root) throws Exception {
        Field f = com.zerodhatech.kiteconnect.Routes.class.getDeclaredField("_rootUrl");
        f.setAccessible(true);
        String old = (String) f.get(null);
        f.set(null, root);
        return old;
    }

    private String login(String redirectParams) throws Exception {
        String url = sim.endpoints().loginUrl() + "?v=3&api_key=" + sim.apiKey()
                + "&redirect_params=" + java.net.URLEncoder.encode(redirectParams, StandardCharsets.UTF_8);
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith("http://127.0.0.1:8000/api/auth/callback?");
        return location.getRawQuery();
    }

    private static Map<String, String> params(String rawQuery) {
        return java.util.Arrays.stream(rawQuery.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @Test
    void aLoginRedirectCarriesTheStateAndItsRequestTokenBecomesASessionExactlyOnce() throws Throwable {
        Map<String, String> callback = params(login("state=xyz-42&from=cli"));
        assertThat(callback).containsEntry("state", "xyz-42").containsEntry("from", "cli")
                .containsEntry("action", "login").containsEntry("status", "success");

        KiteConnect kite = new KiteConnect(sim.apiKey());
        User user = kite.generateSession(callback.get("request_token"), sim.apiSecret());
        assertThat(user.accessToken).isNotBlank();
        assertThat(user.apiKey).isEqualTo(sim.apiKey());
        assertThat(user.userId).isEqualTo("SIM001");

        assertThatThrownBy(() -> kite.generateSession(callback.get("request_token"), sim.apiSecret()))
                .isInstanceOfSatisfying(KiteException.class, e -> assertThat(e.code).isEqualTo(403));
        String another = params(login("state=s")).get("request_token");
        assertThatThrownBy(() -> kite.generateSession(another, "not-the-secret"))
                .isInstanceOfSatisfying(KiteException.class, e -> assertThat(e.code).isEqualTo(403));

        // The session works on the ticker.
        AccessToken session = AccessToken.issued(sim.apiKey(), user.userId, user.accessToken, sim.clock().now());
        try (TickerTestClient client = TickerTestClient.connect(sim, session)) {
            assertThat(client.awaitMessage(PATIENCE, r -> !r.isBinary())).isTrue();
        }
    }

    @Test
    void theInstrumentsCsvParsesIntoKiteconnectInstruments() throws Throwable {
        KiteConnect kite = new KiteConnect(sim.apiKey());
        kite.setAccessToken(sim.issueAccessToken().token());
        List<Instrument> nfo = kite.getInstruments("NFO");
        assertThat(nfo).isNotEmpty().allSatisfy(i -> {
            assertThat(i.exchange).isEqualTo("NFO");
            assertThat(i.instrument_token & 0xFF).isEqualTo(2);
            assertThat(i.exchange_token).isEqualTo(i.instrument_token >> 8);
            assertThat(i.expiry).isNotNull();
        });
        Instrument call = nfo.stream().filter(i -> i.instrument_type.equals("CE") && i.name.equals("BANKNIFTY"))
                .findFirst().orElseThrow();
        assertThat(call.lot_size).isEqualTo(30);
        assertThat(call.tick_size).isEqualTo(0.05);
        assertThat(call.segment).isEqualTo("NFO-OPT");
        assertThat(Double.parseDouble(call.strike) % 100).isZero();
        assertThat(kite.getInstruments()).extracting(i -> i.instrument_token).contains(256265L, 260105L, 265L);
    }

    @Test
    void aRefusedOrMissingSessionIsATokenException() throws Throwable {
        KiteConnect kite = new KiteConnect(sim.apiKey());
        kite.setAccessToken(sim.issueAccessToken().token());
        sim.faults().refuseTokens();
        assertThatThrownBy(() -> kite.getInstruments("NFO"))
                .isInstanceOfSatisfying(KiteException.class, e -> assertThat(e.code).isEqualTo(403));
        kite.setAccessToken(sim.issueAccessToken().token());
        assertThat(kite.getInstruments("BFO")).isNotEmpty();
    }

    @Test
    void aHistoricalMinuteIsTheCandleOfWhatWasStreamedInThatMinute() throws Throwable {
        AccessToken session = sim.issueAccessToken();
        long future = sim.instruments().stream().filter(i -> i.tradingSymbol().equals("NIFTY26DECFUT"))
                .findFirst().orElseThrow().token();
        Map<Long, List<DecodedTick>> byMinute = new TreeMap<>();
        try (TickerTestClient client = TickerTestClient.connect(sim, session)) {
            client.send("{\"a\":\"subscribe\",\"v\":[" + future + "]}");
            client.send("{\"a\":\"mode\",\"v\":[\"full\",[" + future + "]]}");
            KiteFrameDecoder decoder = new KiteFrameDecoder();
            List<DecodedTick> ticks = new ArrayList<>();
            // Three distinct minutes of full ticks: the middle one was seen whole, with the tick before it.
            assertThat(TickerTestClient.await(PATIENCE, () -> {
                ticks.clear();
                client.binaries().forEach(b -> ticks.addAll(decoder.decode(b).ticks()));
                return ticks.stream().filter(t -> t.exchangeTime() > 0)
                        .map(t -> MarketTime.minuteStart(t.exchangeTime())).distinct().count() >= 3;
            })).isTrue();
            ticks.stream().filter(t -> t.exchangeTime() > 0).forEach(t ->
                    byMinute.computeIfAbsent(MarketTime.minuteStart(t.exchangeTime()), k -> new ArrayList<>()).add(t));
        }
        List<Long> minutes = new ArrayList<>(byMinute.keySet());
        long minute = minutes.get(1);
        List<DecodedTick> in = byMinute.get(minute);
        List<DecodedTick> before = byMinute.get(minutes.get(0));
        DecodedTick last = in.get(in.size() - 1);

        KiteConnect kite = new KiteConnect(sim.apiKey());
        kite.setAccessToken(session.token());
        Date from = kiteconnectDate(minute);
        HistoricalData data = kite.getHistoricalData(from, from, String.valueOf(future), "minute", false, true);
        assertThat(data.dataArrayList).hasSize(1);
        HistoricalData candle = data.dataArrayList.get(0);
        assertThat(candle.timeStamp).isEqualTo(Instant.ofEpochMilli(minute).atOffset(MarketTime.IST)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")));
        assertThat(candle.open).isEqualTo(in.get(0).lastPrice());
        assertThat(candle.close).isEqualTo(last.lastPrice());
        assertThat(candle.high).isEqualTo(in.stream().mapToDouble(DecodedTick::lastPrice).max().orElseThrow());
        assertThat(candle.low).isEqualTo(in.stream().mapToDouble(DecodedTick::lastPrice).min().orElseThrow());
        assertThat(candle.volume).isEqualTo(last.volume() - before.get(before.size() - 1).volume());
        assertThat(candle.oi).isEqualTo(last.openInterest());
    }

    /** kiteconnect formats dates in the JVM's zone; Kite reads them as IST. */
    private static Date kiteconnectDate(long epochMillis) {
        return Date.from(Instant.ofEpochMilli(epochMillis).atOffset(MarketTime.IST).toLocalDateTime()
                .atZone(ZoneId.systemDefault()).toInstant());
    }
}
