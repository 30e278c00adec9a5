package com.tradesignal.source.kite.feed;

import com.tradesignal.kite.rest.HistoricalCandle;
import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffAndCandleTicksTest {

    @Test
    void delaysDoubleUpToTheCapWithJitterBelowTheCeilingAndResetAfterSuccess() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));
        long[] ceilings = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (long ceiling : ceilings) {
            assertThat(b.ceilingMs()).isEqualTo(ceiling);
            assertThat(b.nextDelayMs()).isBetween(500L, ceiling);
        }
        b.reset();
        assertThat(b.ceilingMs()).isEqualTo(1000);
    }

    @Test
    void jitterSpreadsTheDelays() {
        Backoff b = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(8), new Random(1));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 200; i++) {
            long d = b.nextDelayMs();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(max - min).isGreaterThan(3000);
    }

    @Test
    void aMinuteCandleBecomesFourTicksWithItsOhlcAndVolume() {
        HistoricalCandle up = new HistoricalCandle(60_000L, 100, 110, 95, 105, 700, 12_000);
        HistoricalCandle down = new HistoricalCandle(120_000L, 105, 106, 90, 91, 300, 12_100);
        List<Tick> ticks = CandleTicks.of(11L, List.of(up, down), 5_000, true);
        assertThat(ticks).extracting(t -> t.lastPrice).containsExactly(100.0, 95.0, 110.0, 105.0, 105.0, 106.0, 90.0, 91.0);
        assertThat(ticks).extracting(t -> t.exchangeTime)
                .containsExactly(60_000L, 75_000L, 90_000L, 105_000L, 120_000L, 135_000L, 150_000L, 165_000L);
        assertThat(ticks.get(0).volume).isEqualTo(5_000);
        assertThat(ticks.get(3).volume).isEqualTo(5_700);
        assertThat(ticks.get(7).volume).isEqualTo(6_000);
        assertThat(ticks.get(7).openInterest).isEqualTo(12_100);
    }

    @Test
    void anIndexCandleHasNoVolumeOrOpenInterest() {
        List<Tick> ticks = CandleTicks.of(256265L, List.of(new HistoricalCandle(0, 1, 2, 0.5, 1.5, 0, -1)), 0, false);
        assertThat(ticks).allSatisfy(t -> {
            assertThat(t.volume).isZero();
            assertThat(t.openInterest).isZero();
        });
    }
}
