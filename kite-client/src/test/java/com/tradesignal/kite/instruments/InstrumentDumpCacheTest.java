package com.tradesignal.kite.instruments;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.InstrumentType;
import com.tradesignal.instrument.KiteInstrumentsCsvWriter;
import com.tradesignal.kite.auth.AccessToken;
import com.tradesignal.kite.rest.KiteApiException;
import com.tradesignal.kite.rest.KiteAuthException;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily instruments cache against a stand-in for Kite that serves the real NFO+BFO dump of 2026-08-18. Each
 * cache is built on a simulated clock standing at a chosen IST time; a new cache on the same directory is a restart.
 */
class InstrumentDumpCacheTest {
    private static final LocalDate DAY = LocalDate.of(2026, 8, 18);
    private static final LocalDate PREVIOUS_DAY = LocalDate.of(2026, 8, 17);
    private static final LocalTime AFTER_DUMP = LocalTime.of(8, 31);
    private static final LocalTime BEFORE_DUMP = LocalTime.of(8, 0);
    private static final List<String> NFO_BFO = List.of("NFO", "BFO");
    private static final AccessToken SESSION = AccessToken.issued("api-key", "AB1234", "access-token",
            MarketTime.at(DAY, LocalTime.of(7, 55)));

    @TempDir
    Path dir;
    private final FixtureKiteRest kite = new FixtureKiteRest();

    private InstrumentDumpCache cacheAt(LocalDate day, LocalTime istTime) {
        // Speed 1: the clock stays within the minute for the few milliseconds a test takes.
        return new InstrumentDumpCache(dir, kite, MarketClock.simulated(Instant.ofEpochMilli(MarketTime.at(day, istTime)), 1.0));
    }

