package com.tradesignal.instrument;

import java.io.Serializable;
import java.util.List;

/**
 * CONTRACT STUB (to be implemented): the options subscribed around the at-the-money strike for PCR.
 *
 * @param centreStrike the at-the-money strike the window was centred on
 * @param strikesEachSide how many listed strikes on each side
 * @param instruments the calls and puts in the window, sorted by strike then CE before PE
 */
public record OptionWindow(double centreStrike, int strikesEachSide, List<Instrument> instruments)
        implements Serializable {

    /** The instruments' tokens, in the same order. */
    public List<Long> tokens() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * True when {@code spot}'s at-the-money strike in {@code chain} is at least {@code hysteresisStrikes} listed
     * strikes away from {@link #centreStrike()}: the window should be re-centred. Hysteresis keeps a price
     * oscillating around a strike boundary from churning subscriptions.
     */
    public boolean needsRecentre(OptionChain chain, double spot, int hysteresisStrikes) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
