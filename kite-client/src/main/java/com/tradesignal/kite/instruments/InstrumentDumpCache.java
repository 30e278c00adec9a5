package com.tradesignal.kite.instruments;

import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.rest.KiteRest;
import com.tradesignal.market.MarketClock;

import java.nio.file.Path;
import java.util.List;

/**
 * CONTRACT STUB (to be implemented): the day's instrument dump, fetched once a day after 08:30 IST (when Kite has
 * generated it) and cached on disk as Kite CSV, one file per exchange and date.
 */
public final class InstrumentDumpCache {

    public InstrumentDumpCache(Path directory, KiteRest rest, MarketClock clock) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The dump to use now for these exchanges (e.g. NSE, BSE, NFO, BFO), merged. After 08:30 IST: today's, fetched
     * if not cached yet. Before 08:30: the newest cached file, else a fetch. If a fetch fails and a cached dump
     * exists, the cached one is used and {@link #lastWarning()} says so; with no cache the failure is thrown
     * (a {@code KiteAuthException} stays a {@code KiteAuthException}).
     */
    public InstrumentCatalog current(List<String> exchanges, AccessToken session) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Why the last {@link #current} call fell back to an older dump, or null. */
    public String lastWarning() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
