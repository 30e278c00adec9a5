package com.tradesignal.source.kite.ws;

import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.protocol.KiteClientMessage;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A client of Kite's ticker WebSocket on the JDK's own {@code java.net.http}: the endpoint is configurable (the
 * kiteconnect ticker's is not), messages are handed over whole (fragments reassembled), and a refused upgrade is a
 * {@link KiteHandshakeRefused} with its HTTP status, so the caller can tell an expired token (403) from a network
 * problem. The URL with the token is never logged or put in an exception: {@link #redactedUrl} is what to show.
 */
public final class KiteTickerClient implements AutoCloseable {

    /** Called on the client's thread, one message at a time. */
    public interface Listener {
        void onBinary(byte[] message);

        void onText(String message);

        /** The connection ended: closed by the server, or failed. Called at most once per connection. */
        void onClosed(String why);
    }

    private final KiteEndpoints endpoints;
    private final String apiKey;
    private final Duration connectTimeout;
    private final ExecutorService executor;
    private final HttpClient http;

    public KiteTickerClient(KiteEndpoints endpoints, String apiKey, Duration connectTimeout, String threadName) {
        this.endpoints = endpoints;
        this.apiKey = apiKey;
        this.connectTimeout = connectTimeout;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).executor(executor).build();
    }

    /** The ticker URL without credentials, for messages. */
    public String redactedUrl() {
        return endpoints.websocketUrl() + "?api_key=" + apiKey + "&access_token=***";
    }

    /** Opens a connection; the future fails with {@link KiteHandshakeRefused} when the upgrade is refused. */
    public CompletableFuture<Connection> connect(AccessToken token, Listener listener) {
        String base = endpoints.websocketUrl();
        URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + "api_key=" + enc(apiKey) + "&access_token="
                + enc(token.token()));
        Connection connection = new Connection(listener);
        return http.newWebSocketBuilder().header("X-Kite-Version", "3").connectTimeout(connectTimeout)
                .buildAsync(uri, connection.adapter)
                .handle((ws, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                        if (cause instanceof WebSocketHandshakeException h) {
                            throw new KiteHandshakeRefused(h.getResponse().statusCode());
                        }
                        // The JDK's messages name host and port, never the query string.
                        throw new CompletionException(new java.io.IOException("cannot connect to " + redactedUrl() + ": "
                                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
                    }
                    connection.ws = ws;
                    return connection;
                });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** One open connection. */
    public static final class Connection {
        private final Listener listener;
        private volatile WebSocket ws;
        private volatile boolean ended;
        final WebSocket.Listener adapter = new WebSocket.Listener() {
            private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
            private final StringBuilder text = new StringBuilder();

            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(1);
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                binary.write(b, 0, b.length);
                if (last) {
                    byte[] message = binary.toByteArray();
                    binary.reset();
                    listener.onBinary(message);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String message = text.toString();
                    text.setLength(0);
                    listener.onText(message);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                end("closed by the server (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                end("connection failed: " + error.getClass().getSimpleName()
                        + (error.getMessage() == null ? "" : ": " + error.getMessage()));
            }
        };

        Connection(Listener listener) {
            this.listener = listener;
        }

        private void end(String why) {
            if (!ended) {
                ended = true;
                listener.onClosed(why);
            }
        }

        public boolean isOpen() {
            return !ended && ws != null && !ws.isOutputClosed() && !ws.isInputClosed();
        }

        public void send(KiteClientMessage message) {
            ws.sendText(message.toJson(), true).join();
        }

        /** Drops the connection at once, without a close handshake (a stale socket may never answer one). */
        public void abort() {
            ended = true;
            WebSocket w = ws;
            if (w != null) {
                w.abort();
            }
        }
    }
}
