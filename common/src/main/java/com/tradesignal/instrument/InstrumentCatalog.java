package com.tradesignal.instrument;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * The instruments of one trading day, keyed by Kite {@code instrument_token} (what the tick feed carries).
 *
 * <p>Immutable and {@link Serializable}: it is meant to be built once before the job starts and shipped inside Flink
 * operators, so it is a single {@code HashMap<Long, Instrument>} with repeated strings and dates shared. A full
 * NFO+BFO dump is about 40,000 rows; an operator that only needs a few instruments should ship
 * {@link #filter(Predicate) a filtered copy}.
 *
 * <p>Tokens identify an instrument only within one day's dump: exchanges reuse them after a contract expires. Load
 * the catalog from the day's dump (Kite generates it once a day, fetch it around 08:30 IST), and persist
 * {@link Instrument#key() exchange:tradingsymbol}, never a token, across days.
 */
public final class InstrumentCatalog implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Kite tokens of the three indices the engine follows, by underlying name (the derivatives' {@code name}). */
    public static final Map<String, Long> INDEX_TOKENS;
    private static final Map<Long, String> UNDERLYING_BY_INDEX_TOKEN;

    static {
        Map<String, Long> tokens = new LinkedHashMap<>();
        tokens.put("NIFTY", 256265L);
        tokens.put("BANKNIFTY", 260105L);
        tokens.put("SENSEX", 265L);
        INDEX_TOKENS = Collections.unmodifiableMap(tokens);
        Map<Long, String> names = new HashMap<>();
        tokens.forEach((name, token) -> names.put(token, name));
        UNDERLYING_BY_INDEX_TOKEN = Collections.unmodifiableMap(names);
    }

    private static final InstrumentCatalog EMPTY = new InstrumentCatalog(new HashMap<>());

    private final HashMap<Long, Instrument> byToken;

    private InstrumentCatalog(HashMap<Long, Instrument> byToken) {
        this.byToken = byToken;
    }

    /**
     * Loads a Kite instruments dump ({@code GET /instruments} or {@code /instruments/:exchange}), plain or gzipped
     * (recognised by content, not by file name).
     *
     * <p>Columns are found by header name. Required: {@code instrument_token, tradingsymbol, instrument_type,
     * segment, exchange}; the others may be absent or blank ({@code expiry} blank means none). {@code last_price} is
     * ignored: it is a snapshot from when the dump was generated.
     *
     * @throws InstrumentDumpException (an {@link IllegalArgumentException}) for malformed input, with the message
     *     {@code <file>:<line>: field '<field>': <problem>}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static InstrumentCatalog load(Path kiteDumpCsv) {
        Objects.requireNonNull(kiteDumpCsv, "kiteDumpCsv");
        try (InputStream raw = Files.newInputStream(kiteDumpCsv);
             BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16)) {
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            InputStream data = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            try (BufferedReader reader =
                         new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 1 << 16)) {
                return new InstrumentCatalog(KiteInstrumentsCsv.parse(reader, kiteDumpCsv.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read instruments dump " + kiteDumpCsv, e);
        }
    }

    /**
     * NIFTY 50 (256265, NSE, exchange token 1001), NIFTY BANK (260105, NSE, 1016) and SENSEX (265, BSE, 1): type
     * {@link InstrumentType#INDEX}, segment {@code INDICES}. The NFO/BFO dumps do not contain index rows, so merge
     * these in: {@code InstrumentCatalog.wellKnownIndices().merge(dump)} (a dump that does list them wins).
     * Tick size is 0.05, the resolution index values are published in; lot size 0 (an index is not traded).
     */
    public static InstrumentCatalog wellKnownIndices() {
        return of(
                index(256265L, 1001L, "NIFTY 50", "NSE"),
                index(260105L, 1016L, "NIFTY BANK", "NSE"),
                index(265L, 1L, "SENSEX", "BSE"));
    }

    private static Instrument index(long token, long exchangeToken, String symbol, String exchange) {
        return new Instrument(token, exchangeToken, symbol, symbol, exchange, InstrumentType.INDEX_SEGMENT,
                InstrumentType.INDEX, null, 0.0, 0.05, 0);
    }

    /** A catalog of exactly these instruments; two with the same token are an error. */
    public static InstrumentCatalog of(Instrument... instruments) {
        return of(java.util.Arrays.asList(instruments));
    }

    /** A catalog of exactly these instruments; two with the same token are an error. */
    public static InstrumentCatalog of(Collection<Instrument> instruments) {
        HashMap<Long, Instrument> map = new HashMap<>(Math.max(16, instruments.size() * 2));
        for (Instrument instrument : instruments) {
            Objects.requireNonNull(instrument, "instrument");
            if (map.putIfAbsent(instrument.token(), instrument) != null) {
                throw new IllegalArgumentException("duplicate instrument token " + instrument.token() + ": "
                        + map.get(instrument.token()).key() + " and " + instrument.key());
            }
        }
        return new InstrumentCatalog(map);
    }

    /** The catalog with no instruments. */
    public static InstrumentCatalog empty() {
        return EMPTY;
    }

    /** The underlying name (NIFTY, BANKNIFTY, SENSEX) of one of the {@link #INDEX_TOKENS}; empty for any other token. */
    public static Optional<String> indexUnderlying(long token) {
        return Optional.ofNullable(UNDERLYING_BY_INDEX_TOKEN.get(token));
    }

    /**
     * A new catalog with the instruments of both; where both have a token, {@code other}'s instrument wins (so merge
     * the newer or more specific source last). Neither input changes.
     */
    public InstrumentCatalog merge(InstrumentCatalog other) {
        Objects.requireNonNull(other, "other");
        HashMap<Long, Instrument> map = new HashMap<>(Math.max(16, (byToken.size() + other.byToken.size()) * 2));
        map.putAll(byToken);
        map.putAll(other.byToken);
        return new InstrumentCatalog(map);
    }

    /** A new catalog with only the instruments that match, e.g. to ship just what an operator needs. */
    public InstrumentCatalog filter(Predicate<? super Instrument> keep) {
        HashMap<Long, Instrument> map = new HashMap<>();
        for (Instrument instrument : byToken.values()) {
            if (keep.test(instrument)) {
                map.put(instrument.token(), instrument);
            }
        }
        return new InstrumentCatalog(map);
    }

    public Optional<Instrument> byToken(long token) {
        return Optional.ofNullable(byToken.get(token));
    }

    /**
     * Looks an instrument up by its persistent identity, {@code exchange} + {@code tradingsymbol} (e.g. {@code NFO},
     * {@code NIFTY26AUGFUT}). A linear scan: resolve once, then use the token.
     */
    public Optional<Instrument> bySymbol(String exchange, String tradingSymbol) {
        for (Instrument instrument : byToken.values()) {
            if (instrument.tradingSymbol().equals(tradingSymbol) && instrument.exchange().equals(exchange)) {
                return Optional.of(instrument);
            }
        }
        return Optional.empty();
    }

    /** The trading symbol of a token, or null if the catalog does not know it. */
    public String symbolOf(long token) {
        Instrument instrument = byToken.get(token);
        return instrument == null ? null : instrument.tradingSymbol();
    }

    public int size() {
        return byToken.size();
    }

    /** All instruments, in no particular order; an unmodifiable view. */
    public Collection<Instrument> all() {
        return Collections.unmodifiableCollection(byToken.values());
    }

    /**
     * The near-month future of an underlying on a trading day: among instruments with {@code name == underlyingName},
     * type {@link InstrumentType#FUT} and {@code expiry >= tradingDay}, the one with the earliest expiry. On its
     * expiry day a contract is still the near month; the day after, the next contract is.
     *
     * <p>Selection uses the {@code name}, {@code instrument_type} and {@code expiry} columns, never the trading symbol:
     * symbol prefixes collide ({@code NIFTYNXT5026AUGFUT} starts with {@code NIFTY}), the symbol's month says nothing
     * about the actual expiry day (exchanges move expiry weekdays and shift them for holidays), and exchanges change
     * symbol patterns. Underlying names are those of the derivatives: {@code NIFTY}, {@code BANKNIFTY}, {@code SENSEX}
     * (SENSEX futures are on BFO).
     */
    public Optional<Instrument> nearMonthFuture(String underlyingName, LocalDate tradingDay) {
        Objects.requireNonNull(underlyingName, "underlyingName");
        Objects.requireNonNull(tradingDay, "tradingDay");
        return byToken.values().stream()
                .filter(i -> i.type() == InstrumentType.FUT
                        && i.expiry() != null
                        && !i.expiry().isBefore(tradingDay)
                        && i.name().equals(underlyingName))
                .min(Comparator.comparing(Instrument::expiry)
                        .thenComparing(Instrument::exchange)
                        .thenComparing(Instrument::tradingSymbol));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstrumentCatalog && ((InstrumentCatalog) o).byToken.equals(byToken);
    }

    @Override
    public int hashCode() {
        return byToken.hashCode();
    }

    /** Short on purpose: a catalog may hold 40,000 rows and end up in a log line. */
    @Override
    public String toString() {
        return "InstrumentCatalog[" + byToken.size() + " instruments]";
    }
}
