package com.tradesignal.sim;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One instrument the market simulator generates ticks for.
 *
 * <p>The three indices carry their real, well-known Kite tokens and symbols, so the demo looks up and labels them
 * like the live feed. Their futures are <strong>simulated contracts</strong>: they exist nowhere but here. Their
 * symbols say {@code SIM} ({@code NIFTY-SIM-FUT}, ...), and their tokens have a low byte of 0. Kite forms a token as
 * {@code exchange_token * 256 + segment}, with segments 1 to 9 (NSE=1, NFO=2, ..., BFO=5, ..., indices=9). So no real
 * instrument has a token ending in a 0 byte under that scheme. That is Kite's scheme today, not a promise, so
 * never mix simulated ticks into a live stream. Tokens stay below 2^32, like Kite's binary packets require.
 *
 * @param token the tick's {@code instrument_token}
 * @param symbol the tick's {@code tradingsymbol}
 * @param underlying the underlying in the derivatives' naming: {@code NIFTY}, {@code BANKNIFTY}, {@code SENSEX} (or
 *     a synthetic name); an index and its futures share it and move together
 * @param isFuture true for a future (trades, volume, open interest), false for an index (a value only)
 * @param startPrice the previous session's close; the simulated day starts from it (ticks carry it as day close)
 * @param lotSize contract size in units for a future (volume and open interest are whole lots); 0 for an index
 */
