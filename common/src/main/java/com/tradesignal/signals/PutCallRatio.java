package com.tradesignal.signals;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentType;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Put-call ratio by open interest over an ATM-centred window of one option chain (one underlying, one expiry).
 *
 * <p>Conventions (each changes the number, so they are fixed here and in {@code docs/signals-parts/votes.md}):
 * <ul>
 *   <li><b>One expiry</b>: the nearest expiry on or after the trading day ({@link #nearestExpiry}), like the NSE
 *       option-chain page's default. On expiry day that is the expiring chain, whose OI collapses into the close.</li>
 *   <li><b>Window</b>: the listed strikes within ±{@code strikesEachSide} strike steps of the ATM strike (default
 *       ±{@value #DEFAULT_STRIKES_EACH_SIDE}), where ATM is the listed strike nearest to the underlying's price (on an
 *       exact tie the higher one). The window is recomputed on every call, so it re-centres as the price moves.</li>
 *   <li><b>Ratio</b>: Σ PE OI ÷ Σ CE OI. OI units cancel as long as calls and puts use the same unit, which holds
 *       within one chain from one feed. A contract counts once its first OI value has arrived (Kite sends a first
 *       full-mode tick for every subscribed instrument). NaN when the window holds no call or no put with a known
 *       OI, or the call OI sums to 0.</li>
 * </ul>
 *
 * <p>State is bounded by the chain: at most {@code maxContracts} registered options (default
 * {@value #DEFAULT_MAX_CONTRACTS}; a weekly NIFTY chain lists about 210, a monthly one about 250).
 * {@link #updateOi} is O(1); {@link #pcr} is O(log strikes + window).
 */
public final class PutCallRatio {
    /** Strikes on each side of ATM in the window. */
    public static final int DEFAULT_STRIKES_EACH_SIDE = 10;
    /** Upper bound on registered options. */
    public static final int DEFAULT_MAX_CONTRACTS = 1000;

    private static final int FORMAT_VERSION = 1;
    private static final long NO_EXPIRY = Long.MIN_VALUE;

    private final LocalDate expiry;
    private final int maxContracts;
    private final Map<Long, Contract> byToken = new LinkedHashMap<>();
    /** Strike → {call, put}. */
    private final TreeMap<Double, Contract[]> byStrike = new TreeMap<>();

    /**
     * The options of one expiry in one window.
     *
     * @param atmStrike   the listed strike nearest to the price
     * @param lowStrike   the window's lowest strike bound ({@code atm − n·step})
     * @param highStrike  the window's highest strike bound ({@code atm + n·step})
     * @param calls       calls in the window with a known OI
     * @param puts        puts in the window with a known OI
     * @param callOi      Σ CE OI over those calls
     * @param putOi       Σ PE OI over those puts
     */
    public record Window(double atmStrike, double lowStrike, double highStrike, int calls, int puts, long callOi,
                         long putOi) {
        /** Σ PE OI ÷ Σ CE OI; NaN when the window has no call or no put with OI, or the call OI is 0. */
        public double pcr() {
            if (calls == 0 || puts == 0 || callOi == 0) {
                return Double.NaN;
            }
            return (double) putOi / callOi;
        }
    }

    /** An empty chain for one expiry (may be null when the caller filters expiries itself). */
    public PutCallRatio(LocalDate expiry) {
        this(expiry, DEFAULT_MAX_CONTRACTS);
    }

    public PutCallRatio(LocalDate expiry, int maxContracts) {
        if (maxContracts < 1) {
            throw new IllegalArgumentException("maxContracts must be at least 1, was " + maxContracts);
        }
        this.expiry = expiry;
        this.maxContracts = maxContracts;
    }

    /**
     * The nearest expiry on or after {@code tradingDay} among the CE/PE options whose {@code name} is
     * {@code underlying} (NIFTY, BANKNIFTY, SENSEX), as the instruments dump lists them.
     */
    public static Optional<LocalDate> nearestExpiry(Collection<Instrument> instruments, String underlying,
                                                    LocalDate tradingDay) {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(tradingDay, "tradingDay");
        return instruments.stream()
                .filter(i -> i.type().isOption() && i.expiry() != null && !i.expiry().isBefore(tradingDay)
                        && underlying.equals(i.name()))
                .map(Instrument::expiry)
                .min(LocalDate::compareTo);
    }

    /** A chain with every CE/PE option of {@code underlying} expiring on {@code expiry} registered (no OI yet). */
    public static PutCallRatio forChain(Collection<Instrument> instruments, String underlying, LocalDate expiry) {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(expiry, "expiry");
        long size = instruments.stream()
                .filter(i -> i.type().isOption() && expiry.equals(i.expiry()) && underlying.equals(i.name()))
                .count();
        PutCallRatio chain = new PutCallRatio(expiry, (int) Math.max(DEFAULT_MAX_CONTRACTS, size));
        instruments.stream()
                .filter(i -> i.type().isOption() && expiry.equals(i.expiry()) && underlying.equals(i.name()))
                .sorted((a, b) -> Long.compare(a.token(), b.token()))
                .forEach(chain::register);
        return chain;
    }

    /** Registers an option of this chain's expiry. */
    public void register(Instrument option) {
        if (!option.type().isOption()) {
            throw new IllegalArgumentException(option.key() + " is not an option (" + option.type() + ")");
        }
        if (expiry != null && !expiry.equals(option.expiry())) {
            throw new IllegalArgumentException(option.key() + " expires " + option.expiry()
                    + ", this chain is for " + expiry);
        }
        register(option.token(), option.strike(), option.type());
    }

    /**
     * Registers an option by token, strike and type ({@code CE} or {@code PE}). Registering the same contract again
     * is a no-op; a second token for the same strike and type, or a token re-registered with another strike or type,
     * is rejected (one chain holds one expiry).
     */
    public void register(long token, double strike, InstrumentType type) {
        if (type == null || !type.isOption()) {
            throw new IllegalArgumentException("option type must be CE or PE, was " + type);
        }
        if (!(strike > 0) || Double.isInfinite(strike)) {
            throw new IllegalArgumentException("strike must be a positive number, was " + strike);
        }
        boolean call = type == InstrumentType.CE;
        Contract existing = byToken.get(token);
        if (existing != null) {
            if (existing.strike != strike || existing.call != call) {
                throw new IllegalArgumentException("token " + token + " is already registered as "
                        + existing.describe());
            }
            return;
        }
        Contract[] pair = byStrike.get(strike);
        int side = call ? 0 : 1;
        if (pair != null && pair[side] != null) {
            throw new IllegalArgumentException("strike " + strike + " " + type + " is already registered as token "
                    + pair[side].token + " (a chain holds one expiry)");
        }
        if (byToken.size() >= maxContracts) {
            throw new IllegalStateException("chain is full: " + maxContracts + " options registered");
        }
        Contract c = new Contract(token, strike, call);
        byToken.put(token, c);
        byStrike.computeIfAbsent(strike, k -> new Contract[2])[side] = c;
    }

    /** True if the token is one of this chain's options. */
    public boolean contains(long token) {
        return byToken.containsKey(token);
    }

    /**
     * Records the latest open interest of an option. Returns false (and ignores the value) for a token that is not
     * in this chain, so the job can offer every tick.
     */
    public boolean updateOi(long token, long openInterest) {
        if (openInterest < 0) {
            throw new IllegalArgumentException("open interest must not be negative, was " + openInterest);
        }
        Contract c = byToken.get(token);
        if (c == null) {
            return false;
        }
        c.oi = openInterest;
        return true;
    }

    /** PCR over ATM ± {@value #DEFAULT_STRIKES_EACH_SIDE} strikes. */
    public double pcr(double underlyingPrice, double strikeStep) {
        return pcr(underlyingPrice, strikeStep, DEFAULT_STRIKES_EACH_SIDE);
    }

    /** Σ PE OI ÷ Σ CE OI over the listed strikes within ±{@code strikesEachSide} steps of ATM. */
    public double pcr(double underlyingPrice, double strikeStep, int strikesEachSide) {
        return window(underlyingPrice, strikeStep, strikesEachSide).pcr();
    }

    /**
     * The window around the price with its OI sums. With no strikes registered or a NaN price the window is empty
     * (NaN bounds, PCR NaN).
     */
    public Window window(double underlyingPrice, double strikeStep, int strikesEachSide) {
        if (!(strikeStep > 0) || Double.isInfinite(strikeStep)) {
            throw new IllegalArgumentException("strike step must be a positive number, was " + strikeStep);
        }
        if (strikesEachSide < 0) {
            throw new IllegalArgumentException("strikesEachSide must not be negative, was " + strikesEachSide);
        }
        double atm = atmStrike(underlyingPrice);
        if (Double.isNaN(atm)) {
            return new Window(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0);
        }
        double half = strikesEachSide * strikeStep;
        double tolerance = strikeStep * 1e-6;
        int calls = 0;
        int puts = 0;
        long callOi = 0;
        long putOi = 0;
        NavigableMap<Double, Contract[]> in =
                byStrike.subMap(atm - half - tolerance, true, atm + half + tolerance, true);
        for (Contract[] pair : in.values()) {
            if (pair[0] != null && pair[0].oi >= 0) {
                calls++;
                callOi += pair[0].oi;
            }
            if (pair[1] != null && pair[1].oi >= 0) {
                puts++;
                putOi += pair[1].oi;
            }
        }
        return new Window(atm, atm - half, atm + half, calls, puts, callOi, putOi);
    }

    /** The listed strike nearest to the price (the higher one on an exact tie); NaN if none or the price is NaN. */
    public double atmStrike(double underlyingPrice) {
        if (Double.isNaN(underlyingPrice) || byStrike.isEmpty()) {
            return Double.NaN;
        }
        Double below = byStrike.floorKey(underlyingPrice);
        Double above = byStrike.ceilingKey(underlyingPrice);
        if (below == null) {
            return above;
        }
        if (above == null) {
            return below;
        }
        return underlyingPrice - below < above - underlyingPrice ? below : above;
    }

    /** The chain's expiry, or null if none was given. */
    public LocalDate expiry() {
        return expiry;
    }

    /** Registered options. */
    public int size() {
        return byToken.size();
    }

    /** Distinct registered strikes. */
    public int strikes() {
        return byStrike.size();
    }

    public int maxContracts() {
        return maxContracts;
    }

    public PutCallRatio copy() {
        PutCallRatio c = new PutCallRatio(expiry, maxContracts);
        for (Contract k : byToken.values()) {
            c.register(k.token, k.strike, k.call ? InstrumentType.CE : InstrumentType.PE);
            c.byToken.get(k.token).oi = k.oi;
        }
        return c;
    }

    /**
     * Format version 1: version byte, expiry as epoch day ({@code Long.MIN_VALUE} for none), max contracts, count,
     * then per option in registration order: token, strike, call flag, OI (−1 while unknown).
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeLong(expiry == null ? NO_EXPIRY : expiry.toEpochDay());
        out.writeInt(maxContracts);
        out.writeInt(byToken.size());
        for (Contract c : byToken.values()) {
            out.writeLong(c.token);
            out.writeDouble(c.strike);
            out.writeBoolean(c.call);
            out.writeLong(c.oi);
        }
    }

    public static PutCallRatio readFrom(DataInput in) throws IOException {
        Serde.checkVersion(in.readByte(), FORMAT_VERSION, "PutCallRatio");
        long epochDay = in.readLong();
        int maxContracts = in.readInt();
        int count = in.readInt();
        if (maxContracts < 1 || count < 0 || count > maxContracts) {
            throw new IOException("PutCallRatio: corrupt state (max " + maxContracts + ", count " + count + ")");
        }
        PutCallRatio p = new PutCallRatio(epochDay == NO_EXPIRY ? null : LocalDate.ofEpochDay(epochDay), maxContracts);
        for (int i = 0; i < count; i++) {
            long token = in.readLong();
            double strike = in.readDouble();
            boolean call = in.readBoolean();
            long oi = in.readLong();
            p.register(token, strike, call ? InstrumentType.CE : InstrumentType.PE);
            p.byToken.get(token).oi = oi;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PutCallRatio)) {
            return false;
        }
        PutCallRatio p = (PutCallRatio) o;
        return maxContracts == p.maxContracts && Objects.equals(expiry, p.expiry) && byToken.equals(p.byToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expiry, maxContracts, byToken);
    }

    @Override
    public String toString() {
        return "PutCallRatio[expiry=" + expiry + ", options=" + byToken.size() + ", strikes=" + byStrike.size() + "]";
    }

    private static final class Contract {
        final long token;
        final double strike;
        final boolean call;
        /** −1 until the first OI arrives. */
        long oi = -1;

        Contract(long token, double strike, boolean call) {
            this.token = token;
            this.strike = strike;
            this.call = call;
        }

        String describe() {
            return "strike " + strike + " " + (call ? "CE" : "PE");
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Contract)) {
                return false;
            }
            Contract c = (Contract) o;
            return token == c.token && Double.compare(strike, c.strike) == 0 && call == c.call && oi == c.oi;
        }

        @Override
        public int hashCode() {
            return Objects.hash(token, strike, call, oi);
        }
    }
}
