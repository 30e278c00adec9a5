package com.tradesignal.job.bars;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarsByTokenTest {
    @Test
    void keeps_one_list_per_token_across_growth_with_kite_like_tokens() {
        BarsByToken map = new BarsByToken();
        int n = 9_000; // a full market: several times the initial capacity
        for (int i = 0; i < n; i++) {
            long token = (long) (i + 1) << 8; // Kite tokens: the low byte is the segment, often the same
            assertThat(map.get(token)).isNull();
            map.getOrCreate(token).add(null);
        }
        for (int i = 0; i < n; i++) {
            long token = (long) (i + 1) << 8;
            assertThat(map.get(token)).as("token %d", token).hasSize(1);
            assertThat(map.getOrCreate(token)).isSameAs(map.get(token));
        }
        assertThat(map.get(0)).isNull();
        assertThat(map.get((long) (n + 1) << 8)).isNull();
        List<List<MinuteBar>> all = new ArrayList<>();
        map.forEachList(all::add);
        assertThat(all).hasSize(n);
        map.clear();
        assertThat(map.get(256)).isNull();
    }
}
