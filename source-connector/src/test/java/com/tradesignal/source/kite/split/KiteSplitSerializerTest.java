package com.tradesignal.source.kite.split;

import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteSplitSerializerTest {
    private final KiteSplitSerializer serializer = KiteSplitSerializer.INSTANCE;

    @Test
    void aFreshSplitSurvivesARoundTrip() throws IOException {
        KiteSplit split = KiteSplit.fresh("kite-0", List.of("NIFTY", "SENSEX"), List.of(408065L));
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(split))).isEqualTo(split);
        assertThat(split.hasResumePoint()).isFalse();
    }

    @Test
    void aSplitWithAResumePointSurvivesARoundTrip() throws IOException {
        Map<Long, Long> volumes = new HashMap<>();
        volumes.put(13_238_786L, 1_192_471L);
        volumes.put(12_345L, 7L);
        KiteSplit split = new KiteSplit("kite-2", List.of("BANKNIFTY"), List.of(), 1_625_461_887_000L, volumes);
        KiteSplit back = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
        assertThat(back).isEqualTo(split);
        assertThat(back.hasResumePoint()).isTrue();
    }

    @Test
    void equalSplitsSerializeToEqualBytesWhateverTheMapOrder() throws IOException {
        Map<Long, Long> a = new HashMap<>();
        Map<Long, Long> b = new java.util.LinkedHashMap<>();
        for (long t = 1; t <= 50; t++) {
            a.put(t * 7919, t);
        }
        for (long t = 50; t >= 1; t--) {
            b.put(t * 7919, t);
        }
        assertThat(serializer.serialize(new KiteSplit("kite-1", List.of("NIFTY"), List.of(), 5, a)))
                .isEqualTo(serializer.serialize(new KiteSplit("kite-1", List.of("NIFTY"), List.of(), 5, b)));
    }

    @Test
    void anUnknownVersionIsRefusedWithTheVersionsNamed() {
        assertThatThrownBy(() -> serializer.deserialize(99, new byte[0]))
                .isInstanceOf(IOException.class).hasMessageContaining("version 99").hasMessageContaining("reads 1");
    }

    @Test
    void theSplitStateRemembersTheLastTimeAndCumulativeVolumes() {
        KiteSplitState state = new KiteSplitState(KiteSplit.fresh("kite-0", List.of("NIFTY"), List.of()));
        state.observe(Tick.builder(256265L, 2_000L, 24_000.0).build());
        state.observe(Tick.builder(11L, 3_000L, 24_050.0).volume(900).build());
        state.observe(Tick.builder(11L, 2_500L, 24_055.0).volume(950).build());
        KiteSplit snapshot = state.toSplit();
        assertThat(snapshot.lastExchangeTime()).isEqualTo(3_000L);
        assertThat(snapshot.lastCumulativeVolume()).containsExactly(Map.entry(11L, 950L));
        assertThat(snapshot.lastCumulativeVolume()).doesNotContainKey(256265L);
    }
}