public record SimulatedInstrument(long token, String symbol, String underlying, boolean isFuture, double startPrice,
                                  int lotSize) {

    /** Price step of every simulated instrument. */
    public static final double TICK_SIZE = 0.05;

    public static final long NIFTY_50_TOKEN = 256265L;
    public static final long NIFTY_BANK_TOKEN = 260105L;
    public static final long SENSEX_TOKEN = 265L;
    /** Simulated near-month futures: (900001..900003) * 256, i.e. Kite "segment 0", which Kite does not use. */
    public static final long NIFTY_SIM_FUT_TOKEN = 900_001L << 8;
    public static final long BANKNIFTY_SIM_FUT_TOKEN = 900_002L << 8;
    public static final long SENSEX_SIM_FUT_TOKEN = 900_003L << 8;
    /** Synthetic instruments of {@link #synthetic(int)} get tokens from (910000 + n) * 256 upward. */
    static final long SYNTHETIC_TOKEN_BASE = 910_000L;
    /** The most synthetic instruments {@link #synthetic(int)} makes (their tokens stay below 2^32). */
    public static final int MAX_SYNTHETIC = 1_000_000;

    private static final List<SimulatedInstrument> DEFAULTS = List.of(
            new SimulatedInstrument(NIFTY_50_TOKEN, "NIFTY 50", "NIFTY", false, 24_850.00, 0),
            new SimulatedInstrument(NIFTY_BANK_TOKEN, "NIFTY BANK", "BANKNIFTY", false, 55_600.00, 0),
            new SimulatedInstrument(SENSEX_TOKEN, "SENSEX", "SENSEX", false, 81_950.00, 0),
            // Previous closes about three weeks of cost of carry (6.5% a year) above the index.
            new SimulatedInstrument(NIFTY_SIM_FUT_TOKEN, "NIFTY-SIM-FUT", "NIFTY", true, 24_938.70, 65),
            new SimulatedInstrument(BANKNIFTY_SIM_FUT_TOKEN, "BANKNIFTY-SIM-FUT", "BANKNIFTY", true, 55_798.50, 30),
            new SimulatedInstrument(SENSEX_SIM_FUT_TOKEN, "SENSEX-SIM-FUT", "SENSEX", true, 82_242.60, 20));

    public SimulatedInstrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(underlying, "underlying");
        if (token <= 0) {
            throw new IllegalArgumentException("token must be positive: " + token);
        }
        if (symbol.isBlank() || underlying.isBlank()) {
            throw new IllegalArgumentException("symbol and underlying must not be blank: " + symbol + "/" + underlying);
        }
        if (!(startPrice > 0) || Double.isInfinite(startPrice)) {
            throw new IllegalArgumentException("startPrice must be positive and finite: " + startPrice);
        }
        if (isFuture ? lotSize < 1 : lotSize < 0) {
            throw new IllegalArgumentException("lotSize must be >= 1 for a future and >= 0 for an index: " + lotSize);
        }
    }

    /**
     * NIFTY 50 (256265), NIFTY BANK (260105) and SENSEX (265) with their real tokens, then one simulated near-month
     * future each ({@code NIFTY-SIM-FUT} lot 65, {@code BANKNIFTY-SIM-FUT} lot 30, {@code SENSEX-SIM-FUT} lot 20).
     * SENSEX starts at 3.3 times NIFTY, like the real pair.
     */
    public static List<SimulatedInstrument> defaults() {
        return DEFAULTS;
    }

    /**
     * {@code count} synthetic futures for load tests ({@code SYN00001-SIM-FUT}, underlying {@code SYN00001}, ...),
     * each on its own underlying. They have no index in the set, are priced between 100 and 5,000, are more volatile
     * than NIFTY and are partly correlated with it. Add them to {@link #defaults()} to reach 2,000+ instruments.
     */
    public static List<SimulatedInstrument> synthetic(int count) {
        if (count < 0 || count > MAX_SYNTHETIC) {
            throw new IllegalArgumentException("count must be in [0, " + MAX_SYNTHETIC + "]: " + count);
        }
        List<SimulatedInstrument> list = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            long h = SimRandom.mix(n * 0x9E3779B97F4A7C15L);
            double price = Math.round((100 + (h >>> 11) % 4_900 + ((h >>> 40) % 100) / 100.0) * 20) / 20.0;
            int lot = 25 * (1 + (int) ((h >>> 3) % 60));
            String name = String.format(Locale.ROOT, "SYN%05d", n);
            long token = (SYNTHETIC_TOKEN_BASE + n) << 8;
            list.add(new SimulatedInstrument(token, name + "-SIM-FUT", name, true, price, lot));
        }
        return List.copyOf(list);
    }

    /**
     * Last trading day of this instrument's simulated near-month contract on {@code tradingDate}: the month's last
     * Tuesday (NSE, since September 2025), or last Thursday for SENSEX (BSE); the next month's once that day has
     * passed. Holidays are ignored. {@link #toInstrument} uses it; the tick generator does not.
     */
    public LocalDate nearMonthExpiry(LocalDate tradingDate) {
        DayOfWeek day = "SENSEX".equals(underlying) ? DayOfWeek.THURSDAY : DayOfWeek.TUESDAY;
        LocalDate expiry = tradingDate.with(TemporalAdjusters.lastInMonth(day));
        if (expiry.isBefore(tradingDate)) {
            expiry = tradingDate.plusMonths(1).with(TemporalAdjusters.lastInMonth(day));
        }
        return expiry;
    }

    /**
     * This instrument as a catalog entry for {@code tradingDate}, so a demo can build an
     * {@link com.tradesignal.instrument.InstrumentCatalog} from the simulated set: indices as segment
     * {@code INDICES} on NSE (BSE for SENSEX), futures as {@code NFO-FUT} ({@code BFO-FUT} for SENSEX) with
     * {@code name = underlying} and the {@link #nearMonthExpiry}. The exchange token is {@code token >> 8}.
     */
    public Instrument toInstrument(LocalDate tradingDate) {
        boolean bse = "SENSEX".equals(underlying);
        if (isFuture) {
            String exchange = bse ? "BFO" : "NFO";
            return new Instrument(token, token >>> 8, symbol, underlying, exchange, exchange + "-FUT",
                    InstrumentType.FUT, nearMonthExpiry(tradingDate), 0.0, TICK_SIZE, lotSize);
        }
        return new Instrument(token, token >>> 8, symbol, symbol, bse ? "BSE" : "NSE", InstrumentType.INDEX_SEGMENT,
                InstrumentType.INDEX, null, 0.0, TICK_SIZE, 0);
    }
}
