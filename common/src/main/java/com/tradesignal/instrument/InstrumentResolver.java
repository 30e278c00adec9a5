package com.tradesignal.instrument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Picks the contracts the feed subscribes from the day's instrument dump, by {@code name}, {@code instrument_type}
 * and {@code expiry} only, never by parsing trading symbols ({@code NIFTY} is also a prefix of {@code NIFTYNXT50}).
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
     * The near-month future of {@code name} (NIFTY, BANKNIFTY on NFO; SENSEX on BFO): the earliest expiry on or after
     * the day, so on its expiry day the expiring contract is still the near month and the day after it rolls.
     */
    public Optional<Instrument> nearMonthFuture(String name, LocalDate tradingDay) {
        return dump.nearMonthFuture(name, tradingDay);
    }

    /** The option chain of {@code name}'s nearest expiry on or after {@code tradingDay}. */
    public Optional<OptionChain> nearestOptionChain(String name, LocalDate tradingDay) {
        LocalDate nearest = null;
        for (Instrument i : dump.all()) {
            if (isOption(i, name) && !i.expiry().isBefore(tradingDay) && (nearest == null || i.expiry().isBefore(nearest))) {
                nearest = i.expiry();
            }
        }
        if (nearest == null) {
            return Optional.empty();
        }
        Map<Double, Instrument[]> byStrike = new TreeMap<>();
        for (Instrument i : dump.all()) {
            if (isOption(i, name) && i.expiry().equals(nearest)) {
                Instrument[] pair = byStrike.computeIfAbsent(i.strike(), k -> new Instrument[2]);
                pair[i.type() == InstrumentType.CE ? 0 : 1] = i;
            }
        }
        List<OptionChain.Strike> strikes = new ArrayList<>(byStrike.size());
        byStrike.forEach((strike, pair) -> strikes.add(new OptionChain.Strike(strike, pair[0], pair[1])));
        return Optional.of(new OptionChain(name, nearest, strikes));
    }

    private static boolean isOption(Instrument i, String name) {
        return (i.type() == InstrumentType.CE || i.type() == InstrumentType.PE) && name.equals(i.name()) && i.expiry() != null;
    }

    public InstrumentCatalog dump() {
        return dump;
    }
}
