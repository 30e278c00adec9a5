package com.tradesignal.publisher.rest;

import com.tradesignal.publisher.AccessGuard;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenTest {
    private static final String TOKEN = "correct-horse-battery-staple";
    private MarketBoard board;
    private PublisherServer server;

    @BeforeEach
    void start() {
        board = new MarketBoard(DataSource.LIVE, new PublisherMetrics());
        server = PublisherServer.start(PublisherServer.Config.of("127.0.0.1", 0, board).withAccess(AccessGuard.withToken(TOKEN)));
    }

    @AfterEach
    void stop() {
        server.close();
        board.close();
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (header != null) b.header(header, value);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutTheTokenTheApiAndThePageAnswer401() throws Exception {
        assertThat(get("/api/status", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/status", null, null).body()).contains("access token required");
        assertThat(get("/api/signals/NIFTY", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get("/", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void healthMetricsAndTheKiteCallbackStayOpen() throws Exception {
        assertThat(get("/health", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/metrics", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/auth/callback", null, null).statusCode()).isNotEqualTo(401);
    }

    @Test
    void aBearerTokenOrTheCookieSetByTheTokenInTheAddressLetsTheClientIn() throws Exception {
        assertThat(get("/api/status", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> first = get("/api/status?token=" + TOKEN, null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("ts_token=" + TOKEN).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(get("/api/status", "Cookie", "ts_token=" + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theWebSocketNeedsTheTokenToo() {
        WebSocket.Listener quiet = new WebSocket.Listener() {};
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws/market");
        WebSocket withToken = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + TOKEN)
                .buildAsync(uri, quiet).join();
        assertThat(withToken.isInputClosed()).isFalse();
        withToken.abort();
        // without it the server closes the socket at once with 1008
        java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                closed.complete(code);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(-1);
            }
        }).exceptionally(e -> {
            closed.complete(-2);
            return null;
        });
        assertThat(closed.join()).isIn(1008, -2);
    }

    @Test
    void theTokenIsReadFromTheFirstLineOfItsFileAndABadFileIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("token");
        java.nio.file.Files.writeString(file, TOKEN + "\n");
        AccessGuard guard = AccessGuard.configured(file);
        assertThat(guard.enabled()).isTrue();
        assertThat(guard.authorizationHeader()).contains("Bearer " + TOKEN);
        java.nio.file.Files.writeString(file, "\n");
        assertThatThrownBy(() -> AccessGuard.configured(file)).hasMessageContaining(file.toString()).hasMessageContaining("empty");
        assertThatThrownBy(() -> AccessGuard.configured(dir.resolve("missing"))).hasMessageContaining("missing");
    }

    @Test
    void anEmptyTokenIsRefused() {
        assertThatThrownBy(() -> AccessGuard.withToken(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
