package com.tradesignal.simulator;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteFrameDecoder;
import com.tradesignal.kite.protocol.KiteFrameEncoder;
import com.tradesignal.kite.protocol.PacketKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The option chain as a client streams it: prices from the index, open interest and volume that move. */
class OptionChainFeedTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final KiteSimulator sim = SimulatorFixtures.started(LocalTime.of(9, 20), 120);

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theNiftyWeeklyChainStreamsFullTicksWithOpenInterestAndAMeaningfulPutCallRatio() throws Exception {
        List<Instrument> weekly = sim.instruments().stream().filter(i -> i.name().equals("NIFTY")
                && i.type() != InstrumentType.FUT && LocalDate.of(2026, 12, 1).equals(i.expiry())).toList();
        assertThat(weekly).hasSize(82);
        String tokens = weekly.stream().map(i -> Long.toString(i.token())).collect(Collectors.joining(","));
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            client.send("{\"a\":\"subscribe\",\"v\":[" + tokens + "]}");
            client.send("{\"a\":\"mode\",\"v\":[\"full\",[" + tokens + "]]}");
            KiteFrameDecoder decoder = new KiteFrameDecoder();
            Map<Long, DecodedTick> latest = new HashMap<>();
            Map<Long, DecodedTick> first = new HashMap<>();
            int[] seen = {0};
            assertThat(TickerTestClient.await(PATIENCE, () -> {
                List<byte[]> all = client.binaries();
                for (; seen[0] < all.size(); seen[0]++) {
                    for (DecodedTick t : decoder.decode(all.get(seen[0])).ticks()) {
                        if (t.kind() == PacketKind.FULL) {
                            first.putIfAbsent(t.token(), t);
                            latest.put(t.token(), t);
                        }
                    }
                }
                // Every contract printed, and some market minutes passed since its first print.
                return latest.size() == weekly.size() && latest.values().stream()
                        .filter(t -> t.exchangeTime() - first.get(t.token()).exchangeTime() >= 180_000).count() > 40;
            })).isTrue();
            assertThat(decoder.totalMalformedPackets() + decoder.totalMalformedFrames()).isZero();

            Map<Long, Instrument> byToken = weekly.stream().collect(Collectors.toMap(Instrument::token, i -> i));
            double callOi = 0;
            double putOi = 0;
            for (DecodedTick t : latest.values()) {
                Instrument i = byToken.get(t.token());
                assertThat(t.openInterest()).isPositive().isEqualTo(t.openInterest() / 65 * 65);
                assertThat(t.volume()).isPositive();
                assertThat(t.lastPrice()).isGreaterThanOrEqualTo(0.05);
                assertThat(t.close()).as("previous close").isPositive();
                if (i.type() == InstrumentType.CE) {
                    callOi += t.openInterest();
                } else {
                    putOi += t.openInterest();
                }
            }
            assertThat(putOi / callOi).isBetween(0.3, 3.0);
            // Open interest and volume move during the day.
            assertThat(latest.values()).anySatisfy(t -> assertThat(t.openInterest()).isNotEqualTo(first.get(t.token()).openInterest()));
            assertThat(latest.values()).anySatisfy(t -> assertThat(t.volume()).isGreaterThan(first.get(t.token()).volume()));

            // Calls fall and puts rise with the strike, as prices derived from one index must.
            List<DecodedTick> calls = weekly.stream().filter(i -> i.type() == InstrumentType.CE)
                    .sorted(java.util.Comparator.comparingDouble(Instrument::strike)).map(i -> latest.get(i.token())).toList();
            assertThat(calls.get(0).lastPrice()).isGreaterThan(calls.get(calls.size() - 1).lastPrice());
        }
    }

    @Test
    void everyFrameTheSimulatorSendsIsTheProjectEncodersOwnEncodingOfItsPackets() throws Exception {
        long future = sim.instrumentTokens("BANKNIFTY26DECFUT").get(0);
        try (TickerTestClient client = TickerTestClient.connect(sim, sim.issueAccessToken())) {
            client.send("{\"a\":\"subscribe\",\"v\":[256265,260105,265," + future + "]}");
            client.send("{\"a\":\"mode\",\"v\":[\"full\",[256265," + future + "]]}");
            client.send("{\"a\":\"mode\",\"v\":[\"ltp\",[265]]}");
            assertThat(TickerTestClient.await(PATIENCE, () -> client.binaries().stream().filter(b -> b.length > 1)
                    .flatMap(b -> KiteFrameDecoder.decodeStateless(java.nio.ByteBuffer.wrap(b)).ticks().stream())
                    .map(DecodedTick::kind).distinct().count() >= 4)).isTrue();
            for (byte[] frame : client.binaries()) {
                if (frame.length > 1) {
                    List<DecodedTick> ticks = KiteFrameDecoder.decodeStateless(java.nio.ByteBuffer.wrap(frame)).ticks();
                    assertThat(KiteFrameEncoder.encodeFrame(ticks)).isEqualTo(frame);
                }
            }
        }
    }
}
