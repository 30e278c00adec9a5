package com.tradesignal.source.kite.ws;

import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteClientMessage;
import com.tradesignal.kite.protocol.KiteFrameDecoder;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import com.tradesignal.simulator.KiteSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ticker client against the Kite-protocol simulator over a real WebSocket. */
class KiteTickerClientTest {
    private static final long NIFTY = 256265L;

    private KiteSimulator sim;
    private KiteTickerClient client;

    /** Collects what the socket delivers. */
    private static final class Collecting implements KiteTickerClient.Listener {
        final KiteFrameDecoder decoder = new KiteFrameDecoder();
        final List<DecodedTick> ticks = new CopyOnWriteArrayList<>();
        volatile String closed;

        @Override
        public void onBinary(byte[] message) {
            ticks.addAll(decoder.decode(message).ticks());
        }

        @Override
        public void onText(String message) {
        }

        @Override
        public void onClosed(String why) {
            closed = why;
        }
    }

    @BeforeEach
    void start() {
        MarketClock clock = MarketClock.simulated(LocalDate.of(2026, 11, 27).atTime(LocalTime.of(9, 20)).toInstant(MarketTime.IST), 60);
        sim = KiteSimulator.builder().clock(clock).build().start();
        client = new KiteTickerClient(sim.endpoints(), sim.apiKey(), Duration.ofSeconds(5), "ticker-test");
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aSubscriptionInFullModeBringsBinaryTicksOfThatToken() throws Exception {
        Collecting listener = new Collecting();
        KiteTickerClient.Connection c = client.connect(sim.issueAccessToken(), listener).get(10, TimeUnit.SECONDS);
        c.send(KiteClientMessage.subscribe(List.of(NIFTY)));
        c.send(KiteClientMessage.mode(KiteClientMessage.Mode.FULL, List.of(NIFTY)));
        await(() -> listener.ticks.size() >= 3, "ticks");
        assertThat(listener.ticks).extracting(DecodedTick::token).containsOnly(NIFTY);
        assertThat(sim.stats().modeMessages()).isEqualTo(1);
        c.abort();
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void aConnectionTheServerDropsIsReportedOnceAsClosed() throws Exception {
        Collecting listener = new Collecting();
        KiteTickerClient.Connection c = client.connect(sim.issueAccessToken(), listener).get(10, TimeUnit.SECONDS);
        assertThat(c.isOpen()).isTrue();
        // A tick proves the server has registered the connection, so the drop reaches it.
        c.send(KiteClientMessage.subscribe(List.of(NIFTY)));
        await(() -> !listener.ticks.isEmpty(), "a tick");
        sim.faults().dropConnections();
        await(() -> listener.closed != null, "the end of the connection");
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void aRefusedUpgradeIsATypedErrorWithTheStatusAndNoTokenInAnyMessage() {
        AccessToken token = sim.issueAccessToken();
        sim.faults().refuseTokens();
        assertThatThrownBy(() -> client.connect(token, new Collecting()).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(KiteHandshakeRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).doesNotContain(token.token());
                });
        assertThat(sim.stats().upgradesRefused()).isEqualTo(1);
    }

    @Test
    void aFailedConnectionNamesTheRedactedUrlButNeverTheToken() {
        KiteEndpoints nowhere = KiteEndpoints.local("127.0.0.1", 1);
        AccessToken token = sim.issueAccessToken();
        try (KiteTickerClient c = new KiteTickerClient(nowhere, "key", Duration.ofSeconds(2), "nowhere")) {
            assertThat(c.redactedUrl()).doesNotContain(token.token()).contains("access_token=***");
            assertThatThrownBy(() -> c.connect(token, new Collecting()).join())
                    .hasMessageContaining("access_token=***").hasMessageNotContaining(token.token());
        }
    }
}
