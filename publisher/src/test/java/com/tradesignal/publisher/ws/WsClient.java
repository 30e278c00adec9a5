package com.tradesignal.publisher.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain JDK WebSocket client for the tests. A "stalled" client never asks for more than its first message, so the
 * server's sends to it back up as they would to a browser on a dead network.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile boolean stalled;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private WsClient(boolean stalled) {
        this.stalled = stalled;
    }

    static WsClient connect(int port) {
        return connect(port, false, null);
    }

    static WsClient stalled(int port) {
        return connect(port, true, null);
    }

    static WsClient connect(int port, boolean stalled, String bearer) {
        WsClient c = new WsClient(stalled);
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        c.socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/market"), c).join();
        return c;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("the server sent malformed JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        if (!stalled || !last) webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    /** A stalled client reads again: it then sees whatever the server did meanwhile, a disconnect included. */
    void resume() {
        stalled = false;
        socket.request(Long.MAX_VALUE);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message, failing after {@code seconds}. */
    JsonNode next(int seconds) throws InterruptedException {
        JsonNode m = messages.poll(seconds, TimeUnit.SECONDS);
        if (m == null) throw new AssertionError("no message within " + seconds + " s");
        return m;
    }

    /** The next message of this type, skipping others (status, heartbeats). */
    JsonNode next(String type, int seconds) throws InterruptedException {
        return next(m -> type.equals(m.path("type").asText()), seconds);
    }

    JsonNode next(Predicate<JsonNode> wanted, int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            JsonNode m = left <= 0 ? null : messages.poll(left, TimeUnit.MILLISECONDS);
            if (m == null) throw new AssertionError("no matching message within " + seconds + " s");
            if (wanted.test(m)) return m;
        }
    }

    /** Everything received so far. */
    List<JsonNode> drain() {
        List<JsonNode> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
