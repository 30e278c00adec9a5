package com.tradesignal.instrument;

/**
 * What kind of instrument a Kite instruments-dump row describes.
 *
 * <p>The dump's {@code instrument_type} column only knows {@code EQ}, {@code FUT}, {@code CE} and {@code PE}; index
 * rows (NIFTY 50, NIFTY BANK, SENSEX, ...) are listed as {@code EQ} in segment {@code INDICES}, so the segment has to
 * decide whether a row is an {@link #INDEX}. Unknown types become {@link #OTHER} rather than failing the load, because
 * Kite can add new ones without notice and a daily job should not stop over a row it never uses.
 */
public enum InstrumentType {
    /** An index value (segment {@code INDICES}): no trades, no volume, no lot size. */
    INDEX,
    /** A cash-market equity, ETF, bond, ... */
    EQ,
    /** A future. */
    FUT,
    /** A call option. */
    CE,
    /** A put option. */
    PE,
    /** Anything the dump may add later. */
    OTHER;

    /** The segment Kite uses for index rows. */
    public static final String INDEX_SEGMENT = "INDICES";

    /**
     * Classifies a dump row from its {@code instrument_type} and {@code segment} columns.
     *
     * @param instrumentType the {@code instrument_type} column, e.g. {@code FUT}
     * @param segment the {@code segment} column, e.g. {@code NFO-FUT} or {@code INDICES}
     */
    public static InstrumentType fromDump(String instrumentType, String segment) {
        if (INDEX_SEGMENT.equals(segment)) {
            return INDEX;
        }
        if (instrumentType == null) {
            return OTHER;
        }
        switch (instrumentType) {
            case "EQ":
                return EQ;
            case "FUT":
                return FUT;
            case "CE":
                return CE;
            case "PE":
                return PE;
            default:
                return OTHER;
        }
    }

    /** True for futures and options. */
    public boolean isDerivative() {
        return this == FUT || this == CE || this == PE;
    }

    /** True for calls and puts. */
    public boolean isOption() {
        return this == CE || this == PE;
    }
}
