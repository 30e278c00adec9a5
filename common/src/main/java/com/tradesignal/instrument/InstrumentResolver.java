package com.tradesignal.instrument;

import java.time.LocalDate;
import java.util.Optional;

/**
 * CONTRACT STUB (to be implemented): picks the contracts the feed subscribes from the day's instrument dump, by
 * {@code name}, {@code instrument_type} and {@code expiry} only (never by parsing trading symbols: {@code NIFTY} is
 * also a prefix of {@code NIFTYNXT50}).
 */
public final class InstrumentResolver {

    private final InstrumentCatalog dump;

    private InstrumentResolver(InstrumentCatalog dump) {
        this.dump = dump;
    }

    public static InstrumentResolver of(InstrumentCatalog dump) {
        return new InstrumentResolver(dump);
    }

    /**
     * The near-month future of {@code name} (NIFTY, BANKNIFTY on NFO; SENSEX on BFO) for a trading day: the FUT with
     * that name whose expiry is on or after the day, earliest expiry first. On its expiry day the expiring contract
     * is still the near month; the day after, the next one is (the roll).
     */
    public Optional<Instrument> nearMonthFuture(String name, LocalDate tradingDay) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The option chain of {@code name}'s nearest expiry on or after {@code tradingDay}. */
    public Optional<OptionChain> nearestOptionChain(String name, LocalDate tradingDay) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The index instrument of a well-known underlying (NIFTY → NSE "NIFTY 50", token 256265; ...), if in the dump. */
    public Optional<Instrument> index(String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public InstrumentCatalog dump() {
        return dump;
    }
}
