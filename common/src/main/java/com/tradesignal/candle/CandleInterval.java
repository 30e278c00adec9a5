package com.tradesignal.candle;

/** The candle lengths the job builds. All of them divide the 375-minute regular session exactly. */
public enum CandleInterval {
    M1(1, "1m"),
    M3(3, "3m"),
    M5(5, "5m"),
    M15(15, "15m");

    private final int minutes;
    private final String label;

    CandleInterval(int minutes, String label) {
        this.minutes = minutes;
        this.label = label;
    }

    public int minutes() { return minutes; }
    public long millis() { return minutes * 60_000L; }
    /** As written in files and on the wire: {@code 1m}, {@code 3m}, {@code 5m}, {@code 15m}. */
    public String label() { return label; }

    /** The start of the candle containing {@code minuteStart}, counting whole intervals from the session open. */
    public long bucketStart(long sessionOpenMillis, long minuteStart) {
        return sessionOpenMillis + Math.floorDiv(minuteStart - sessionOpenMillis, millis()) * millis();
    }

    public static CandleInterval fromLabel(String label) {
        for (CandleInterval i : values()) {
            if (i.label.equals(label)) return i;
        }
        throw new IllegalArgumentException("unknown candle interval '" + label + "' (expected 1m, 3m, 5m or 15m)");
    }
}
