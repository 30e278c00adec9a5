package com.tradesignal.instrument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Picks the contracts the feed subscribes from the day's instrument dump, by {@code name}, {@code instrument_type}
 * and {@code expiry} only, never by parsing trading symbols: {@code NIFTY} is also a prefix of {@code NIFTYNXT50},
 * and the month in a symbol says nothing about the actual expiry day (exchanges move expiry weekdays and shift them
 * for holidays). Underlying names are those of the derivatives' {@code name} column: {@code NIFTY} and
 * {@code BANKNIFTY} (derivatives on NFO), {@code SENSEX} (derivatives on BFO); the exchange follows from the rows.
 */
public final class InstrumentResolver {

    /** Synthesized index rows for dumps without them (an NFO+BFO dump has no {@code INDICES} rows). */
    private static final InstrumentCatalog WELL_KNOWN_INDICES = InstrumentCatalog.wellKnownIndices();

    private final InstrumentCatalog dump;

    private InstrumentResolver(InstrumentCatalog dump) {
        this.dump = dump;
    }

    public static InstrumentResolver of(InstrumentCatalog dump) {
        return new InstrumentResolver(Objects.requireNonNull(dump, "dump"));
    }

    /**
     * The near-month future of {@code name} (NIFTY, BANKNIFTY on NFO; SENSEX on BFO): the earliest expiry on or after
     * the day, so on its expiry day the expiring contract is still the near month and the day after it rolls.
     * Empty for a name with no future listed on or after the day. The rule lives in
     * {@link InstrumentCatalog#nearMonthFuture} so that code holding only a catalog gets the same answer.
     */
    public Optional<Instrument> nearMonthFuture(String name, LocalDate tradingDay) {
        return dump.nearMonthFuture(name, tradingDay);
    }

    /**
     * The option chain of {@code name}'s nearest expiry on or after {@code tradingDay}: every CE and PE row with
     * {@code name} equal to {@code name} and that expiry, paired by strike. On an expiry day that day's options are
     * the nearest (they still trade until the close); the day after, the chain moves to the next listed expiry.
     * Expiries come from the dump's {@code expiry} column, never from weekday rules (expiry weekdays changed several
     * times since 2024 and holidays move them). Empty when the dump lists no such options.
     */
    public Optional<OptionChain> nearestOptionChain(String name, LocalDate tradingDay) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tradingDay, "tradingDay");
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
        return i.type().isOption() && name.equals(i.name()) && i.expiry() != null;
    }

    /**
     * The index instrument of an underlying: {@code NIFTY} → 256265 {@code NSE:NIFTY 50}, {@code BANKNIFTY} → 260105
     * {@code NSE:NIFTY BANK}, {@code SENSEX} → 265 {@code BSE:SENSEX} ({@link InstrumentCatalog#INDEX_TOKENS}).
     *
     * <p>If the dump has the index row (a full or NSE/BSE dump does), that row is returned. An NFO+BFO dump, which is
     * what the feed downloads, has no index rows, so then a synthesized row for the well-known token is returned
     * (type {@link InstrumentType#INDEX}, segment {@code INDICES}, see {@link InstrumentCatalog#wellKnownIndices()}):
     * the feed must subscribe to the index whether or not the day's dump lists it, and these tokens have not changed
     * in Kite's history (they are exchange token × 256 + 9). Empty for any other name.
     */
    public Optional<Instrument> index(String name) {
        Objects.requireNonNull(name, "name");
        Long token = InstrumentCatalog.INDEX_TOKENS.get(name);
        if (token == null) {
            return Optional.empty();
        }
        Optional<Instrument> listed = dump.byToken(token).filter(i -> i.type() == InstrumentType.INDEX);
        return listed.isPresent() ? listed : WELL_KNOWN_INDICES.byToken(token);
    }

    /** The dump this resolver selects from. */
    public InstrumentCatalog dump() {
        return dump;
    }
}
