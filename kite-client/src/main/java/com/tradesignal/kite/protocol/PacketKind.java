package com.tradesignal.kite.protocol;

/**
 * The five Kite binary packet layouts. The kind is decided by the packet LENGTH, never by the mode the client asked
 * for (an index subscribed in {@code quote} mode still arrives as a 28-byte index packet).
 */
public enum PacketKind {
    /** 8 bytes: token, LTP. Any segment. */
    LTP(8, "ltp", false),
    /** 28 bytes: token, LTP, high, low, open, close, price change (index order is H, L, O, C). */
    INDEX_QUOTE(28, "quote", false),
    /** 32 bytes: as {@link #INDEX_QUOTE} plus exchange timestamp. */
    INDEX_FULL(32, "full", true),
    /** 44 bytes: token, LTP, last qty, avg price, volume, buy qty, sell qty, open, high, low, close. */
    QUOTE(44, "quote", false),
    /** 184 bytes: as {@link #QUOTE} plus last trade time, OI, OI day high/low, exchange timestamp, 5+5 depth. */
    FULL(184, "full", true);

    private final int length;
    private final String kiteMode;
    private final boolean timestamped;

    PacketKind(int length, String kiteMode, boolean timestamped) {
        this.length = length;
        this.kiteMode = kiteMode;
        this.timestamped = timestamped;
    }

    /** Packet body length in bytes. */
    public int length() {
        return length;
    }

    /** The {@code mode} string the official clients report for this packet ("ltp", "quote", "full"). */
    public String kiteMode() {
        return kiteMode;
    }

    /** Whether the packet layout carries an exchange timestamp (only the full layouts do). */
    public boolean timestamped() {
        return timestamped;
    }

    public boolean isIndex() {
        return this == INDEX_QUOTE || this == INDEX_FULL;
    }

    /** The kind for a packet length, or null when the length is not one Kite sends. */
    public static PacketKind forLength(int length) {
        return switch (length) {
            case 8 -> LTP;
            case 28 -> INDEX_QUOTE;
            case 32 -> INDEX_FULL;
            case 44 -> QUOTE;
            case 184 -> FULL;
            default -> null;
        };
    }
}
