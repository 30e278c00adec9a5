package com.tradesignal.simulator;

import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteClientMessage;
import com.tradesignal.kite.protocol.KiteFrameDecoder;
import com.tradesignal.kite.protocol.PacketKind;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's ticker, through a plain java.net.http WebSocket and the project's frame decoder. */
class SimulatorTickerTest {
    private static final long NIFTY = 256265L;
    /**
     * One client for all sockets, held for the whole class: the JDK stops an HttpClient's selector thread once the
     * client is unreachable, and a socket whose client was collected never notices that the server dropped it.
     */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final KiteSimulator sim = SimulatorFixtures.started(LocalTime.of(9, 20), 60);

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Collects what the server sends, reassembling fragmented messages. */
    static final class Recorder implements WebSocket.Listener {
        final List<byte[]> binary = new CopyOnWriteArrayList<>();
        final List<String> text = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private final StringBuilder partialText = new StringBuilder();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            partial.write(b, 0, b.length);
            if (last) {
                binary.add(partial.toByteArray());
                partial.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partialText.append(data);
            if (last) {
                text.add(partialText.toString());
                partialText.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed = true;
        }
    }

    private URI url(String token) {
        return URI.create(sim.endpoints().websocketUrl() + "?api_key=" + sim.apiKey() + "&access_token=" + token);
    }

    private WebSocket connect(AccessToken token, Recorder recorder) {
        return HTTP.newWebSocketBuilder().header("X-Kite-Version", "3")
                .buildAsync(url(token.token()), recorder).join();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aValidSessionConnectsAndIsToldTheDataIsSimulated() throws Exception {
        Recorder r = new Recorder();
        connect(sim.issueAccessToken(), r);
        await(() -> !r.text.isEmpty(), "the label message");
        assertThat(r.text.get(0)).contains("\"type\":\"message\"").contains("SIMULATED");
    }

    @Test
    void anInvalidTokenIsRefusedWith403BeforeTheUpgrade() {
        assertThatThrownBy(() -> HTTP.newWebSocketBuilder()
                .buildAsync(url("not-a-token"), new Recorder()).join())
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(403));
        assertThat(sim.stats().upgradesRefused()).isEqualTo(1);
        assertThat(sim.stats().connectionsAccepted()).isZero();
    }

    @Test
    void fullModeSendsFullPacketsStampedWithTheMarketClockForSubscribedTokensOnly() throws Exception {
        Recorder r = new Recorder();
        WebSocket ws = connect(sim.issueAccessToken(), r);
        ws.sendText(KiteClientMessage.subscribe(List.of(NIFTY)).toJson(), true).join();
        ws.sendText(KiteClientMessage.mode(KiteClientMessage.Mode.FULL, List.of(NIFTY)).toJson(), true).join();
        KiteFrameDecoder decoder = new KiteFrameDecoder();
        await(() -> r.binary.stream().anyMatch(b -> decoder.decode(b).ticks().stream()
                .anyMatch(t -> t.kind() == PacketKind.INDEX_FULL)), "a full index packet");
        List<DecodedTick> ticks = r.binary.stream().flatMap(b -> KiteFrameDecoder.decodeStateless(ByteBuffer.wrap(b)).ticks().stream()).toList();
        assertThat(ticks).extracting(DecodedTick::token).containsOnly(NIFTY);
        DecodedTick last = ticks.get(ticks.size() - 1);
        assertThat(last.kind()).isEqualTo(PacketKind.INDEX_FULL);
        long marketNow = sim.clock().now();
        assertThat(last.exchangeTime()).isBetween(marketNow - 120_000L, marketNow);
        assertThat(MarketTime.istDate(last.exchangeTime())).isEqualTo(SimulatorFixtures.TRADING_DAY);
    }

    @Test
    void anIdleConnectionGetsOneByteHeartbeats() throws Exception {
        Recorder r = new Recorder();
        connect(sim.issueAccessToken(), r);
        await(() -> r.binary.stream().anyMatch(b -> b.length == 1), "a heartbeat");
        assertThat(new KiteFrameDecoder().decode(r.binary.get(0)).isHeartbeat()).isTrue();
    }

    @Test
    void droppingConnectionsClosesTheSocket() throws Exception {
        Recorder r = new Recorder();
        WebSocket ws = connect(sim.issueAccessToken(), r);
        await(() -> sim.stats().openConnections() == 1, "the connection");
        sim.faults().dropConnections();
        assertThat(sim.stats().openConnections()).isZero();
        // The client learns of an abrupt close when it next reads or writes: a ping makes it write.
        await(() -> r.closed || ws.sendPing(ByteBuffer.allocate(0)).handle((ok, e) -> e != null).join(),
                "the client to see the socket closed");
    }

    @Test
    void refusedTokensCannotReconnectButANewLoginCan() throws Exception {
        AccessToken old = sim.issueAccessToken();
        connect(old, new Recorder());
        sim.faults().refuseTokens();
        assertThatThrownBy(() -> connect(old, new Recorder())).isInstanceOf(CompletionException.class);
        Recorder r = new Recorder();
        connect(sim.issueAccessToken(), r);
        await(() -> !r.text.isEmpty(), "the new session's label");
    }

    @Test
    void silenceSendsNothingNotEvenHeartbeats() throws Exception {
        Recorder r = new Recorder();
        connect(sim.issueAccessToken(), r);
        await(() -> r.binary.size() >= 1, "a first heartbeat");
        sim.faults().silence(Duration.ofSeconds(3));
        Thread.sleep(100);
        int before = r.binary.size();
        TimeUnit.MILLISECONDS.sleep(2000);
        assertThat(r.binary.size()).isEqualTo(before);
        await(() -> r.binary.size() > before, "heartbeats after the silence");
    }

    @Test
    void malformedFramesAreCountedByTheDecoderAndGoodFramesFollow() throws Exception {
        Recorder r = new Recorder();
        WebSocket ws = connect(sim.issueAccessToken(), r);
        ws.sendText(KiteClientMessage.subscribe(List.of(NIFTY)).toJson(), true).join();
        ws.sendText(KiteClientMessage.mode(KiteClientMessage.Mode.FULL, List.of(NIFTY)).toJson(), true).join();
        // The fault applies to the sockets open when it is asked for: wait until the server has registered ours.
        await(() -> sim.stats().openConnections() == 1 && sim.stats().modeMessages() == 1, "the server side of the socket");
        sim.faults().sendMalformedFrames(2);
        KiteFrameDecoder decoder = new KiteFrameDecoder();
        await(() -> sim.stats().malformedFramesSent() == 2 && sim.stats().ticksSent() > 0, "two malformed then good frames");
        for (byte[] b : r.binary) {
            decoder.decode(b);
        }
        assertThat(decoder.totalMalformedFrames() + decoder.totalMalformedPackets()).isGreaterThanOrEqualTo(2);
        assertThat(decoder.totalTicks()).isPositive();
    }

    @Test
    void aMalformedClientMessageGetsAnErrorAndTheConnectionStaysUp() throws Exception {
        Recorder r = new Recorder();
        WebSocket ws = connect(sim.issueAccessToken(), r);
        ws.sendText("{\"a\":\"subscribe\",\"v\":[\"256265\"]}", true).join();
        await(() -> r.text.size() >= 2, "an error message");
        assertThat(r.text.get(1)).contains("\"type\":\"error\"");
        assertThat(r.closed).isFalse();
        assertThat(sim.stats().badClientMessages()).isEqualTo(1);
    }
}
