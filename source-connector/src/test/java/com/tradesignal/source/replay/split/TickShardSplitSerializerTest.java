package com.tradesignal.source.replay.split;

import com.tradesignal.source.replay.enumerator.ReplayEnumeratorState;
import com.tradesignal.source.replay.enumerator.ReplayEnumeratorStateSerializer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickShardSplitSerializerTest {
    private final TickShardSplitSerializer serializer = TickShardSplitSerializer.INSTANCE;

    @Test
    void aSplitWithItsPerFilePositionsSurvivesARoundTrip() throws Exception {
        TickShardSplit split = new TickShardSplit(List.of("/data/a.csv", "/data/b ü.jsonl.gz"), 1, 3,
                new long[]{1234, 0}, new long[]{17, 0});
        TickShardSplit back = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
        assertThat(back).isEqualTo(split);
        assertThat(back.splitId()).isEqualTo("shard-1-of-3");
        assertThat(back.byteOffset(0)).isEqualTo(1234);
        assertThat(back.lineNumber(0)).isEqualTo(17);
    }

    @Test
    void anUnknownFormatVersionIsRefusedWithAMessage() {
        assertThatThrownBy(() -> serializer.deserialize(99, new byte[0]))
                .hasMessageContaining("unknown replay split format version 99");
    }

    @Test
    void enumeratorStateWithUnassignedSplitsSurvivesARoundTrip() throws Exception {
        ReplayEnumeratorStateSerializer s = new ReplayEnumeratorStateSerializer();
        ReplayEnumeratorState state = new ReplayEnumeratorState(true,
                List.of(TickShardSplit.fromStart(List.of("x.csv"), 0, 2), TickShardSplit.fromStart(List.of("x.csv"), 1, 2)));
        assertThat(s.deserialize(s.getVersion(), s.serialize(state))).isEqualTo(state);
    }

    @Test
    void everyTokenBelongsToExactlyOneShardAndConsecutiveTokensSpread() {
        Set<Integer> used = new HashSet<>();
        for (long token = 256265; token < 256265 + 64; token++) {
            int shard = TickShardSplit.shardOf(token, 4);
            assertThat(shard).isBetween(0, 3);
            used.add(shard);
            int owners = 0;
            for (int i = 0; i < 4; i++) {
                if (TickShardSplit.fromStart(List.of("f"), i, 4).owns(token)) owners++;
            }
            assertThat(owners).isEqualTo(1);
        }
        assertThat(used).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void theSplitStateRecordsWhereEachFileResumes() {
        TickShardSplit split = TickShardSplit.fromStart(List.of("a.csv", "b.csv"), 0, 1);
        TickShardSplitState state = new TickShardSplitState(split);
        state.emitted(1, 500, 9);
        TickShardSplit now = state.toSplit();
        assertThat(now.byteOffset(0)).isZero();
        assertThat(now.byteOffset(1)).isEqualTo(500);
        assertThat(now.lineNumber(1)).isEqualTo(9);
        assertThat(split.byteOffset(1)).as("the original split is immutable").isZero();
    }
}
