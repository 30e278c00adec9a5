package com.tradesignal.bench.day;

import com.tradesignal.bench.BenchContext;
import com.tradesignal.bench.Fmt;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.KiteInstrumentsCsvWriter;
import com.tradesignal.market.MarketCalendar;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Input for the replay benchmarks: a SIMULATED full-market trading day ({@link #generate}) or the real index candles
 * of the fixtures turned into ticks ({@link #realFixtures}), as tick files in the project's CSV format plus an
 * instruments file in Kite's dump format.
 *
 * <p>A simulated day takes real contracts from the fixture dump (see {@link Universe}), gives them Kite-like tick
 * rates and moves their prices along real days of NIFTY and NIFTY BANK one-minute candles. It is generated once per
 * spec under {@code <work>/days/<key>/} and reused: a {@value #MARKER} file, written last, says the directory is
 * complete. Its prices are not market prices; the directory's {@value #NOTICE} and the file names say so.
 */
public final class MarketDay {
    /** The real Kite dump the instruments come from, and the day it was taken. */
    static final String DUMP = "kite-instruments-nfo-bfo-2026-08-18.csv";
    static final LocalDate DUMP_DATE = LocalDate.of(2026, 8, 18);
    static final String CANDLES = "nse-index-1min";
    static final String MARKER = "COMPLETE.properties";
    static final String NOTICE = "SIMULATED.txt";
    /** Part of the cache key: bump it when the generator's output changes. */
    static final int VERSION = 1;

    /**
     * What to generate: how many instruments, the exchange-time window (09:08 includes the pre-open print; the
     * session ends 15:30), the average ticks per second per instrument, and the seed.
     */
    public record Spec(int instruments, LocalTime from, LocalTime to, double averageTicksPerSecond, long seed) {
        public Spec {
            if (instruments < 1) throw new IllegalArgumentException("instruments must be at least 1");
            if (!from.isBefore(to)) throw new IllegalArgumentException("the window " + from + "-" + to + " is empty");
            if (!(averageTicksPerSecond > 0)) throw new IllegalArgumentException("averageTicksPerSecond must be positive");
        }

        /** The whole session: the 09:08 pre-open print through 15:30. */
        public static Spec wholeSession(int instruments, double averageTicksPerSecond, long seed) {
            return new Spec(instruments, LocalTime.of(9, 8), LocalTime.of(15, 30), averageTicksPerSecond, seed);
        }

        String key() {
            return String.format(Locale.ROOT, "sim-v%d-%d-%s-%s-%s-%d", VERSION, instruments,
                    from.toString().replace(":", ""), to.toString().replace(":", ""),
                    Double.toString(averageTicksPerSecond).replace('.', '_'), seed);
        }
    }

    /** Which real day an underlying's prices follow: {@code price = scale * real} at the first print, moves amplified. */
    public record Source(String underlying, String realIndex, LocalDate realDate, double scale, double amplification) {}

    private final Path dir;
    private final List<Path> tickFiles;
    private final Path instruments;
    private final long tickCount;
    private final long bytes;
    private final int instrumentCount;
    private final LocalDate date;
    private final List<Source> sources;
    private final String describe;

    private MarketDay(Path dir, List<Path> tickFiles, Path instruments, long tickCount, long bytes, int instrumentCount,
                      LocalDate date, List<Source> sources, String describe) {
        this.dir = dir;
        this.tickFiles = List.copyOf(tickFiles);
        this.instruments = instruments;
        this.tickCount = tickCount;
        this.bytes = bytes;
        this.instrumentCount = instrumentCount;
        this.date = date;
        this.sources = List.copyOf(sources);
        this.describe = describe;
    }

    /** The trading day simulated: the first trading day after the dump's date, so every contract in it is live. */
    public static LocalDate tradingDate() {
        return MarketCalendar.defaults().nextTradingDay(DUMP_DATE);
    }

    /** The day for this spec: from the cache if it is complete there, else generated now (and cached). */
    public static MarketDay generate(BenchContext ctx, Spec spec) throws IOException {
        Path dir = ctx.workDir().resolve("days").resolve(spec.key());
        if (Files.exists(dir.resolve(MARKER))) {
            return load(dir);
        }
        Path scratch = ctx.scratch("days/" + spec.key());
        long started = System.nanoTime();
        LocalDate date = tradingDate();
        InstrumentCatalog dump = InstrumentCatalog.load(ctx.fixture(DUMP));
        Universe universe = Universe.select(dump, date, spec.instruments(), spec.seed());
        RealCandles candles = RealCandles.load(ctx.fixture(CANDLES));
        Path instruments = scratch.resolve("instruments.csv");
        List<Instrument> rows = universe.members().stream().map(Universe.Member::instrument).toList();
        try (Writer w = Files.newBufferedWriter(instruments, StandardCharsets.UTF_8)) {
            KiteInstrumentsCsvWriter.write(rows, w);
        }
        DayGenerator.Result r = new DayGenerator(universe, candles, date, spec).write(scratch);
        double seconds = (System.nanoTime() - started) / 1e9;
        String describe = String.format(Locale.ROOT, "SIMULATED day %s (seed %d): %s instruments (%s), %s-%s IST, %s ticks "
                        + "(%.2f/s per instrument), %s in %d file(s); prices follow real one-minute candles: %s",
                date, spec.seed(), Fmt.count(rows.size()), kinds(r.kinds()), spec.from(), spec.to(), Fmt.count(r.ticks()),
                r.ticks() / (double) rows.size() / windowSeconds(spec), Fmt.bytes(r.bytes()), r.files().size(),
                sourcesLine(r.sources()));
        Files.writeString(scratch.resolve(NOTICE), "SIMULATED market data generated by TradeSignal's benchmark "
                + "(com.tradesignal.bench.day.MarketDay). These are not market prices.\n" + describe + "\n");
        Properties p = new Properties();
        p.setProperty("describe", describe);
        p.setProperty("ticks", Long.toString(r.ticks()));
        p.setProperty("bytes", Long.toString(r.bytes()));
        p.setProperty("instruments", Integer.toString(rows.size()));
        p.setProperty("date", date.toString());
        p.setProperty("files", String.join(",", r.files().stream().map(f -> f.getFileName().toString()).toList()));
        p.setProperty("generation_seconds", String.format(Locale.ROOT, "%.3f", seconds));
        for (int i = 0; i < r.sources().size(); i++) {
            Source s = r.sources().get(i);
            p.setProperty("source." + i, s.underlying() + "," + s.realIndex() + "," + s.realDate() + "," + s.scale() + "," + s.amplification());
        }
        writeMarker(scratch, p);
        ctx.log().printf("bench: generated %s in %.1f s (%s ticks/s)%n", describe, seconds, Fmt.rate(r.ticks() / seconds));
        return load(scratch);
    }

    /**
     * The REAL fixtures as replayable ticks: every NIFTY 50 and NIFTY BANK one-minute candle of
     * {@code nse-index-1min/} (January 2021 to January 2023) becomes four ticks that reproduce it (see
     * {@link FixtureTicks}), one tick file per fixture file; cached like a generated day.
     */
    public static MarketDay realFixtures(BenchContext ctx) throws IOException {
        Path dir = ctx.workDir().resolve("days").resolve("real-" + CANDLES + "-v" + VERSION);
        if (Files.exists(dir.resolve(MARKER))) {
            return load(dir);
        }
        Path scratch = ctx.scratch("days/real-" + CANDLES + "-v" + VERSION);
        FixtureTicks.Result r = FixtureTicks.convert(ctx.fixture(CANDLES), scratch);
        Path instruments = scratch.resolve("instruments.csv");
        try (Writer w = Files.newBufferedWriter(instruments, StandardCharsets.UTF_8)) {
            KiteInstrumentsCsvWriter.write(InstrumentCatalog.wellKnownIndices().all().stream()
                    .filter(i -> i.token() != 265L).sorted(java.util.Comparator.comparingLong(Instrument::token)).toList(), w);
        }
        String describe = String.format(Locale.ROOT, "REAL NIFTY 50 and NIFTY BANK one-minute candles %s to %s (%d "
                        + "days, %s candles) as %s ticks, four per candle (open, the two extremes, close; a flat print such as the pre-open is one), %s in %d file(s)",
                r.first(), r.last(), r.days(), Fmt.count(r.candles()), Fmt.count(r.ticks()), Fmt.bytes(r.bytes()), r.files().size());
        Properties p = new Properties();
        p.setProperty("describe", describe);
        p.setProperty("ticks", Long.toString(r.ticks()));
        p.setProperty("bytes", Long.toString(r.bytes()));
        p.setProperty("instruments", "2");
        p.setProperty("date", r.last().toString());
        p.setProperty("files", String.join(",", r.files().stream().map(f -> f.getFileName().toString()).toList()));
        writeMarker(scratch, p);
        return load(scratch);
    }

    private static void writeMarker(Path dir, Properties p) throws IOException {
        Path tmp = dir.resolve(MARKER + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "complete: every file of this directory is written");
        }
        Files.move(tmp, dir.resolve(MARKER), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static MarketDay load(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(MARKER), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(MARKER), e);
        }
        List<Path> files = new ArrayList<>();
        for (String f : p.getProperty("files").split(",")) files.add(dir.resolve(f));
        List<Source> sources = new ArrayList<>();
        for (int i = 0; p.containsKey("source." + i); i++) {
            String[] f = p.getProperty("source." + i).split(",");
            sources.add(new Source(f[0], f[1], LocalDate.parse(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
        }
        return new MarketDay(dir, files, dir.resolve("instruments.csv"), Long.parseLong(p.getProperty("ticks")),
                Long.parseLong(p.getProperty("bytes")), Integer.parseInt(p.getProperty("instruments")),
                LocalDate.parse(p.getProperty("date")), sources, p.getProperty("describe"));
    }

    private static double windowSeconds(Spec spec) {
        LocalTime from = spec.from().isBefore(LocalTime.of(9, 15)) ? LocalTime.of(9, 15) : spec.from();
        LocalTime to = spec.to().isAfter(LocalTime.of(15, 30)) ? LocalTime.of(15, 30) : spec.to();
        return Math.max(1, to.toSecondOfDay() - from.toSecondOfDay());
    }

    private static String kinds(Map<Universe.Kind, Integer> kinds) {
        Map<Universe.Kind, String> label = new EnumMap<>(Map.of(Universe.Kind.INDEX, "indices",
                Universe.Kind.INDEX_FUTURE, "index futures", Universe.Kind.INDEX_OPTION, "index options",
                Universe.Kind.STOCK_FUTURE, "stock futures", Universe.Kind.STOCK_OPTION, "stock options"));
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, n) -> parts.add(Fmt.count(n) + " " + label.get(k)));
        return String.join(", ", parts);
    }

    private static String sourcesLine(List<Source> sources) {
        List<String> parts = new ArrayList<>();
        for (Source s : sources) {
            if (Universe.INDICES.contains(s.underlying())) {
                parts.add(String.format(Locale.ROOT, "%s of %s x%.2f for %s", s.realIndex(), s.realDate(), s.scale(), s.underlying()));
            }
        }
        int stocks = sources.size() - parts.size();
        return String.join(", ", parts) + (stocks > 0 ? "; other real days, moves amplified, for " + stocks + " stock underlyings" : "");
    }

    /** Tick files in exchange-time order of their contents (one per clock hour); the replay merges them by time. */
    public List<Path> tickFiles() {
        return tickFiles;
    }

    /** The instruments, in Kite's dump format: the indices and the real contracts the day carries. */
    public Path instruments() {
        return instruments;
    }

    public long tickCount() {
        return tickCount;
    }

    public long bytes() {
        return bytes;
    }

    public int instrumentCount() {
        return instrumentCount;
    }

    /** The IST trading date of the ticks (for the real fixtures, the last one). */
    public LocalDate date() {
        return date;
    }

    /** For a simulated day, which real day each underlying follows; empty for the real fixtures. */
    public List<Source> sources() {
        return sources;
    }

    public Path directory() {
        return dir;
    }

    /** One line for the report: what it is, instruments by kind, window, ticks, bytes. */
    public String describe() {
        return describe;
    }

    @Override
    public String toString() {
        return describe;
    }
}
