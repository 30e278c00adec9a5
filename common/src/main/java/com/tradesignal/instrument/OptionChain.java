package com.tradesignal.instrument;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * CONTRACT STUB (to be implemented): every strike of one underlying's option expiry, sorted by strike, with the call
 * and put of each strike (either may be null when the dump lists only one side).
 */
public record OptionChain(String underlying, LocalDate expiry, List<Strike> strikes) implements Serializable {

    public record Strike(double strike, Instrument call, Instrument put) implements Serializable {
    }

    /** The listed strike nearest to {@code spot} (the lower one on a tie). */
    public double atmStrike(double spot) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The window of {@code strikesEachSide} listed strikes below and above the at-the-money strike (so up to
     * 2·n+1 strikes), calls and puts.
     */
    public OptionWindow window(double spot, int strikesEachSide) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
