package com.tradesignal.simulator;

import com.tradesignal.kite.auth.AccessToken;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A ticker client for tests on the JDK's own WebSocket: it records every text and binary message with its arrival
 * time, and whether (and when) the socket closed or failed.
 */
final class TickerTestClient implements AutoCloseable {

    /** One received message: exactly one of text/binary is set. */
    record Received(long wallMillis, String text, byte[] binary) {
        boolean isBinary() {
            return binary != null;
        }
    }

    /**
     * One client for all sockets, held for the whole run: the JDK stops an HttpClient's selector thread once the
     * client is unreachable, and a socket whose client was collected never notices that the server dropped it.
     */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<Received> received;
    final CompletableFuture<String> closedOrFailed;
    final WebSocket socket;

    private TickerTestClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.received = listener.received;
        this.closedOrFailed = listener.closedOrFailed;
    }

    static URI uri(KiteSimulator sim, String apiKey, String accessToken) {
        return URI.create("ws://127.0.0.1:" + sim.port() + "/?api_key=" + apiKey + "&access_token=" + accessToken);
    }

    static TickerTestClient connect(KiteSimulator sim, AccessToken token) throws Exception {
        return connect(uri(sim, sim.apiKey(), token.token()));
    }

    static TickerTestClient connect(URI uri) throws Exception {
        Listener listener = new Listener();
        WebSocket ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        return new TickerTestClient(ws, listener);
    }

    /** Opens a socket expecting failure; returns the failure's cause. */
    static Throwable connectFailure(URI uri) {
        try {
            HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(uri, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS).abort();
            return null;
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    List<byte[]> binaries() {
        return received.stream().filter(Received::isBinary).map(Received::binary).toList();
    }

    List<String> texts() {
        return received.stream().filter(r -> !r.isBinary()).map(Received::text).toList();
    }

    /** Polls until {@code condition} holds, for up to {@code timeout}; false if it never did. */
    static boolean await(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    boolean awaitMessage(Duration timeout, Predicate<Received> p) throws InterruptedException {
        return await(timeout, () -> received.stream().anyMatch(p));
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closedOrFailed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String t = text.toString();
                text.setLength(0);
                received.add(new Received(System.currentTimeMillis(), t, null));
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            bytes.writeBytes(chunk);
            if (last) {
                byte[] b = bytes.toByteArray();
                bytes.reset();
                received.add(new Received(System.currentTimeMillis(), null, b));
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedOrFailed.complete("closed " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedOrFailed.complete("failed " + error);
        }
    }
}
