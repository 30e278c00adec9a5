package com.tradesignal.signals;

import java.io.Serializable;

/**
 * Everything {@link SignalEngine} looks at for one underlying and candle interval on one closed candle of the index.
 *
 * <p>Conventions: a {@code double} that is not available (indicator still warming up, no data, no derivative) is
 * {@code NaN}; an {@code int} direction is {@code +1} (up/bullish/long), {@code -1} (down/bearish/short) or {@code 0}
 * (unknown/none); a text label may be null. Build one with {@link #builder()}: every field starts unavailable, so
 * wiring code only sets what it has.
 *
 * <p>An index has no volume, so VWAP, volume, order-book imbalance and open interest come from the underlying's
 * near-month <em>future</em> ({@code future*} fields and {@link #volumeRatio}, {@link #imbalance},
 * {@link #oiBuildUp}); everything else is computed on the index candles.
 *
 * @param underlying              NIFTY, BANKNIFTY or SENSEX
 * @param interval                candle interval label: 1m, 3m, 5m, 15m
 * @param close                   the index candle's close
 * @param previousClose           the previous index candle's close
 * @param ema9                    EMA(9) of the index close; likewise {@code ema21}, {@code ema50}, {@code ema200}
 * @param previousEma9            EMA(9) on the previous candle (to spot a fresh 9/21 crossover); likewise
 *                                {@code previousEma21}
 * @param rsi14                   Wilder RSI(14), 0..100
 * @param superTrend              the SuperTrend line (the active band)
 * @param superTrendDirection     +1 uptrend (price above the line), −1 downtrend, 0 unknown. <b>Not</b> Pine's
 *                                {@code ta.supertrend} sign, which is −1 for an uptrend: convert when wiring
 * @param psar                    Parabolic SAR value
 * @param psarDirection           +1 long (SAR below price), −1 short, 0 unknown
 * @param roc10                   rate of change over 10 candles, in percent ({@code 0.25} = +0.25%)
 * @param structureTrend          swing structure: +1 higher highs/higher lows, −1 lower highs/lower lows, 0 none
 * @param bos                     break of structure on this candle: +1 up, −1 down, 0 none
 * @param structureLabel          the structure as text (e.g. {@code HH-HL}), or null
 * @param orbHigh                 opening-range high, NaN until the opening range is complete
 * @param orbLow                  opening-range low, NaN until the opening range is complete
 * @param pp                      floor pivot from the previous session, and {@code r1..r3}, {@code s1..s3}
 * @param nearestSupport          the closest support level at or below the close, with its name (e.g. {@code S1})
 * @param nearestResistance       the closest resistance level above the close, with its name (e.g. {@code R1})
 * @param candleIntent            the candle pattern / intent name (e.g. {@code bullish engulfing}), or null
 * @param candleDirection         the candle intent's direction: +1, −1 or 0
 * @param futureClose             the near-month future's candle close
 * @param futureVwap              the future's session VWAP, and its ±1σ band {@code futureVwapLower/Upper}
 * @param volumeRatio             the future's candle volume ÷ its rolling average ({@link VolumeAnalysis#ratio()})
 * @param volumeSpike             true when the ratio reached the spike threshold ({@link VolumeAnalysis#isSpike()})
 * @param imbalance               (buy qty − sell qty)/(buy qty + sell qty) of the future's order book, −1..+1
 * @param pcr                     put-call ratio by OI ({@link PutCallRatio}), NaN if unknown
 * @param oiBuildUp               the future's OI build-up on this candle, or null
 * @param futurePriceChangePercent the future's close change behind {@code oiBuildUp}, percent (for the reason only)
 * @param oiChangePercent         the future's OI change behind {@code oiBuildUp}, percent (for the reason only)
 */
