package com.tradesignal.kite.instruments;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.KiteInstrumentsCsvWriter;
import com.tradesignal.kite.AtomicFiles;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.rest.KiteRest;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day's Kite instrument dumps, fetched at most once a day per exchange and cached on disk.
 *
 * <p>Kite generates the dump once a day, before the market opens; it is fetched from {@link #FETCH_FROM 08:30 IST}
 * on (reference §2.3). Rules, per exchange, on the IST day {@code D} of the {@link MarketClock}:
 * <ol>
 *   <li>From 08:30 on: if {@code instruments-<EXCHANGE>-<D>.csv} is in the directory it is used and Kite is not
 *       asked again (one fetch a day, also across restarts). Otherwise the dump is fetched, written to that file
 *       atomically (temporary file in the same directory, then a move: a crash never leaves a half file that a later
 *       start would take for the day's dump) and used.</li>
 *   <li>Before 08:30 the day's dump may not exist yet, so the newest cached file dated {@code D} or earlier is used.
 *       With none, the dump is fetched anyway (what Kite serves then is the previous day's, which beats nothing) and
 *       cached as {@code D-1}, so that after 08:30 the day's dump is still fetched.</li>
 *   <li>When a fetch fails (or returns no rows, or there is no session) the newest cached file dated {@code D} or
 *       earlier is used and {@link #lastWarning()} says so: yesterday's contracts are still right for every
 *       underlying that did not expire yesterday, and a feed that subscribes the index and futures is better than none.
 *       The next {@link #current} call tries the fetch again.</li>
 *   <li>With no cached file to fall back on, the fetch failure propagates unchanged (a
 *       {@link com.tradesignal.kite.rest.KiteAuthException} stays one, so the caller can ask for a login);
 *       without a session an {@link IllegalStateException} is thrown.</li>
 * </ol>
 * A cached file that cannot be read as a dump is treated as absent (and named in the warning). Files dated after
 * {@code D} are ignored (a simulated clock may run behind real files). Only the newest {@link #KEEP_FILES} files per
 * exchange are kept. The exchanges' dumps are merged into one catalog (their tokens are distinct).
 *
 * <p>Files are Kite CSV with the 12 dump columns and a header ({@link KiteInstrumentsCsvWriter}), so a cached dump is
 * also what {@code InstrumentCatalog.load} and a human with a spreadsheet read. Thread-safe; one instance per
 * directory.
 */
public final class InstrumentDumpCache {
    /** Kite generates the day's dump before this (IST); earlier, it may still serve the previous day's. */
    public static final LocalTime FETCH_FROM = LocalTime.of(8, 30);
    /** Cached files kept per exchange: a week of fallbacks, about 3 MB each for NFO. */
    public static final int KEEP_FILES = 5;

    /** Exchange codes are used in file names, so only Kite-style codes are accepted (no path tricks). */
    private static final Pattern EXCHANGE = Pattern.compile("[A-Z]{2,10}");
    private static final Pattern CACHE_FILE = Pattern.compile("instruments-([A-Z]{2,10})-(\\d{4}-\\d{2}-\\d{2})\\.csv");

    private final Path directory;
    private final KiteRest rest;
    private final MarketClock clock;
    /** The catalog last read per exchange and the file it came from, so a repeated call does not re-read 40k rows. */
    private final Map<String, Loaded> loaded = new HashMap<>();
    private String lastWarning;

    private record Loaded(Path file, InstrumentCatalog catalog) {
    }

    public InstrumentDumpCache(Path directory, KiteRest rest, MarketClock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.rest = Objects.requireNonNull(rest, "rest");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cache file of one exchange's dump of one day, e.g. {@code instruments-NFO-2026-08-18.csv}. */
    public Path fileOf(String exchange, LocalDate day) {
        return directory.resolve("instruments-" + checkedExchange(exchange) + "-" + day + ".csv");
    }

    /**
     * The merged dumps of {@code exchanges} (e.g. {@code NFO}, {@code BFO}) for the clock's IST day, following the
     * rules above. Sets {@link #lastWarning()} (or clears it when all went well).
     *
     * @param session the Kite session to fetch with; null when there is none yet (then only the cache can answer)
     * @throws IllegalStateException without a session and without a cached dump
     * @throws RuntimeException the fetch failure itself, when there is no cached dump to fall back on
     */
    public synchronized InstrumentCatalog current(List<String> exchanges, AccessToken session) {
        Objects.requireNonNull(exchanges, "exchanges");
        if (exchanges.isEmpty()) {
            throw new IllegalArgumentException("no exchanges to load instruments of");
        }
        exchanges.forEach(InstrumentDumpCache::checkedExchange);
        long now = clock.now();
        LocalDate day = MarketTime.istDate(now);
        boolean dayDumpReady = now >= MarketTime.at(day, FETCH_FROM);
        List<String> warnings = new ArrayList<>();
        InstrumentCatalog merged = InstrumentCatalog.empty();
        for (String exchange : exchanges) {
            merged = merged.merge(dumpOf(exchange, day, dayDumpReady, session, warnings));
        }
        lastWarning = warnings.isEmpty() ? null : String.join("; ", warnings);
        return merged;
    }

    /** What went wrong in the last {@link #current} call that still returned a catalog (a fallback), or null. */
    public synchronized String lastWarning() {
        return lastWarning;
    }

    private InstrumentCatalog dumpOf(String exchange, LocalDate day, boolean dayDumpReady, AccessToken session,
                                     List<String> warnings) {
        if (dayDumpReady) {
            Path today = fileOf(exchange, day);
            if (Files.isRegularFile(today)) {
                Loaded cached = read(exchange, today, warnings);
                if (cached != null) {
                    return cached.catalog();
                }
            }
            return fetchOrFallBack(exchange, day, today, session, warnings);
        }
        Loaded cached = newestCached(exchange, day, warnings);
        if (cached != null) {
            return cached.catalog();
        }
        // Before 08:30 Kite still serves the previous generation: file it under the previous day.
        return fetchOrFallBack(exchange, day, fileOf(exchange, day.minusDays(1)), session, warnings);
    }

    private InstrumentCatalog fetchOrFallBack(String exchange, LocalDate day, Path target, AccessToken session,
                                              List<String> warnings) {
        RuntimeException failure;
        try {
            if (session == null) {
                throw new IllegalStateException("no Kite session to fetch the " + exchange
                        + " instruments dump with, and no cached dump of " + day + " or earlier in " + directory);
            }
            List<Instrument> rows = rest.instruments(exchange, session);
            if (rows == null || rows.isEmpty()) {
                // An empty dump is a broken response, not a day without contracts: never cache it.
                throw new IllegalStateException("Kite returned an empty " + exchange + " instruments dump");
            }
            write(target, rows);
            InstrumentCatalog catalog = InstrumentCatalog.of(rows);
            loaded.put(exchange, new Loaded(target, catalog));
            prune(exchange);
            return catalog;
        } catch (RuntimeException e) {
            failure = e;
        }
        Loaded fallback = newestCached(exchange, day, warnings);
        if (fallback == null) {
            throw failure;
        }
        warnings.add("could not fetch the " + exchange + " instruments dump of " + day + " (" + failure.getMessage()
                + "): using the cached " + fallback.file().getFileName());
        return fallback.catalog();
    }

    /** The newest readable cache file of {@code exchange} dated {@code day} or earlier, or null. */
    private Loaded newestCached(String exchange, LocalDate day, List<String> warnings) {
        for (Path file : cachedFiles(exchange)) {
            if (!dateOf(file).isAfter(day)) {
                Loaded cached = read(exchange, file, warnings);
                if (cached != null) {
                    return cached;
                }
            }
        }
        return null;
    }

    /** Reads a cache file (or takes it from memory), or returns null with a warning if it is not a readable dump. */
    private Loaded read(String exchange, Path file, List<String> warnings) {
        Loaded previous = loaded.get(exchange);
        if (previous != null && previous.file().equals(file)) {
            return previous;
        }
        try {
            InstrumentCatalog catalog = InstrumentCatalog.load(file);
            if (catalog.size() == 0) {
                throw new IllegalArgumentException(file + ": no instruments in it");
            }
            Loaded read = new Loaded(file, catalog);
            loaded.put(exchange, read);
            return read;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            warnings.add("ignoring the unreadable cached dump " + file.getFileName() + " (" + e.getMessage() + ")");
            return null;
        }
    }

    private static void write(Path file, List<Instrument> rows) {
        try {
            AtomicFiles.write(file, KiteInstrumentsCsvWriter.toCsv(rows).getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the instruments cache " + file, e);
        }
    }

    /** This exchange's cache files, newest date first. Temporary files of an interrupted write do not match. */
    private List<Path> cachedFiles(String exchange) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && exchange.equals(exchangeOf(f)) && dateOf(f) != null)
                    .sorted((a, b) -> dateOf(b).compareTo(dateOf(a)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the instruments cache " + directory, e);
        }
    }

    /** Deletes all but the newest {@link #KEEP_FILES} files; a failure to delete only wastes disk. */
    private void prune(String exchange) {
        List<Path> files = cachedFiles(exchange);
        for (Path old : files.subList(Math.min(KEEP_FILES, files.size()), files.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException ignored) {
                // Retried after the next fetch.
            }
        }
    }

    /** The exchange a cache file name is of, or null for any other file. */
    private static String exchangeOf(Path file) {
        Matcher m = CACHE_FILE.matcher(file.getFileName().toString());
        return m.matches() ? m.group(1) : null;
    }

    /** The day a cache file name is of, or null for any other file (including an impossible date). */
    private static LocalDate dateOf(Path file) {
        Matcher m = CACHE_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(2));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String checkedExchange(String exchange) {
        if (exchange == null || !EXCHANGE.matcher(exchange).matches()) {
            throw new IllegalArgumentException("exchange must be a Kite exchange code like NFO or BFO, got '"
                    + exchange + "'");
        }
        return exchange;
    }
}
