package com.tradesignal.sim;

import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import com.tradesignal.tick.Tick;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One pass over a {@link SimulatedSession}: the generator behind its iterator. See {@link SimulatedSession} for the
 * model; the constants below are its calibration.
 *
 * <p>Each second the market factor and every underlying take one step; then every instrument draws how many ticks it
 * sends in that second, and the ticks are emitted in shuffled order, each instrument's k-th tick of n priced k/n of
 * the way through the second's move. Random streams are per part (market, underlying, instrument, order), so adding
 * instruments does not change the paths of the others' underlyings.
 */
final class SessionRun implements Iterator<Tick> {
    // Volatility: one-minute log-return standard deviation at midday, and its intraday shape.
    private static final double MIDDAY_MINUTE_VOL = 0.000_30;
    private static final double OPEN_BOOST = 2.0;
    private static final double OPEN_DECAY_MINUTES = 16;
    private static final double AFTERNOON_BOOST = 0.3;
    private static final double CLOSE_BOOST = 0.2;
    private static final double CLOSE_DECAY_MINUTES = 20;
    private static final double DAY_VOL_SD = 0.2;
    // Trend: an Ornstein-Uhlenbeck drift in log return per second.
    private static final double DRIFT_TAU_SECONDS = 2_400;
    private static final double DRIFT_SD_PER_SECOND = 4.5e-7;
    // Overnight gap (to the pre-open price) and the jump from the pre-open price to the first normal-market price.
    private static final double GAP_SD = 0.004_5;
    private static final double OPEN_JUMP_SD = 0.000_5;
    // Futures.
    private static final double CARRY_PER_YEAR = 0.065;
    private static final double DEFAULT_PREMIUM_DAYS = 20;
    private static final double BASIS_NOISE_SD = 0.000_12;
    private static final double BASIS_NOISE_TAU_SECONDS = 120;
    private static final double QUOTE_ONLY_PROBABILITY = 0.15;
    private static final double PRE_OPEN_VOLUME_SHARE = 0.01;
    private static final double OI_MINUTE_SD = 0.000_6;
    private static final double DEPTH_SHARE_OF_DAY_LOTS = 0.02;
    // Pre-open: the auction print comes 8 minutes into the pre-open (09:08) and within the following minute.
    private static final long PRINT_OFFSET_SECONDS = 8 * 60;
    private static final long PRINT_WINDOW_SECONDS = 60;

    private static final double DRIFT_DECAY = Math.exp(-1 / DRIFT_TAU_SECONDS);
    private static final double DRIFT_INNOVATION = DRIFT_SD_PER_SECOND * Math.sqrt(1 - DRIFT_DECAY * DRIFT_DECAY);
    private static final double BASIS_DECAY = Math.exp(-1 / BASIS_NOISE_TAU_SECONDS);
    private static final double BASIS_INNOVATION = BASIS_NOISE_SD * Math.sqrt(1 - BASIS_DECAY * BASIS_DECAY);
    private static final double TICKS_PER_UNIT = Math.rint(1 / SimulatedInstrument.TICK_SIZE);

    private final long openMs;
    private final long closeMs;
    private final double sessionMinutes;
    private final double volumeProfileMean;
    private final double[] countCdf;
    /** Trades a future makes in a normal-market day on average (ticks less quote-only ticks). */
    private final double expectedTradesPerDay;

    // Market factor (NIFTY's own shocks and drift).
    private final SimRandom marketRng;
    private final SimRandom orderRng;
    private final double dayVol;
    private double marketDrift;
    private double marketShock;

    private final Underlying[] underlyings;
    private final Inst[] insts;

    // Pre-open prints, in time order.
    private final int[] printOrder;
    private int printPos;
    private boolean normalMarketStarted;

    // The current second of the normal market and its shuffled emission slots.
    private long second;
    private final int[] slots;
    private int slotCount;
    private int slotPos;

    private Tick next;
    private boolean done;

