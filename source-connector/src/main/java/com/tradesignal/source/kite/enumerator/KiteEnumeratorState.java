package com.tradesignal.source.kite.enumerator;

import com.tradesignal.source.kite.split.KiteSplit;

import java.util.List;

/** The enumerator's checkpoint: whether the splits were planned yet, and those not held by any reader. */
public record KiteEnumeratorState(boolean splitsCreated, List<KiteSplit> unassigned) {
    public KiteEnumeratorState {
        unassigned = List.copyOf(unassigned);
    }

    public static KiteEnumeratorState initial() {
        return new KiteEnumeratorState(false, List.of());
    }
}
