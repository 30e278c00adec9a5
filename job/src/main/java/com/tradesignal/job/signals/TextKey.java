package com.tradesignal.job.signals;

/** The text values of a signal row; null when not available. */
public enum TextKey {
    /** HH, HL, LH or LL of the latest swing, e.g. "HH/HL". */
    STRUCTURE,
    CANDLE_INTENT,
    SUPPORT_NAME,
    RESISTANCE_NAME,
    OI_BUILDUP,
    /** For an index: the near-month future whose VWAP, volume and OI stand in for the index's. */
    VWAP_SOURCE;

    private final String json = name().toLowerCase(java.util.Locale.ROOT);

    public String json() {
        return json;
    }
}