    SessionRun(SimulatedSession session) {
        long day = session.tradingDate().toEpochDay();
        SessionHours hours = session.sessionHours();
        long seed = session.seed();
        openMs = hours.openMillis(day);
        closeMs = hours.closeMillis(day);
        sessionMinutes = (closeMs - openMs) / 60_000.0;
        volumeProfileMean = meanVolumeProfile();
        countCdf = countCdf(session.ticksPerSecond());
        expectedTradesPerDay =
                Math.max(1, session.ticksPerSecond() * sessionMinutes * 60 * (1 - QUOTE_ONLY_PROBABILITY));

        marketRng = SimRandom.derive(seed, "market", 0);
        orderRng = SimRandom.derive(seed, "order", 0);
        dayVol = Math.max(0.65, Math.min(1.5, Math.exp(DAY_VOL_SD * marketRng.nextGaussian())));
        marketDrift = DRIFT_SD_PER_SECOND * marketRng.nextGaussian();
        double marketGap = GAP_SD * marketRng.nextGaussian();

        List<SimulatedInstrument> defs = session.instruments();
        Map<String, Underlying> byName = new HashMap<>();
        for (SimulatedInstrument d : defs) {
            if (!d.isFuture()) {
                byName.putIfAbsent(d.underlying(), new Underlying(d.underlying(), d.startPrice(), seed));
            }
        }
        for (SimulatedInstrument d : defs) {
            if (d.isFuture()) {
                double impliedIndex = d.startPrice() / Math.exp(CARRY_PER_YEAR * DEFAULT_PREMIUM_DAYS / 365);
                byName.computeIfAbsent(d.underlying(), name -> new Underlying(name, impliedIndex, seed));
            }
        }
        underlyings = byName.values().stream().sorted((a, b) -> a.name.compareTo(b.name)).toArray(Underlying[]::new);
        for (Underlying u : underlyings) {
            u.startDay(marketGap);
        }

        long printWindow = printWindowSeconds(hours, day);
        long printStart = printStartMillis(hours, day);
        long prevCloseMs = closeMs - MarketTime.DAY_MS;
        insts = new Inst[defs.size()];
        int maxPerSecond = countCdf.length - 1;
        for (int i = 0; i < insts.length; i++) {
            SimulatedInstrument d = defs.get(i);
            Underlying u = byName.get(d.underlying());
            long printTime = printWindow > 0 ? printStart + 1000L * printSecond(d, printWindow, seed) : 0;
            insts[i] = new Inst(d, u, seed, printTime, prevCloseMs);
        }
        slots = new int[insts.length * maxPerSecond];

        if (printWindow > 0) {
            Integer[] order = new Integer[insts.length];
            long[] tieBreak = new long[insts.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
                tieBreak[i] = orderRng.nextLong();
            }
            Arrays.sort(order, (a, b) -> insts[a].printTime != insts[b].printTime
                    ? Long.compare(insts[a].printTime, insts[b].printTime)
                    : Long.compare(tieBreak[a], tieBreak[b]));
            printOrder = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                printOrder[i] = order[i];
            }
        } else {
            printOrder = new int[0];
        }
        second = openMs - 1000L;
    }

    private static long printSecond(SimulatedInstrument d, long window, long seed) {
        return SimRandom.derive(seed, "print", d.token()).nextInt((int) window);
    }

    /** Length of the window in which pre-open prints are stamped, in whole seconds; 0 if there is no pre-open. */
    static long printWindowSeconds(SessionHours hours, long day) {
        long preOpenSeconds = (hours.openMillis(day) - hours.preOpenMillis(day)) / 1000L;
        if (preOpenSeconds <= 0) {
            return 0;
        }
        long start = printOffsetSeconds(preOpenSeconds);
        return Math.max(0, Math.min(PRINT_WINDOW_SECONDS, preOpenSeconds - start));
    }

    private static long printStartMillis(SessionHours hours, long day) {
        long preOpenSeconds = (hours.openMillis(day) - hours.preOpenMillis(day)) / 1000L;
        return hours.preOpenMillis(day) + 1000L * printOffsetSeconds(preOpenSeconds);
    }

    private static long printOffsetSeconds(long preOpenSeconds) {
        return preOpenSeconds >= PRINT_OFFSET_SECONDS + PRINT_WINDOW_SECONDS
                ? PRINT_OFFSET_SECONDS : preOpenSeconds * 8 / 15;
    }

    /** Cumulative probabilities of 0..m ticks in a second, with mean {@code rate}. */
    private static double[] countCdf(double rate) {
        int m = rate <= 1 ? 1 : (int) Math.ceil(rate) + 1;
        double p = rate / m;
        double[] cdf = new double[m + 1];
        double acc = 0;
        for (int n = 0; n <= m; n++) {
            acc += binomial(m, n) * Math.pow(p, n) * Math.pow(1 - p, m - n);
            cdf[n] = acc;
        }
        cdf[m] = 1.0;
        return cdf;
    }

    private static double binomial(int m, int n) {
        double c = 1;
        for (int i = 1; i <= n; i++) {
            c = c * (m - n + i) / i;
        }
        return c;
    }

    private int drawCount(SimRandom rng) {
        double u = rng.nextDouble();
        int n = 0;
        while (u >= countCdf[n]) {
            n++;
        }
        return n;
    }

    // ---- intraday profiles ------------------------------------------------------------------------------------

    /** One-minute volatility multiple at time t of the normal market: high after the open, rising into the close. */
    private double volProfile(long t) {
        double fromOpen = (t - openMs) / 60_000.0;
        double toClose = (closeMs - t) / 60_000.0;
        double frac = fromOpen / sessionMinutes;
        // Afternoon rise between 12:00 and 14:00 of a regular session.
        double x = Math.max(0, Math.min(1, (frac - 0.44) / 0.32));
        double afternoon = 1 + AFTERNOON_BOOST * x * x * (3 - 2 * x);
        return (1 + OPEN_BOOST * Math.exp(-fromOpen / OPEN_DECAY_MINUTES)) * afternoon
                * (1 + CLOSE_BOOST * Math.exp(-toClose / CLOSE_DECAY_MINUTES));
    }

    /** Relative trading activity: heavy after the open and before the close. */
    private static double volumeProfile(double fromOpen, double toClose) {
        return 1 + 2.0 * Math.exp(-fromOpen / 20) + 1.5 * Math.exp(-toClose / 20);
    }

    private double meanVolumeProfile() {
        int n = Math.max(1, (int) Math.round(sessionMinutes));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double m = (i + 0.5) * sessionMinutes / n;
            sum += volumeProfile(m, sessionMinutes - m);
        }
        return sum / n;
    }

    private static double roundToTick(double price) {
        return Math.max(1, Math.rint(price * TICKS_PER_UNIT)) / TICKS_PER_UNIT;
    }

    // ---- iteration --------------------------------------------------------------------------------------------

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = produce();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Tick next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the simulated session is over");
        }
        Tick t = next;
        next = null;
        return t;
    }

    private Tick produce() {
        if (printPos < printOrder.length) {
            Inst inst = insts[printOrder[printPos++]];
            return inst.preOpenPrint();
        }
        if (!normalMarketStarted) {
            normalMarketStarted = true;
            for (Underlying u : underlyings) {
                u.openJump();
            }
        }
        while (slotPos >= slotCount) {
            second += 1000L;
            if (second >= closeMs) {
                return null;
            }
            stepSecond();
        }
        return insts[slots[slotPos++]].tick(second);
    }

    private void stepSecond() {
        double sigma = MIDDAY_MINUTE_VOL / Math.sqrt(60) * dayVol * volProfile(second);
        marketShock = sigma * marketRng.nextGaussian();
        marketDrift = ouStep(marketDrift, DRIFT_DECAY, DRIFT_INNOVATION, marketRng);
        for (Underlying u : underlyings) {
            u.step(sigma);
        }
        slotCount = 0;
        slotPos = 0;
        double meanLotsScale = volumeProfile((second - openMs) / 60_000.0, (closeMs - second) / 60_000.0)
                / volumeProfileMean;
        for (int i = 0; i < insts.length; i++) {
            Inst inst = insts[i];
            int n = drawCount(inst.rng);
            inst.startSecond(n, meanLotsScale);
            for (int k = 0; k < n; k++) {
                slots[slotCount++] = i;
            }
        }
        for (int i = slotCount - 1; i > 0; i--) {
            int j = orderRng.nextInt(i + 1);
            int s = slots[i];
            slots[i] = slots[j];
            slots[j] = s;
        }
    }

    /**
     * One second of an Ornstein-Uhlenbeck process. The innovation is a unit-variance uniform draw, which is cheaper
     * than a Gaussian: over the process's memory of minutes, the sum of the draws is Gaussian anyway.
     */
    private static double ouStep(double x, double decay, double innovationSd, SimRandom rng) {
        return decay * x + innovationSd * rng.nextUnitUniform();
    }

    // ---- state ------------------------------------------------------------------------------------------------

    /** A latent index level: the market factor plus the underlying's own shocks and drift. */
    private final class Underlying {
        final String name;
        final UnderlyingProfile profile;
        final SimRandom rng;
        final double correlation;
        final double ownWeight;
        final double previousClose;
        final double logPreviousClose;
        double logPrev;
        double logNow;
        /** exp(logPrev), exp(logNow): ticks interpolate in price within a second, sparing an exp per tick. */
        double pricePrev;
        double priceNow;
        double ownDrift;
        double depthLean = 1;

        Underlying(String name, double previousClose, long seed) {
            this.name = name;
            this.profile = UnderlyingProfile.of(name);
            this.rng = SimRandom.derive(seed, "underlying:" + name, 0);
            this.correlation = profile.marketCorrelation();
            this.ownWeight = Math.sqrt(Math.max(0, 1 - correlation * correlation));
            this.previousClose = previousClose;
            this.logPreviousClose = Math.log(previousClose);
            this.logNow = logPreviousClose;
            this.logPrev = logNow;
        }

        void startDay(double marketGap) {
            ownDrift = DRIFT_SD_PER_SECOND * rng.nextGaussian();
            double gap = profile.volMultiple() * (correlation * marketGap + ownWeight * GAP_SD * rng.nextGaussian());
            logNow += gap;
            logPrev = logNow;
            priceNow = Math.exp(logNow);
            pricePrev = priceNow;
        }

        void openJump() {
            logNow += profile.volMultiple() * OPEN_JUMP_SD * rng.nextGaussian();
            logPrev = logNow;
            priceNow = Math.exp(logNow);
            pricePrev = priceNow;
        }

        void step(double sigma) {
            ownDrift = ouStep(ownDrift, DRIFT_DECAY, DRIFT_INNOVATION, rng);
            double ownShock = sigma * rng.nextGaussian();
            logPrev = logNow;
            pricePrev = priceNow;
            logNow += profile.volMultiple() * (correlation * (marketShock + marketDrift)
                    + ownWeight * (ownShock + ownDrift));
            priceNow = Math.exp(logNow);
            depthLean = depthLean();
        }

        /** How much the futures' resting buy quantity exceeds the sell quantity this second: more when trending up. */
        double depthLean() {
            return Math.exp(0.35 * Math.tanh((correlation * marketDrift + ownWeight * ownDrift) / DRIFT_SD_PER_SECOND));
        }
    }

    /** One instrument's running day state. */
    private final class Inst {
        final Underlying u;
        final SimRandom rng;
        final boolean future;
        final long token;
        final String symbol;
        final double previousClose;
        final long printTime;
        // Futures only.
        final long lot;
        final double premium;
        /** An index's level relative to its underlying: 1 unless two indices share an underlying. */
        final double indexScale;
        final long previousCloseMs;
        final double dayLots;
        final double depthLots;
        final double oiLots;
        double basisNoise;
        /** exp(basis) for the current second. */
        double basisFactor;
        double meanLotsPerTrade;
        long volume;
        long lastQuantity;
        double tradedValue;
        long lastTradeTime = Tick.ABSENT_TIME;
        long buyQuantity;
        long sellQuantity;
        long openInterest;
        long oiMinute = Long.MIN_VALUE;
        // Both.
        double open = Double.NaN;
        double high = Double.NaN;
        double low = Double.NaN;
        double last = Double.NaN;
        int ticksThisSecond;
        int tickInSecond;

        Inst(SimulatedInstrument def, Underlying u, long seed, long printTime, long previousCloseMs) {
            this.u = u;
            this.rng = SimRandom.derive(seed, "instrument", def.token());
            this.future = def.isFuture();
            this.token = def.token();
            this.symbol = def.symbol();
            this.previousClose = roundToTick(def.startPrice());
            this.printTime = printTime;
            this.lot = def.lotSize();
            this.previousCloseMs = previousCloseMs;
            UnderlyingProfile p = u.profile;
            // ln(future / index) at the previous close: the premium the future keeps, less the carry that runs off.
            this.premium = Math.log(def.startPrice()) - u.logPreviousClose;
            this.indexScale = def.startPrice() == u.previousClose ? 1 : def.startPrice() / u.previousClose;
            this.dayLots = p.dayLots() * (0.8 + 0.4 * rng.nextDouble()) * dayVol;
            this.depthLots = Math.max(1, dayLots * DEPTH_SHARE_OF_DAY_LOTS);
            this.oiLots = p.openInterestLots() * (0.8 + 0.4 * rng.nextDouble());
            if (future) {
                basisNoise = BASIS_NOISE_SD * rng.nextGaussian();
                openInterest = lot * Math.max(1, Math.round(oiLots));
                updateDepth();
            }
        }

        Tick preOpenPrint() {
            double price;
            if (future) {
                price = roundToTick(Math.exp(u.logNow + basis(printTime)));
                long lots = Math.max(1, Math.round(dayLots * PRE_OPEN_VOLUME_SHARE * (0.5 + rng.nextDouble())));
                trade(printTime, price, lots * lot);
            } else {
                price = roundToTick(Math.exp(u.logNow) * indexScale);
                mark(price);
            }
            return build(printTime);
        }

        void startSecond(int n, double lotsScale) {
            ticksThisSecond = n;
            tickInSecond = 0;
            if (future) {
                basisNoise = ouStep(basisNoise, BASIS_DECAY, BASIS_INNOVATION, rng);
                if (n > 0) {
                    meanLotsPerTrade = lotsScale * dayLots / expectedTradesPerDay;
                    basisFactor = Math.exp(basis(second));
                }
            }
        }

        Tick tick(long t) {
            tickInSecond++;
            double w = (double) tickInSecond / ticksThisSecond;
            double index = u.pricePrev + w * (u.priceNow - u.pricePrev);
            if (!future) {
                mark(roundToTick(index * indexScale));
                return build(t);
            }
            long minute = Math.floorDiv(t, MarketTime.MINUTE_MS);
            if (minute != oiMinute) {
                if (oiMinute != Long.MIN_VALUE) {
                    long change = Math.round(oiLots * OI_MINUTE_SD * rng.nextGaussian());
                    openInterest = Math.max(lot, openInterest + change * lot);
                }
                oiMinute = minute;
            }
            // A thin contract (under a lot per expected trade) trades on fewer ticks rather than in fractional lots.
            double tradeProbability = (1 - QUOTE_ONLY_PROBABILITY) * Math.min(1, meanLotsPerTrade);
            if (volume == 0 || rng.chance(tradeProbability)) {
                double side = rng.chance(0.5) ? 1 : -1;
                double price = roundToTick(index * basisFactor * (1 + side * u.profile.halfSpread()));
                trade(t, price, lot * rng.nextGeometric(meanLotsPerTrade));
            }
            updateDepth();
            return build(t);
        }

        private double basis(long t) {
            double daysSincePreviousClose = (t - previousCloseMs) / (double) MarketTime.DAY_MS;
            return premium - CARRY_PER_YEAR * daysSincePreviousClose / 365 + basisNoise;
        }

        private void trade(long t, double price, long quantity) {
            volume += quantity;
            lastQuantity = quantity;
            tradedValue += price * quantity;
            lastTradeTime = t;
            mark(price);
        }

        private void mark(double price) {
            last = price;
            if (Double.isNaN(open)) {
                open = price;
                high = price;
                low = price;
            } else {
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
        }

        private void updateDepth() {
            // Resting quantities jitter by up to ±40% around the lean of the trend.
            buyQuantity = lot * Math.max(1, Math.round(depthLots * u.depthLean * (0.6 + 0.8 * rng.nextDouble())));
            sellQuantity = lot * Math.max(1, Math.round(depthLots / u.depthLean * (0.6 + 0.8 * rng.nextDouble())));
        }

        private Tick build(long t) {
            if (!future) {
                return new Tick(token, t, last, 0, Tick.ABSENT_PRICE, 0, 0, 0, 0, open, high, low, previousClose,
                        Tick.ABSENT_TIME, symbol);
            }
            double average = volume == 0 ? Tick.ABSENT_PRICE : Math.rint(tradedValue / volume * 100) / 100;
            return new Tick(token, t, last, lastQuantity, average, volume, buyQuantity, sellQuantity, openInterest,
                    open, high, low, previousClose, lastTradeTime, symbol);
        }
    }
}