    /** A cached file holding only the futures of an exchange: a distinguishable stand-in for an older dump. */
    private Path seedFuturesOnly(String exchange, LocalDate day) throws IOException {
        List<Instrument> futures = FixtureKiteRest.rows(exchange).stream().filter(i -> i.type() == InstrumentType.FUT).toList();
        Path file = dir.resolve("instruments-" + exchange + "-" + day + ".csv");
        Files.writeString(file, KiteInstrumentsCsvWriter.toCsv(futures));
        return file;
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void afterHalfPastEightTheDaysDumpIsFetchedOncePerExchangeAndCachedUnderTheDay() throws IOException {
        InstrumentDumpCache cache = cacheAt(DAY, AFTER_DUMP);
        InstrumentCatalog first = cache.current(NFO_BFO, SESSION);
        InstrumentCatalog second = cache.current(NFO_BFO, SESSION);

        assertThat(first.size()).isEqualTo(39_941);
        assertThat(second).isEqualTo(first);
        assertThat(kite.calls("NFO")).isEqualTo(1);
        assertThat(kite.calls("BFO")).isEqualTo(1);
        assertThat(cache.lastWarning()).isNull();
        assertThat(fileNames()).containsExactly("instruments-BFO-2026-08-18.csv", "instruments-NFO-2026-08-18.csv");

        // A restart later the same day reads the cached files instead of asking Kite again.
        InstrumentCatalog afterRestart = cacheAt(DAY, LocalTime.of(14, 0)).current(NFO_BFO, SESSION);
        assertThat(afterRestart).isEqualTo(first);
        assertThat(kite.calls("NFO")).isEqualTo(1);
        assertThat(kite.calls("BFO")).isEqualTo(1);
    }

    @Test
    void theCacheFileIsAKiteCsvWithTheTwelveDumpColumnsThatReadsBackToWhatKiteServed() throws IOException {
        cacheAt(DAY, AFTER_DUMP).current(List.of("BFO"), SESSION);
        Path file = dir.resolve("instruments-BFO-2026-08-18.csv");
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("instrument_token,exchange_token,tradingsymbol,name,"
                + "last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange");
        assertThat(Files.readAllLines(file)).contains("211359237,825622,SENSEX26AUGFUT,SENSEX,0.0,2026-08-27,0.0,0.05,20,FUT,BFO-FUT,BFO");
        assertThat(InstrumentCatalog.load(file)).isEqualTo(InstrumentCatalog.of(FixtureKiteRest.rows("BFO")));
    }

    @Test
    void theExchangesAreMergedIntoOneCatalog() {
        InstrumentDumpCache cache = cacheAt(DAY, AFTER_DUMP);
        InstrumentCatalog nfo = cache.current(List.of("NFO"), SESSION);
        assertThat(nfo.nearMonthFuture("NIFTY", DAY)).map(Instrument::token).contains(14866434L);
        assertThat(nfo.nearMonthFuture("SENSEX", DAY)).isEmpty();

        InstrumentCatalog both = cache.current(NFO_BFO, SESSION);
        assertThat(both.size()).isEqualTo(FixtureKiteRest.rows("NFO").size() + FixtureKiteRest.rows("BFO").size());
        assertThat(both.nearMonthFuture("NIFTY", DAY)).map(Instrument::token).contains(14866434L);
        assertThat(both.nearMonthFuture("BANKNIFTY", DAY)).map(Instrument::token).contains(14865154L);
        assertThat(both.nearMonthFuture("SENSEX", DAY)).map(Instrument::token).contains(211359237L);
        assertThat(kite.calls("NFO")).as("NFO was cached by the first call").isEqualTo(1);
    }

    @Test
    void beforeHalfPastEightTheNewestCachedFileIsUsedWithoutAskingKite() throws IOException {
        seedFuturesOnly("NFO", LocalDate.of(2026, 8, 14));
        Path newest = seedFuturesOnly("NFO", PREVIOUS_DAY);
        Files.writeString(dir.resolve("instruments-NFO-2026-08-19.csv"), "not read: dated after the clock's day");
        Files.writeString(newest, Files.readString(newest).replace("NIFTY26AUGFUT", "NIFTY26AUGFUT-OF-THE-17TH"));

        InstrumentCatalog catalog = cacheAt(DAY, BEFORE_DUMP).current(List.of("NFO"), SESSION);

        assertThat(kite.calls("NFO")).isZero();
        assertThat(catalog.symbolOf(14866434L)).isEqualTo("NIFTY26AUGFUT-OF-THE-17TH");
        assertThat(catalog.all()).allSatisfy(i -> assertThat(i.type()).isEqualTo(InstrumentType.FUT));
    }

    @Test
    void beforeHalfPastEightWithoutACacheTheDumpIsFetchedAndFiledUnderThePreviousDaySoTheDaysDumpIsStillFetched()
            throws IOException {
        cacheAt(DAY, BEFORE_DUMP).current(List.of("NFO"), SESSION);
        assertThat(kite.calls("NFO")).isEqualTo(1);
        assertThat(fileNames()).containsExactly("instruments-NFO-2026-08-17.csv");

        cacheAt(DAY, AFTER_DUMP).current(List.of("NFO"), SESSION);
        assertThat(kite.calls("NFO")).isEqualTo(2);
        assertThat(fileNames()).containsExactly("instruments-NFO-2026-08-17.csv", "instruments-NFO-2026-08-18.csv");
    }

    @Test
    void theNextDayTheDumpIsFetchedAgain() {
        cacheAt(DAY, AFTER_DUMP).current(List.of("NFO"), SESSION);
        cacheAt(DAY.plusDays(1), AFTER_DUMP).current(List.of("NFO"), SESSION);
        assertThat(kite.calls("NFO")).isEqualTo(2);
    }

    @Test
    void aFailedFetchFallsBackToTheNewestCacheWarnsAndIsRetriedOnTheNextCall() throws IOException {
        seedFuturesOnly("NFO", PREVIOUS_DAY);
        kite.failWith(() -> new KiteApiException("instruments NFO failed: 502 Bad Gateway", 502));
        InstrumentDumpCache cache = cacheAt(DAY, AFTER_DUMP);

        InstrumentCatalog fallback = cache.current(List.of("NFO"), SESSION);
        assertThat(fallback.nearMonthFuture("NIFTY", DAY)).map(Instrument::token).contains(14866434L);
        assertThat(fallback.all()).allSatisfy(i -> assertThat(i.type()).isEqualTo(InstrumentType.FUT));
        assertThat(cache.lastWarning()).contains("NFO", "2026-08-18", "502 Bad Gateway", "instruments-NFO-2026-08-17.csv");
        assertThat(fileNames()).containsExactly("instruments-NFO-2026-08-17.csv");

        cache.current(List.of("NFO"), SESSION);
        assertThat(kite.calls("NFO")).isEqualTo(2);

        kite.failWith(null);
        InstrumentCatalog recovered = cache.current(List.of("NFO"), SESSION);
        assertThat(recovered.size()).isEqualTo(FixtureKiteRest.rows("NFO").size());
        assertThat(cache.lastWarning()).isNull();
        assertThat(fileNames()).contains("instruments-NFO-2026-08-18.csv");
    }

    @Test
    void withoutACacheTheFetchFailureItselfIsThrownSoAnAuthFailureStaysOne() {
        KiteAuthException refused = new KiteAuthException("Incorrect `api_key` or `access_token`.");
        kite.failWith(() -> refused);
        assertThatThrownBy(() -> cacheAt(DAY, AFTER_DUMP).current(NFO_BFO, SESSION)).isSameAs(refused);
    }

    @Test
    void withoutASessionOnlyTheCacheCanAnswer() throws IOException {
        assertThatThrownBy(() -> cacheAt(DAY, AFTER_DUMP).current(List.of("NFO"), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Kite session").hasMessageContaining("NFO").hasMessageContaining(dir.toString());

        seedFuturesOnly("NFO", PREVIOUS_DAY);
        InstrumentDumpCache cache = cacheAt(DAY, AFTER_DUMP);
        assertThat(cache.current(List.of("NFO"), null).nearMonthFuture("NIFTY", DAY)).isPresent();
        assertThat(cache.lastWarning()).contains("no Kite session", "instruments-NFO-2026-08-17.csv");
        assertThat(kite.calls("NFO")).isZero();
    }

    @Test
    void anEmptyDumpFromKiteIsAFailureAndIsNeverCached() throws IOException {
        kite.answerEmpty();
        assertThatThrownBy(() -> cacheAt(DAY, AFTER_DUMP).current(List.of("NFO"), SESSION))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty NFO instruments dump");
        assertThat(fileNames()).isEmpty();
    }

    @Test
    void theCacheFileIsWrittenAtomicallyLeavingNoTemporaryFileBehind() throws IOException {
        cacheAt(DAY, AFTER_DUMP).current(NFO_BFO, SESSION);
        assertThat(fileNames()).allSatisfy(name -> assertThat(name).startsWith("instruments-").endsWith(".csv"));
    }

    @Test
    void theTemporaryFileOfAnInterruptedWriteIsNotTakenForTheDaysDump() throws IOException {
        // What a crash in the middle of a write leaves: the temporary file, half written, and no day file.
        String full = KiteInstrumentsCsvWriter.toCsv(FixtureKiteRest.rows("NFO"));
        Files.writeString(dir.resolve(".instruments-NFO-2026-08-18.csv4711.tmp"), full.substring(0, full.length() / 2));

        InstrumentCatalog catalog = cacheAt(DAY, AFTER_DUMP).current(List.of("NFO"), SESSION);

        assertThat(kite.calls("NFO")).isEqualTo(1);
        assertThat(catalog.size()).isEqualTo(FixtureKiteRest.rows("NFO").size());
    }

    @Test
    void aDamagedCacheFileOfTheDayIsFetchedAgainAndReplacedAndTheWarningNamesIt() throws IOException {
        String full = KiteInstrumentsCsvWriter.toCsv(FixtureKiteRest.rows("BFO"));
        Path day = dir.resolve("instruments-BFO-2026-08-18.csv");
        Files.writeString(day, full.substring(0, full.indexOf('\n', 1000) + 20)); // ends mid-row

        InstrumentDumpCache cache = cacheAt(DAY, AFTER_DUMP);
        InstrumentCatalog catalog = cache.current(List.of("BFO"), SESSION);

        assertThat(kite.calls("BFO")).isEqualTo(1);
        assertThat(catalog.size()).isEqualTo(FixtureKiteRest.rows("BFO").size());
        assertThat(InstrumentCatalog.load(day)).isEqualTo(catalog);
        assertThat(cache.lastWarning()).contains("instruments-BFO-2026-08-18.csv");
    }

    @Test
    void onlyTheNewestFilesOfAnExchangeAreKept() throws IOException {
        for (int d = 1; d <= 7; d++) {
            seedFuturesOnly("NFO", LocalDate.of(2026, 8, d));
        }
        seedFuturesOnly("BFO", LocalDate.of(2026, 8, 1));
        cacheAt(DAY, AFTER_DUMP).current(List.of("NFO"), SESSION);
        assertThat(fileNames()).containsExactly("instruments-BFO-2026-08-01.csv",
                "instruments-NFO-2026-08-04.csv", "instruments-NFO-2026-08-05.csv", "instruments-NFO-2026-08-06.csv",
                "instruments-NFO-2026-08-07.csv", "instruments-NFO-2026-08-18.csv");
    }

    @Test
    void anExchangeThatIsNotAKiteCodeIsRejectedBeforeItBecomesAFileName() {
        InstrumentDumpCache cache = cacheAt(DAY, AFTER_DUMP);
        assertThatThrownBy(() -> cache.current(List.of("../NFO"), SESSION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../NFO'");
        assertThatThrownBy(() -> cache.current(List.of(), SESSION)).isInstanceOf(IllegalArgumentException.class);
        assertThat(kite.calls("../NFO")).isZero();
    }
}
