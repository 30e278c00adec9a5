package com.tradesignal.instrument;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every listed strike of one underlying's option expiry, sorted by strike, with the call and the put of each (either
 * may be null when the dump lists only one side). The put-call ratio is computed over a window of these around the
 * at-the-money strike.
 */
public record OptionChain(String underlying, LocalDate expiry, List<Strike> strikes) implements Serializable {

    /** One listed strike with its call and put; at least one of them is present. */
    public record Strike(double strike, Instrument call, Instrument put) implements Serializable {
        public Strike {
            if (call == null && put == null) {
                throw new IllegalArgumentException("strike " + strike + " has neither a call nor a put");
            }
        }
    }

    public OptionChain {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(strikes, "strikes");
        strikes = List.copyOf(strikes);
        if (strikes.isEmpty()) {
            throw new IllegalArgumentException("an option chain of " + underlying + " " + expiry + " needs at least one strike");
        }
        for (int i = 1; i < strikes.size(); i++) {
            if (!(strikes.get(i).strike() > strikes.get(i - 1).strike())) {
                throw new IllegalArgumentException("strikes of " + underlying + " " + expiry
                        + " must be sorted and distinct; " + strikes.get(i).strike() + " follows " + strikes.get(i - 1).strike());
            }
        }
    }

    /** The position of the listed strike nearest to {@code spot} (the lower one on a tie). */
    public int atmIndex(double spot) {
        if (!Double.isFinite(spot)) {
            // NaN would silently pick the lowest strike and subscribe the wrong window.
            throw new IllegalArgumentException("spot of " + underlying + " must be a finite price, got " + spot);
        }
        int best = 0;
        for (int i = 1; i < strikes.size(); i++) {
            if (Math.abs(strikes.get(i).strike() - spot) < Math.abs(strikes.get(best).strike() - spot)) {
                best = i;
            }
        }
        return best;
    }

    /** The listed strike nearest to {@code spot} (the lower one on a tie). */
    public double atmStrike(double spot) {
        return strikes.get(atmIndex(spot)).strike();
    }

    /** The position of a listed strike, or -1. */
    public int indexOf(double strike) {
        for (int i = 0; i < strikes.size(); i++) {
            if (strikes.get(i).strike() == strike) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The calls and puts of {@code strikesEachSide} listed strikes below and above the at-the-money strike (up to
     * 2·n+1 strikes; fewer at the ends of the chain).
     */
    public OptionWindow window(double spot, int strikesEachSide) {
        if (strikesEachSide < 0) {
            throw new IllegalArgumentException("strikesEachSide must not be negative, got " + strikesEachSide);
        }
        int atm = atmIndex(spot);
        List<Instrument> instruments = new ArrayList<>();
        for (int i = Math.max(0, atm - strikesEachSide); i <= Math.min(strikes.size() - 1, atm + strikesEachSide); i++) {
            Strike s = strikes.get(i);
            if (s.call() != null) {
                instruments.add(s.call());
            }
            if (s.put() != null) {
                instruments.add(s.put());
            }
        }
        return new OptionWindow(strikes.get(atm).strike(), strikesEachSide, instruments);
    }
}
