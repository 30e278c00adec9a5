package com.tradesignal.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * WebSocket clients of {@code /ws/market}, as a dashboard is one: each reads and parses every message, checks
 * {@code seq}, and for each price or future update reports its arrival to the {@link LatencyProbes}.
 *
 * <p>They share one {@link HttpClient} (one selector thread for all sockets) and a small callback pool, because
 * they run in the JVM they measure, on a machine with few cores: a thread per client would measure the scheduler.
 * Arrival is stamped when the first fragment of a message is handed over, before any parsing.
 */
final class LatencyClients implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final LatencyProbes probes;
    private final ExecutorService callbacks;
    private final HttpClient http;
    private final List<Client> clients = new ArrayList<>();

    final LongAdder messages = new LongAdder();
    final LongAdder priceUpdates = new LongAdder();
    final LongAdder candleUpdates = new LongAdder();
    final LongAdder seqGaps = new LongAdder();
    final AtomicInteger closedByServer = new AtomicInteger();

    LatencyClients(int port, LatencyProbes probes, int callbackThreads) {
        this.uri = URI.create("ws://127.0.0.1:" + port + "/ws/market");
        this.probes = probes;
        AtomicInteger n = new AtomicInteger();
        this.callbacks = Executors.newFixedThreadPool(callbackThreads, r -> {
            Thread t = new Thread(r, "latency-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Connects more clients, {@code concurrency} handshakes at a time, until there are {@code total}. */
    void connectUpTo(int total, int concurrency) throws Exception {
        while (clients.size() < total) {
            int batch = Math.min(concurrency, total - clients.size());
            List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
            List<Client> made = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                Client c = new Client();
                made.add(c);
                pending.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, c));
            }
            for (int i = 0; i < batch; i++) {
                made.get(i).ws = pending.get(i).get(30, TimeUnit.SECONDS);
            }
            clients.addAll(made);
        }
    }

    int size() {
        return clients.size();
    }

    /** Per client: how many price or future updates it measured (complete samples, in or out of the window). */
    long[] samplesPerClient() {
        return clients.stream().mapToLong(c -> c.samples.sum()).toArray();
    }

    long[] snapshotsPerClient() {
        return clients.stream().mapToLong(c -> c.snapshots.sum()).toArray();
    }

    @Override
    public void close() {
        for (Client c : clients) {
            if (c.ws != null) c.ws.abort();
        }
        callbacks.shutdownNow();
    }

    private final class Client implements WebSocket.Listener {
        volatile WebSocket ws;
        private final StringBuilder text = new StringBuilder();
        private long arrival;
        private long lastSeq;
        final LongAdder samples = new LongAdder();
        final LongAdder snapshots = new LongAdder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (text.isEmpty()) arrival = System.nanoTime();
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                handle(message, arrival);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(String message, long arrivedNanos) {
            messages.increment();
            JsonNode m;
            try {
                m = JSON.readTree(message);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the publisher sent something that is not JSON: " + message, e);
            }
            long seq = m.path("seq").asLong(-1);
            if (lastSeq > 0 && seq != lastSeq + 1) seqGaps.increment();
            lastSeq = seq;
            String type = m.path("type").asText();
            if ("snapshot".equals(type)) {
                snapshots.increment();
            } else if ("update".equals(type)) {
                String kind = m.path("kind").asText();
                if ("candle".equals(kind)) {
                    candleUpdates.increment();
                } else {
                    priceUpdates.increment();
                    LatencyProbes.Key key = probes.keyOf(m.path("underlying").asText(), kind, m.path(kind));
                    if (probes.sample(key, arrivedNanos)) samples.increment();
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer.incrementAndGet();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedByServer.incrementAndGet();
        }
    }
}
