package com.tradesignal.instrument;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenMapTest {

    @Test
    void agreesWithAHashMapThroughPutsAndRemovesOfKiteLikeTokens() {
        // Kite tokens: the instrument's number times 256 plus the segment, so every low byte is alike
        Random random = new Random(7);
        TokenMap<Long> map = new TokenMap<>();
        Map<Long, Long> reference = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            long token = (random.nextInt(5_000) + 1L) * 256 + (random.nextBoolean() ? 1 : 9);
            switch (random.nextInt(4)) {
                case 0, 1 -> assertThat(map.put(token, (long) op)).isEqualTo(reference.put(token, (long) op));
                case 2 -> assertThat(map.remove(token)).isEqualTo(reference.remove(token));
                default -> assertThat(map.get(token)).isEqualTo(reference.get(token));
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        assertThat(map.toMap()).isEqualTo(reference);
        reference.keySet().forEach(t -> assertThat(map.containsKey(t)).isTrue());
        assertThat(map.containsKey(256 * 6_000 + 1)).isFalse();
    }

    @Test
    void computeIfAbsentCreatesOnceAndClearEmpties() {
        TokenMap<StringBuilder> map = TokenMap.of(Map.of(256L * 3 + 1, new StringBuilder("a")));
        map.computeIfAbsent(256L * 3 + 1, t -> new StringBuilder("new")).append("b");
        map.computeIfAbsent(256L * 4 + 1, t -> new StringBuilder("t" + t));
        assertThat(map.get(256L * 3 + 1)).hasToString("ab");
        assertThat(map.get(256L * 4 + 1)).hasToString("t1025");
        assertThat(map.getOrDefault(1L, new StringBuilder("none"))).hasToString("none");
        map.clear();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get(256L * 3 + 1)).isNull();
    }

    @Test
    void survivesJavaSerializationAsAJobGraphShipsIt() throws Exception {
        TokenMap<String> map = TokenMap.of(Map.of(256L * 9 + 9, "NIFTY 50", 256L * 10 + 1, "NIFTY FUT"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(map);
        }
        Object back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(((TokenMap<?>) back).toMap()).isEqualTo(map.toMap()).hasSize(2);
    }

    @Test
    void refusesNullValuesAndTheReservedKey() {
        TokenMap<String> map = new TokenMap<>();
        assertThatThrownBy(() -> map.put(1, null)).hasMessageContaining("token 1");
        assertThatThrownBy(() -> map.put(Long.MIN_VALUE, "x")).hasMessageContaining("not a token");
    }
}
