package com.tradesignal.kite.instruments;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.rest.HistoricalCandle;
import com.tradesignal.kite.rest.KiteRest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A stand-in for Kite's servers that answers {@code GET /instruments/:exchange} with the rows of the real NFO+BFO dump
 * of 2026-08-18, counts the calls, and can be told to fail or to answer with nothing.
 */
final class FixtureKiteRest implements KiteRest {
    static final Path DUMP = Path.of(System.getProperty("tradesignal.shared", "../../shared"),
            "fixtures", "kite-instruments-nfo-bfo-2026-08-18.csv");
    private static Map<String, List<Instrument>> byExchange;

    private final Map<String, Integer> calls = new HashMap<>();
    private Supplier<RuntimeException> failure;
    private boolean empty;

    /** The real dump's rows of one exchange, loaded once for all tests. */
    static synchronized List<Instrument> rows(String exchange) {
        if (byExchange == null) {
            Map<String, List<Instrument>> split = new HashMap<>();
            InstrumentCatalog.load(DUMP).all().stream()
                    .sorted(Comparator.comparingLong(Instrument::token))
                    .forEach(i -> split.computeIfAbsent(i.exchange(), e -> new ArrayList<>()).add(i));
            split.replaceAll((e, list) -> List.copyOf(list));
            byExchange = split;
        }
        return byExchange.getOrDefault(exchange, List.of());
    }

    /** From now on every instruments call throws what {@code failure} makes; null to answer again. */
    void failWith(Supplier<RuntimeException> failure) {
        this.failure = failure;
    }

    /** From now on answer with an empty dump, as a broken response would. */
    void answerEmpty() {
        this.empty = true;
    }

    int calls(String exchange) {
        return calls.getOrDefault(exchange, 0);
    }

    @Override
    public List<Instrument> instruments(String exchange, AccessToken session) {
        calls.merge(exchange, 1, Integer::sum);
        if (failure != null) {
            throw failure.get();
        }
        return empty ? List.of() : rows(exchange);
    }

    @Override
    public String loginUrl(String state) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AccessToken generateSession(String requestToken, String apiSecret) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<HistoricalCandle> historicalMinutes(long instrumentToken, long fromMillis, long toMillis,
                                                    AccessToken session) {
        throw new UnsupportedOperationException();
    }
}
