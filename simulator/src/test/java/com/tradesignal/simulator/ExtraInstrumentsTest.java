package com.tradesignal.simulator;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteFrameDecoder;
import com.tradesignal.sim.SimulatedInstrument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Load-test instruments served beside the indices' contracts, and the frame listener that times frames. */
class ExtraInstrumentsTest {

    @Test
    void servesExtraFuturesAndTellsTheListenerOfEveryFrameItSends() throws Exception {
        List<SimulatedInstrument> extras = SimulatedInstrument.synthetic(3);
        List<DecodedTick> heard = Collections.synchronizedList(new ArrayList<>());
        List<Long> stamps = Collections.synchronizedList(new ArrayList<>());
        KiteSimulator sim = KiteSimulator.builder().clock(SimulatorFixtures.clockAt(LocalTime.of(10, 0), 1))
                .ticksPerSecond(5).extraInstruments(extras)
                .frameListener((ticks, nanos) -> {
                    heard.addAll(ticks);
                    stamps.add(nanos);
                }).build().start();
        try (sim) {
            Instrument listed = sim.instruments().stream().filter(i -> i.token() == extras.get(0).token()).findFirst()
                    .orElseThrow();
            assertThat(listed.type()).isEqualTo(InstrumentType.FUT);
            assertThat(listed.name()).isEqualTo(extras.get(0).underlying());
            assertThat(listed.expiry()).isNotNull();

            long token = extras.get(1).token();
            long before = System.nanoTime();
            try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
                client.send("{\"a\":\"subscribe\",\"v\":[" + token + "]}");
                client.send("{\"a\":\"mode\",\"v\":[\"full\",[" + token + "]]}");
                assertThat(TickerTestClient.await(Duration.ofSeconds(10),
                        () -> heard.stream().anyMatch(DecodedTick::hasExchangeTime))).isTrue();
                Thread.sleep(300);
                List<DecodedTick> received = new ArrayList<>();
                KiteFrameDecoder decoder = new KiteFrameDecoder();
                for (byte[] frame : client.binaries()) {
                    received.addAll(decoder.decode(frame).ticks());
                }
                synchronized (heard) {
                    // only the subscribed token, and what was heard is what the client decoded, in order
                    assertThat(heard).extracting(DecodedTick::token).containsOnly(token);
                    // a hash lookup per tick: AssertJ's containsAll scans the set once per element
                    Set<DecodedTick> decoded = new HashSet<>(received);
                    assertThat(heard.subList(0, Math.min(heard.size(), received.size())))
                            .filteredOn(t -> !decoded.contains(t)).as("heard but not decoded").isEmpty();
                    assertThat(received.size()).isGreaterThanOrEqualTo(1);
                }
                assertThat(stamps).allSatisfy(t -> assertThat(t).isGreaterThan(before));
            }
        }
    }
}
