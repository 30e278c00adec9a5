package com.tradesignal.job.signals;

/**
 * The numeric values of a signal row, in the order they are written to {@code signals.jsonl}. The JSON key is the
 * lower-case name. A value that is not warm yet (or has no data) is NaN here and {@code null} in JSON.
 */
public enum NumberKey {
    EMA_9, EMA_21, EMA_50, EMA_200,
    EMA_CROSS_9_21, EMA_CROSS_21_50, EMA_CROSS_50_200,
    RSI_14, ATR_14,
    SUPERTREND, SUPERTREND_DIRECTION,
    PSAR, PSAR_DIRECTION,
    ROC_10,
    VWAP, VWAP_UPPER_1, VWAP_LOWER_1, VWAP_UPPER_2, VWAP_LOWER_2,
    PIVOT, R1, R2, R3, S1, S2, S3,
    CAM_R1, CAM_R2, CAM_R3, CAM_R4, CAM_S1, CAM_S2, CAM_S3, CAM_S4,
    FIB_R1, FIB_R2, FIB_R3, FIB_S1, FIB_S2, FIB_S3,
    CPR_TC, CPR_BC,
    ORB_HIGH, ORB_LOW,
    SWING_HIGH, SWING_LOW, BOS,
    SUPPORT, RESISTANCE,
    EXCHANGE_VWAP,
    VOLUME_RATIO, BUY_SELL_IMBALANCE, PCR,
    // Internal: carried from the instrument's indicators to the underlying's votes, not written to JSON.
    PREVIOUS_CLOSE, PREVIOUS_EMA_9, PREVIOUS_EMA_21, STRUCTURE_TREND, CANDLE_INTENT_DIRECTION,
    // Written, though added after the internal keys: checkpointed rows hold the numbers by ordinal, so new keys go last.
    /** Index rows: the close of the near-month future's candle of the same time (whose VWAP the index row carries). */
    FUTURE_CLOSE;

    private final String json = name().toLowerCase(java.util.Locale.ROOT);

    public String json() {
        return json;
    }

    /** Keys that only travel between operators and are not part of the output. */
    public boolean isInternal() {
        return ordinal() >= PREVIOUS_CLOSE.ordinal() && this != FUTURE_CLOSE;
    }

    /** Keys whose values are whole numbers (directions), written without a decimal point. */
    public boolean isWhole() {
        return this == SUPERTREND_DIRECTION || this == PSAR_DIRECTION || this == BOS
                || this == EMA_CROSS_9_21 || this == EMA_CROSS_21_50 || this == EMA_CROSS_50_200;
    }
}
