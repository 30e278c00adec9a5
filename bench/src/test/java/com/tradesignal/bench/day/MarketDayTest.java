package com.tradesignal.bench.day;

import com.tradesignal.bench.BenchContext;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.job.signals.UnderlyingMap;
import com.tradesignal.market.MarketTime;
import com.tradesignal.source.replay.files.BadLinePolicy;
import com.tradesignal.source.replay.files.FilePosition;
import com.tradesignal.source.replay.files.MergedTickReader;
import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class MarketDayTest {
    static final MarketDay.Spec SPEC = new MarketDay.Spec(60, LocalTime.of(9, 8), LocalTime.of(9, 18), 1.0, 7);

    @TempDir
    static Path work;
    static MarketDay day;
    static List<Tick> ticks;

    static Path fixtures() {
        String shared = System.getProperty("tradesignal.shared");
        Path dir = shared != null ? Path.of(shared, "fixtures") : Path.of("../../shared/fixtures");
        return dir.toAbsolutePath().normalize();
    }

    static BenchContext context(Path workDir) {
        return new BenchContext(workDir, fixtures(), Path.of(".."), true, new PrintStream(OutputStream.nullOutputStream()));
    }

    @BeforeAll
    static void generate() throws Exception {
        day = MarketDay.generate(context(work.resolve("a")), SPEC);
        ticks = readAll(day.tickFiles());
    }

    static List<Tick> readAll(List<Path> files) throws IOException {
        List<Tick> out = new ArrayList<>();
        FilePosition[] starts = new FilePosition[files.size()];
        java.util.Arrays.fill(starts, FilePosition.START);
        // FAIL: any malformed line stops the read, so reading to the end means there were none
        try (MergedTickReader r = MergedTickReader.open(files, starts, BadLinePolicy.FAIL, null, null)) {
            while (r.advance()) out.add(r.current());
        }
        return out;
    }

    @Test
    void theReplayReaderReadsEveryTickInTimeOrder() {
        assertThat(ticks).hasSize((int) day.tickCount());
        assertThat(day.instrumentCount()).isEqualTo(60);
        long previous = Long.MIN_VALUE;
        for (Tick t : ticks) {
            assertThat(t.exchangeTime).isGreaterThanOrEqualTo(previous);
            assertThat(t.exchangeTime % 1000).isZero(); // Kite's one-second resolution
            assertThat(t.lastPrice).isPositive();
            previous = t.exchangeTime;
        }
        assertThat(MarketTime.isoIst(ticks.get(0).exchangeTime)).isEqualTo(MarketDay.tradingDate() + "T09:08:00+05:30");
        assertThat(MarketTime.isoIst(previous)).startsWith(MarketDay.tradingDate() + "T09:17:59");
        assertThat(day.describe()).startsWith("SIMULATED");
        assertThat(day.directory().resolve(MarketDay.NOTICE)).exists();
        assertThat(day.tickFiles()).allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("simulated-"));
    }

    @Test
    void indexMinutesFollowTheRealCandleTheyCameFrom() throws IOException {
        MarketDay.Source nifty = day.sources().stream().filter(s -> s.underlying().equals("NIFTY")).findFirst().orElseThrow();
        assertThat(nifty.realIndex()).isEqualTo("NIFTY");
        Map<String, double[]> real = realCandles(nifty);
        TreeMap<String, double[]> generated = new TreeMap<>();
        for (Tick t : ticks) {
            String hhmm = MarketTime.isoIst(t.exchangeTime).substring(11, 16);
            if (t.token != 256265L || hhmm.compareTo("09:15") < 0) continue;
            double[] c = generated.computeIfAbsent(hhmm, k -> new double[]{t.lastPrice, t.lastPrice, t.lastPrice, t.lastPrice});
            c[1] = Math.max(c[1], t.lastPrice);
            c[2] = Math.min(c[2], t.lastPrice);
            c[3] = t.lastPrice;
        }
        assertThat(generated.keySet()).hasSize(3);
        generated.forEach((minute, c) -> {
            double[] r = real.get(minute);
            assertThat(r).as("real candle for %s", minute).isNotNull();
            for (int i = 0; i < 4; i++) {
                double expected = Math.round(r[i] * nifty.scale() * 20) / 20.0;
                assertThat(c[i]).as("%s field %d", minute, i).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.051));
            }
        });
    }

    /** The fixture's candles of that day by START minute (the file labels the end of the minute). */
    private static Map<String, double[]> realCandles(MarketDay.Source s) throws IOException {
        String date = s.realDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        Map<String, double[]> out = new HashMap<>();
        try (var files = Files.list(fixtures().resolve("nse-index-1min"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("-nifty.csv")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] x = line.split(",");
                    if (x.length < 7 || !x[1].equals(date)) continue;
                    String start = LocalTime.parse(x[2]).minusMinutes(1).toString();
                    out.put(start, new double[]{Double.parseDouble(x[3]), Double.parseDouble(x[4]), Double.parseDouble(x[5]), Double.parseDouble(x[6])});
                }
            }
        }
        return out;
    }

    @Test
    void theInstrumentsResolveToNearMonthFuturesAndOptions() {
        InstrumentCatalog catalog = InstrumentCatalog.load(day.instruments());
        assertThat(catalog.size()).isEqualTo(60);
        Set<Long> ticked = new HashSet<>();
        ticks.forEach(t -> ticked.add(t.token));
        for (String index : List.of("NIFTY", "BANKNIFTY", "SENSEX")) {
            long token = InstrumentCatalog.INDEX_TOKENS.get(index);
            assertThat(catalog.byToken(token)).isPresent();
            Instrument future = catalog.nearMonthFuture(index, MarketDay.tradingDate()).orElseThrow();
            assertThat(ticked).contains(token, future.token());
        }
        UnderlyingMap map = UnderlyingMap.from(catalog);
        long day0 = MarketDay.tradingDate().toEpochDay();
        long expiry = map.nearestOptionExpiry("NIFTY", day0);
        assertThat(expiry).isGreaterThanOrEqualTo(day0);
        var options = map.options("NIFTY", expiry);
        assertThat(options).isNotEmpty();
        assertThat(options.stream().map(Map.Entry::getKey).filter(ticked::contains).count()).isGreaterThan(4);
        assertThat(options.stream().filter(o -> o.getValue().put()).count()).isPositive();
        assertThat(map.strikeStep("NIFTY")).isEqualTo(50.0);
    }

    @Test
    void theSameSpecGivesTheSameBytes() throws Exception {
        MarketDay again = MarketDay.generate(context(work.resolve("b")), SPEC);
        assertThat(again.tickFiles()).hasSameSizeAs(day.tickFiles());
        for (int i = 0; i < day.tickFiles().size(); i++) {
            assertThat(Files.mismatch(day.tickFiles().get(i), again.tickFiles().get(i))).isEqualTo(-1L);
        }
        assertThat(Files.mismatch(day.instruments(), again.instruments())).isEqualTo(-1L);
        // and a complete day is reused, not generated again
        long modified = Files.getLastModifiedTime(again.tickFiles().get(0)).toMillis();
        MarketDay cached = MarketDay.generate(context(work.resolve("b")), SPEC);
        assertThat(Files.getLastModifiedTime(cached.tickFiles().get(0)).toMillis()).isEqualTo(modified);
        assertThat(cached.tickCount()).isEqualTo(day.tickCount());
    }
}
