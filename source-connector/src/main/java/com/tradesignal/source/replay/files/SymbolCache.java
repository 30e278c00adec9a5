package com.tradesignal.source.replay.files;

import java.nio.charset.StandardCharsets;

/**
 * Reuses the String of a trading symbol seen before. A recording repeats a few thousand symbols millions of times;
 * sharing one String per symbol saves an allocation per line and the memory of every buffered tick.
 */
final class SymbolCache {
    /** Enough for a full-market recording (about 9,000 instruments) to keep almost every symbol in its slot. */
    private static final int SLOTS = 1 << 15;
    private final String[] slots = new String[SLOTS];

    /** The symbol in {@code b[s, e)} (UTF-8), or null if empty. */
    String get(byte[] b, int s, int e) {
        if (s >= e) {
            return null;
        }
        int h = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c < 0) {
                return new String(b, s, e - s, StandardCharsets.UTF_8); // non-ASCII: rare, not cached
            }
            h = 31 * h + c;
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && cached.length() == e - s) {
            boolean same = true;
            for (int i = 0; i < e - s; i++) {
                if (cached.charAt(i) != b[s + i]) {
                    same = false;
                    break;
                }
            }
            if (same) return cached;
        }
        String fresh = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        slots[slot] = fresh;
        return fresh;
    }

    /** The symbol in {@code c[off, off + len)}, or null if empty. */
    String get(char[] c, int off, int len) {
        if (len == 0) {
            return null;
        }
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + c[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && cached.length() == len) {
            boolean same = true;
            for (int i = 0; i < len; i++) {
                if (cached.charAt(i) != c[off + i]) {
                    same = false;
                    break;
                }
            }
            if (same) return cached;
        }
        String fresh = new String(c, off, len);
        slots[slot] = fresh;
        return fresh;
    }
}