public record MarketSnapshot(
        String underlying, String interval,
        double close, double previousClose,
        double ema9, double ema21, double ema50, double ema200, double previousEma9, double previousEma21,
        double rsi14,
        double superTrend, int superTrendDirection,
        double psar, int psarDirection,
        double roc10,
        int structureTrend, int bos, String structureLabel,
        double orbHigh, double orbLow,
        double pp, double r1, double r2, double r3, double s1, double s2, double s3,
        double nearestSupport, String nearestSupportName, double nearestResistance, String nearestResistanceName,
        String candleIntent, int candleDirection,
        double futureClose, double futureVwap, double futureVwapUpper, double futureVwapLower,
        double volumeRatio, boolean volumeSpike, double imbalance,
        double pcr,
        OiBuildUp oiBuildUp, double futurePriceChangePercent, double oiChangePercent) implements Serializable {

    private static final long serialVersionUID = 1L;

    public MarketSnapshot {
        checkDirection("superTrendDirection", superTrendDirection);
        checkDirection("psarDirection", psarDirection);
        checkDirection("structureTrend", structureTrend);
        checkDirection("bos", bos);
        checkDirection("candleDirection", candleDirection);
    }

    private static void checkDirection(String field, int value) {
        if (value < -1 || value > 1) {
            throw new IllegalArgumentException(field + " must be -1, 0 or +1, was " + value);
        }
    }

    /** A builder with every value unavailable (NaN, 0, null, false). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this snapshot's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.underlying = underlying;
        b.interval = interval;
        b.close = close;
        b.previousClose = previousClose;
        b.ema9 = ema9;
        b.ema21 = ema21;
        b.ema50 = ema50;
        b.ema200 = ema200;
        b.previousEma9 = previousEma9;
        b.previousEma21 = previousEma21;
        b.rsi14 = rsi14;
        b.superTrend = superTrend;
        b.superTrendDirection = superTrendDirection;
        b.psar = psar;
        b.psarDirection = psarDirection;
        b.roc10 = roc10;
        b.structureTrend = structureTrend;
        b.bos = bos;
        b.structureLabel = structureLabel;
        b.orbHigh = orbHigh;
        b.orbLow = orbLow;
        b.pp = pp;
        b.r1 = r1;
        b.r2 = r2;
        b.r3 = r3;
        b.s1 = s1;
        b.s2 = s2;
        b.s3 = s3;
        b.nearestSupport = nearestSupport;
        b.nearestSupportName = nearestSupportName;
        b.nearestResistance = nearestResistance;
        b.nearestResistanceName = nearestResistanceName;
        b.candleIntent = candleIntent;
        b.candleDirection = candleDirection;
        b.futureClose = futureClose;
        b.futureVwap = futureVwap;
        b.futureVwapUpper = futureVwapUpper;
        b.futureVwapLower = futureVwapLower;
        b.volumeRatio = volumeRatio;
        b.volumeSpike = volumeSpike;
        b.imbalance = imbalance;
        b.pcr = pcr;
        b.oiBuildUp = oiBuildUp;
        b.futurePriceChangePercent = futurePriceChangePercent;
        b.oiChangePercent = oiChangePercent;
        return b;
    }

    /** Builds a {@link MarketSnapshot}; every setter returns {@code this}. Unset values stay unavailable. */
    public static final class Builder {
        private static final double NA = Double.NaN;

        private String underlying;
        private String interval;
        private double close = NA;
        private double previousClose = NA;
        private double ema9 = NA;
        private double ema21 = NA;
        private double ema50 = NA;
        private double ema200 = NA;
        private double previousEma9 = NA;
        private double previousEma21 = NA;
        private double rsi14 = NA;
        private double superTrend = NA;
        private int superTrendDirection;
        private double psar = NA;
        private int psarDirection;
        private double roc10 = NA;
        private int structureTrend;
        private int bos;
        private String structureLabel;
        private double orbHigh = NA;
        private double orbLow = NA;
        private double pp = NA;
        private double r1 = NA;
        private double r2 = NA;
        private double r3 = NA;
        private double s1 = NA;
        private double s2 = NA;
        private double s3 = NA;
        private double nearestSupport = NA;
        private String nearestSupportName;
        private double nearestResistance = NA;
        private String nearestResistanceName;
        private String candleIntent;
        private int candleDirection;
        private double futureClose = NA;
        private double futureVwap = NA;
        private double futureVwapUpper = NA;
        private double futureVwapLower = NA;
        private double volumeRatio = NA;
        private boolean volumeSpike;
        private double imbalance = NA;
        private double pcr = NA;
        private OiBuildUp oiBuildUp;
        private double futurePriceChangePercent = NA;
        private double oiChangePercent = NA;

        private Builder() {
        }

        public Builder underlying(String underlying) { this.underlying = underlying; return this; }
        public Builder interval(String intervalLabel) { this.interval = intervalLabel; return this; }

        /** The index candle's close. */
        public Builder close(double close) { this.close = close; return this; }
        /** The previous index candle's close. */
        public Builder previousClose(double previousClose) { this.previousClose = previousClose; return this; }

        public Builder ema9(double v) { this.ema9 = v; return this; }
        public Builder ema21(double v) { this.ema21 = v; return this; }
        public Builder ema50(double v) { this.ema50 = v; return this; }
        public Builder ema200(double v) { this.ema200 = v; return this; }
        public Builder previousEma9(double v) { this.previousEma9 = v; return this; }
        public Builder previousEma21(double v) { this.previousEma21 = v; return this; }

        /** This candle's EMA 9, 21, 50 and 200. */
        public Builder emas(double ema9, double ema21, double ema50, double ema200) {
            this.ema9 = ema9;
            this.ema21 = ema21;
            this.ema50 = ema50;
            this.ema200 = ema200;
            return this;
        }

        /** The previous candle's EMA 9 and 21 (for the crossover). */
        public Builder previousEmas(double previousEma9, double previousEma21) {
            this.previousEma9 = previousEma9;
            this.previousEma21 = previousEma21;
            return this;
        }

        public Builder rsi14(double v) { this.rsi14 = v; return this; }

        /** The SuperTrend line and direction (+1 uptrend: price above the line; −1 downtrend; 0 unknown). */
        public Builder superTrend(double line, int direction) {
            this.superTrend = line;
            this.superTrendDirection = direction;
            return this;
        }

        /** The Parabolic SAR value and direction (+1 long: SAR below price; −1 short; 0 unknown). */
        public Builder psar(double value, int direction) {
            this.psar = value;
            this.psarDirection = direction;
            return this;
        }

        /** ROC(10) in percent. */
        public Builder roc10(double percent) { this.roc10 = percent; return this; }

        /** Swing structure trend (+1/−1/0), break of structure on this candle (+1/−1/0) and a label. */
        public Builder structure(int trend, int bos, String label) {
            this.structureTrend = trend;
            this.bos = bos;
            this.structureLabel = label;
            return this;
        }

        /** The completed opening range; leave unset (NaN) while it is still forming. */
        public Builder openingRange(double high, double low) {
            this.orbHigh = high;
            this.orbLow = low;
            return this;
        }

        public Builder pp(double v) { this.pp = v; return this; }
        public Builder r1(double v) { this.r1 = v; return this; }
        public Builder r2(double v) { this.r2 = v; return this; }
        public Builder r3(double v) { this.r3 = v; return this; }
        public Builder s1(double v) { this.s1 = v; return this; }
        public Builder s2(double v) { this.s2 = v; return this; }
        public Builder s3(double v) { this.s3 = v; return this; }

        /** Floor pivots from the previous session. */
        public Builder pivots(double pp, double r1, double r2, double r3, double s1, double s2, double s3) {
            this.pp = pp;
            this.r1 = r1;
            this.r2 = r2;
            this.r3 = r3;
            this.s1 = s1;
            this.s2 = s2;
            this.s3 = s3;
            return this;
        }

        /** The closest support at or below the close, e.g. {@code (25150.0, "S1")}. */
        public Builder nearestSupport(double level, String name) {
            this.nearestSupport = level;
            this.nearestSupportName = name;
            return this;
        }

        /** The closest resistance above the close, e.g. {@code (25300.0, "R1")}. */
        public Builder nearestResistance(double level, String name) {
            this.nearestResistance = level;
            this.nearestResistanceName = name;
            return this;
        }

        /** The candle intent's name (e.g. {@code bullish engulfing}) and direction (+1/−1/0). */
        public Builder candleIntent(String name, int direction) {
            this.candleIntent = name;
            this.candleDirection = direction;
            return this;
        }

        /** The near-month future's candle close. */
        public Builder futureClose(double v) { this.futureClose = v; return this; }
        /** The future's session VWAP. */
        public Builder futureVwap(double v) { this.futureVwap = v; return this; }

        /** The future's VWAP ±1σ band. */
        public Builder futureVwapBand(double lower, double upper) {
            this.futureVwapLower = lower;
            this.futureVwapUpper = upper;
            return this;
        }

        /** Future's candle volume ÷ rolling average, and whether that is a spike. */
        public Builder volume(double ratio, boolean spike) {
            this.volumeRatio = ratio;
            this.volumeSpike = spike;
            return this;
        }

        /** {@link VolumeAnalysis#ratio()} and {@link VolumeAnalysis#isSpike()} of the future. */
        public Builder volume(VolumeAnalysis analysis) {
            return volume(analysis.ratio(), analysis.isSpike());
        }

        /** Order-book imbalance of the future, −1..+1 ({@link VolumeAnalysis#imbalance(double, double)}). */
        public Builder imbalance(double v) { this.imbalance = v; return this; }

        public Builder pcr(double v) { this.pcr = v; return this; }

        public Builder oiBuildUp(OiBuildUp v) { this.oiBuildUp = v; return this; }

        /** The OI build-up with the future's price and OI changes (percent) that produced it. */
        public Builder oiBuildUp(OiBuildUp v, double futurePriceChangePercent, double oiChangePercent) {
            this.oiBuildUp = v;
            this.futurePriceChangePercent = futurePriceChangePercent;
            this.oiChangePercent = oiChangePercent;
            return this;
        }

        /** The latest classification of an {@link OiBuildUpTracker} and the changes behind it. */
        public Builder oiBuildUp(OiBuildUpTracker tracker) {
            return oiBuildUp(tracker.buildUp(), tracker.priceChangePercent(), tracker.oiChangePercent());
        }

        public MarketSnapshot build() {
            return new MarketSnapshot(underlying, interval, close, previousClose, ema9, ema21, ema50, ema200,
                    previousEma9, previousEma21, rsi14, superTrend, superTrendDirection, psar, psarDirection, roc10,
                    structureTrend, bos, structureLabel, orbHigh, orbLow, pp, r1, r2, r3, s1, s2, s3,
                    nearestSupport, nearestSupportName, nearestResistance, nearestResistanceName,
                    candleIntent, candleDirection, futureClose, futureVwap, futureVwapUpper, futureVwapLower,
                    volumeRatio, volumeSpike, imbalance, pcr, oiBuildUp, futurePriceChangePercent, oiChangePercent);
        }
    }
}
