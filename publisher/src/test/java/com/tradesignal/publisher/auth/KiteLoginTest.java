package com.tradesignal.publisher.auth;

import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.FeedControlFile;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.kite.rest.KiteRestClient;
import com.tradesignal.market.FeedSchedule;
import com.tradesignal.market.MarketClock;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.simulator.KiteSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole Kite login through the publisher, against the simulator's login page and session exchange. */
class KiteLoginTest {
    @TempDir
    Path dir;

    private KiteSimulator sim;
    private PublisherServer publisher;
    private FileTokenStore tokens;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        sim = KiteSimulator.builder().redirectUrl("http://127.0.0.1:" + port + "/api/auth/callback").build().start();
        StateDirectory state = new StateDirectory(dir);
        tokens = new FileTokenStore(state.tokenFile());
        KiteLogin login = new KiteLogin(new KiteRestClient(sim.endpoints(), sim.apiKey()), sim.apiSecret(), tokens,
                state, MarketClock.system());
        publisher = PublisherServer.start("127.0.0.1", port, login, state);
    }

    @AfterEach
    void stop() {
        publisher.close();
        sim.close();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + publisher.port();
    }

    /** Follows the browser's path: publisher login → Kite (simulator) login page → publisher callback. */
    private String callbackUrl() throws Exception {
        HttpResponse<String> toKite = get(base() + "/api/auth/login");
        assertThat(toKite.statusCode()).isEqualTo(302);
        String kite = toKite.headers().firstValue("Location").orElseThrow();
        assertThat(kite).startsWith(sim.endpoints().loginUrl()).contains("api_key=" + sim.apiKey()).contains("redirect_params=state");
        HttpResponse<String> back = get(kite);
        assertThat(back.statusCode()).isEqualTo(302);
        return back.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void aLoginThroughTheCallbackStoresAnAccessTokenAndShowsNoSecret() throws Exception {
        HttpResponse<String> page = get(callbackUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Logged in to Kite as SIM001");
        AccessToken stored = tokens.load().orElseThrow();
        assertThat(page.body()).doesNotContain(stored.token()).doesNotContain(sim.apiSecret());

        HttpResponse<String> status = get(base() + "/api/auth/status");
        assertThat(status.body()).contains("\"state\":\"VALID\"").contains(stored.fingerprint())
                .doesNotContain(stored.token());
    }

    @Test
    void aCallbackWithAForgedOrReusedStateIsRefused() throws Exception {
        String callback = callbackUrl();
        String forged = callback.replaceAll("state=[^&]+", "state=forged");
        assertThat(get(forged).statusCode()).isEqualTo(400);
        assertThat(tokens.load()).isEmpty();

        assertThat(get(callback).statusCode()).isEqualTo(200);
        HttpResponse<String> reused = get(callback);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("start again at /api/auth/login");
    }

    @Test
    void aFailedLoginAtKiteIsReportedAndStoresNothing() throws Exception {
        String callback = callbackUrl().replace("status=success", "status=error");
        HttpResponse<String> r = get(callback);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("did not report a successful login");
        assertThat(tokens.load()).isEmpty();
        assertThat(get(base() + "/api/auth/status").body()).contains("LOGIN_REQUIRED");
    }

    @Test
    void theFeedSwitchIsWrittenForTheFeedsToRead() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/feed/stop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        FeedControlFile control = new FeedControlFile(new StateDirectory(dir).controlFile());
        assertThat(control.read()).isEqualTo(FeedSchedule.Override.FORCE_OFF);
        http.send(HttpRequest.newBuilder(URI.create(base() + "/api/feed/auto"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(control.read()).isEqualTo(FeedSchedule.Override.NONE);
        assertThat(get(base() + "/api/feed/status").body()).contains("\"override\":\"NONE\"");
    }
}
