package com.tradesignal.instrument;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A map from instrument token to a value, for the per-tick paths: an open-addressing hash table on primitive longs
 * (linear probing, deletion by backward shift). Not thread-safe for writes; serializable when its values are, so it
 * can travel inside a job graph.
 *
 * <p>Why not a {@code HashMap<Long, V>}: it is asked once per tick, a boxed key costs an allocation and an
 * {@code equals} call, and worse, Kite tokens are multiples of 256 (the low byte is the exchange segment), so
 * {@code Long.hashCode} leaves the low bits of every key equal and HashMap's buckets degrade into trees (profiles of the
 * live path showed {@code TreeNode.putTreeVal} per tick). The keys here are mixed before use.
 */
public final class TokenMap<V> implements Serializable {
    private static final long serialVersionUID = 1L;
    /** No real token: tokens are unsigned 32-bit values. */
    private static final long EMPTY = Long.MIN_VALUE;
    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private V[] values;
    private int size;

    public TokenMap() {
        allocate(MIN_CAPACITY);
    }

    /** A map holding {@code from}'s entries. */
    public static <V> TokenMap<V> of(Map<Long, ? extends V> from) {
        TokenMap<V> map = new TokenMap<>();
        from.forEach(map::put);
        return map;
    }

    @SuppressWarnings("unchecked")
    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = (V[]) new Object[capacity];
        size = 0;
    }

    private static int slot(long token, int mask) {
        long h = token * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private int indexOf(long token) {
        int mask = keys.length - 1;
        for (int i = slot(token, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == token) return i;
            if (k == EMPTY) return -1;
        }
    }

    /** The token's value, or null. */
    public V get(long token) {
        int i = indexOf(token);
        return i < 0 ? null : values[i];
    }

    public V getOrDefault(long token, V absent) {
        int i = indexOf(token);
        return i < 0 ? absent : values[i];
    }

    public boolean containsKey(long token) {
        return indexOf(token) >= 0;
    }

    /** Sets the token's value (not null); returns the previous one, or null. */
    public V put(long token, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for token " + token);
        }
        int i = slotFor(token);
        V old = values[i];
        values[i] = value;
        return old;
    }

    /** The token's value, made by {@code create} (which must not return null) if it has none. */
    public V computeIfAbsent(long token, LongFunction<? extends V> create) {
        int i = indexOf(token);
        if (i >= 0) return values[i];
        V v = create.apply(token);
        put(token, v);
        return v;
    }

    /** The slot holding {@code token}, claimed (with a null value) if it was not there. */
    private int slotFor(long token) {
        if (token == EMPTY) {
            throw new IllegalArgumentException("not a token: " + token);
        }
        int mask = keys.length - 1;
        for (int i = slot(token, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == token) return i;
            if (k == EMPTY) {
                if ((size + 1) * 2 > keys.length) {
                    grow();
                    return slotFor(token);
                }
                keys[i] = token;
                size++;
                return i;
            }
        }
    }

    /** Removes the token; returns its value, or null. */
    public V remove(long token) {
        int i = indexOf(token);
        if (i < 0) return null;
        V old = values[i];
        int mask = keys.length - 1;
        // backward shift: move later entries of the probe run into the hole, so lookups never stop early
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            // j's entry may fill the hole only if its home is not cyclically within (hole, j]
            boolean homeInRun = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!homeInRun) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        values[hole] = null;
        size--;
        return old;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        allocate(MIN_CAPACITY);
    }

    /** What to do with each entry. */
    @FunctionalInterface
    public interface EntryConsumer<V> {
        void accept(long token, V value);
    }

    public void forEach(EntryConsumer<? super V> action) {
        long[] k = keys;
        V[] v = values;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != EMPTY) action.accept(k[i], v[i]);
        }
    }

    /** A copy as an ordinary map, for snapshots and serializers (not per tick). */
    public Map<Long, V> toMap() {
        Map<Long, V> out = new HashMap<>(size * 2);
        forEach(out::put);
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        V[] oldValues = values;
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
}
