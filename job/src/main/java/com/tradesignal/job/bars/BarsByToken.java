package com.tradesignal.job.bars;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The open bars of each instrument, by token: an open-addressing hash table on primitive longs.
 *
 * <p>Why not a {@code HashMap<Long, ...>}: it is asked once per tick, and a boxed key costs an allocation and an
 * {@code equals} call; worse, Kite tokens are multiples of 256 (the low byte is the exchange segment), so
 * {@code Long.hashCode} leaves the low bits of every key equal and HashMap's buckets degrade into trees. The
 * keys here are mixed before use.
 */
final class BarsByToken {
    private static final long EMPTY = Long.MIN_VALUE; // no real token: tokens are unsigned 32-bit values

    private long[] keys;
    private List<MinuteBar>[] values;
    private int size;

    BarsByToken() {
        allocate(1024);
    }

    @SuppressWarnings("unchecked")
    private void allocate(int capacity) {
        keys = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY);
        values = (List<MinuteBar>[]) new List[capacity];
        size = 0;
    }

    private static int slot(long token, int mask) {
        long h = token * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    /** The instrument's open bars, or null if it has none yet. */
    List<MinuteBar> get(long token) {
        int mask = keys.length - 1;
        for (int i = slot(token, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == token) return values[i];
            if (k == EMPTY) return null;
        }
    }

    /** The instrument's open bars, created empty if needed. */
    List<MinuteBar> getOrCreate(long token) {
        if (token == EMPTY) {
            throw new IllegalArgumentException("not a token: " + token);
        }
        int mask = keys.length - 1;
        for (int i = slot(token, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == token) return values[i];
            if (k == EMPTY) {
                if ((size + 1) * 2 > keys.length) {
                    grow();
                    return getOrCreate(token);
                }
                keys[i] = token;
                List<MinuteBar> bars = new ArrayList<>(2);
                values[i] = bars;
                size++;
                return bars;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        List<MinuteBar>[] oldValues = values;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != EMPTY) i = (i + 1) & mask;
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                size++;
            }
        }
    }

    /** Every instrument's list of open bars (possibly empty). */
    void forEachList(Consumer<List<MinuteBar>> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) action.accept(values[i]);
        }
    }

    void clear() {
        allocate(1024);
    }
}
