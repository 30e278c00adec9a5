package com.tradesignal.instrument;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The options subscribed around the at-the-money strike for the put-call ratio.
 *
 * @param centreStrike the at-the-money strike the window was centred on
 * @param strikesEachSide how many listed strikes on each side
 * @param instruments the calls and puts in the window, by strike, call before put
 */
public record OptionWindow(double centreStrike, int strikesEachSide, List<Instrument> instruments)
        implements Serializable {

    /** What to subscribe and unsubscribe to move from one window to another. */
    public record Change(List<Long> add, List<Long> remove) {
        public boolean isEmpty() {
            return add.isEmpty() && remove.isEmpty();
        }
    }

    public OptionWindow {
        instruments = List.copyOf(instruments);
    }

    /** The instruments' tokens, in the same order. */
    public List<Long> tokens() {
        return instruments.stream().map(Instrument::token).toList();
    }

    /**
     * True when {@code spot}'s at-the-money strike is at least {@code hysteresisStrikes} listed strikes away from the
     * centre: the window should move. Hysteresis keeps a price that hovers around a strike boundary from churning
     * subscriptions.
     */
    public boolean needsRecentre(OptionChain chain, double spot, int hysteresisStrikes) {
        int centre = chain.indexOf(centreStrike);
        return centre < 0 || Math.abs(chain.atmIndex(spot) - centre) >= Math.max(1, hysteresisStrikes);
    }

    /** The tokens to add and to remove to go from {@code from} (null: nothing yet) to {@code to}. */
    public static Change diff(OptionWindow from, OptionWindow to) {
        Set<Long> before = from == null ? Set.of() : new LinkedHashSet<>(from.tokens());
        Set<Long> after = new LinkedHashSet<>(to.tokens());
        List<Long> add = new ArrayList<>();
        for (long t : after) {
            if (!before.contains(t)) {
                add.add(t);
            }
        }
        List<Long> remove = new ArrayList<>();
        for (long t : before) {
            if (!after.contains(t)) {
                remove.add(t);
            }
        }
        return new Change(add, remove);
    }
}
