package com.tradesignal.bench.replay;

import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import com.tradesignal.tick.Tick;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * One instrument in the ta4j baseline: ticks of the session folded into bars of 1, 3, 5 and 15 minutes anchored at
 * the open, a bar closing when the instrument's first tick of a later bar arrives (or the day or the input ends);
 * plus the session values ta4j has no ready indicator for, kept by hand: the cumulative VWAP of the day's 1m bars
 * (hlc3 weighted by volume, as the project defines it; ta4j's VWAPIndicator is a rolling N-bar VWAP), the opening
 * range and classic floor pivots from the previous session's high, low and close.
 *
 * <p>Candle volume is the rise of the cumulative day volume the ticks carry: the highest value seen in the bar minus
 * the highest seen before it (pre-open ticks included, so the auction's volume is not in the 09:15 bar). If the
 * day's first tick comes after the first session minute, earlier volume belongs to no bar.
 */
final class Ta4jInstrument {
    /** Receives each closed bar with its indicator values. */
    interface BarListener {
        void closed(Ta4jInstrument instrument, Ta4jSeries series, long start, double open, double high, double low,
                    double close, long volume, double[] indicators);
    }

    private static final long NONE = Long.MIN_VALUE;
    private static final int OPENING_RANGE_MINUTES = 15;

    final long token;
    final String symbol;
    private final SessionHours hours;
    private final Ta4jSeries[] series;
    private final OpenBar[] building;

    private long day = NONE;
    private long open;
    private long close;
    private long volumeSeen = NONE;
    private double sessionHigh = Double.NaN, sessionLow = Double.NaN, sessionClose = Double.NaN;
    private double orbHigh = Double.NaN, orbLow = Double.NaN;
    private double vwapVolume, vwapPriceVolume;
    /** PP, R1, R2, R3, S1, S2, S3 from the previous session; null before one was seen. */
    double[] pivots;

    Ta4jInstrument(long token, String symbol, SessionHours hours, int[] minutes, String[] labels) {
        this.token = token;
        this.symbol = symbol;
        this.hours = hours;
        series = new Ta4jSeries[minutes.length];
        building = new OpenBar[minutes.length];
        for (int i = 0; i < minutes.length; i++) {
            series[i] = new Ta4jSeries(symbol, Duration.ofMinutes(minutes[i]), labels[i]);
        }
    }

    void onTick(Tick t, BarListener out) {
        long tickDay = MarketTime.istEpochDay(t.exchangeTime);
        if (tickDay != day) {
            startDay(tickDay, out);
        }
        if (t.exchangeTime < open) {
            volumeSeen = Math.max(volumeSeen, t.volume); // pre-open: its volume is nobody's bar's
            return;
        }
        if (t.exchangeTime >= close) {
            return;
        }
        if (volumeSeen == NONE) {
            volumeSeen = t.exchangeTime < open + MarketTime.MINUTE_MS ? 0 : t.volume;
        }
        for (int i = 0; i < series.length; i++) {
            long length = series[i].period.toMillis();
            long start = open + (t.exchangeTime - open) / length * length;
            OpenBar bar = building[i];
            if (bar != null && bar.start != start) {
                closeBar(i, out);
                bar = null;
            }
            if (bar == null) {
                building[i] = new OpenBar(start, t.lastPrice, volumeSeen);
            }
            building[i].add(t.lastPrice, t.volume);
        }
        volumeSeen = Math.max(volumeSeen, t.volume);
        sessionHigh = Double.isNaN(sessionHigh) ? t.lastPrice : Math.max(sessionHigh, t.lastPrice);
        sessionLow = Double.isNaN(sessionLow) ? t.lastPrice : Math.min(sessionLow, t.lastPrice);
        sessionClose = t.lastPrice;
        if (t.exchangeTime < open + OPENING_RANGE_MINUTES * MarketTime.MINUTE_MS) {
            orbHigh = Double.isNaN(orbHigh) ? t.lastPrice : Math.max(orbHigh, t.lastPrice);
            orbLow = Double.isNaN(orbLow) ? t.lastPrice : Math.min(orbLow, t.lastPrice);
        }
    }

    /** Closes the bars still building (the end of the input). */
    void finish(BarListener out) {
        for (int i = 0; i < building.length; i++) {
            if (building[i] != null) closeBar(i, out);
        }
    }

    private void startDay(long newDay, BarListener out) {
        finish(out);
        if (!Double.isNaN(sessionClose)) {
            pivots = floorPivots(sessionHigh, sessionLow, sessionClose);
        }
        day = newDay;
        open = hours.openMillis(newDay);
        close = hours.closeMillis(newDay);
        volumeSeen = NONE;
        sessionHigh = sessionLow = sessionClose = Double.NaN;
        orbHigh = orbLow = Double.NaN;
        vwapVolume = vwapPriceVolume = 0;
    }

    private void closeBar(int i, BarListener out) {
        OpenBar b = building[i];
        building[i] = null;
        long volume = Math.max(0, b.maxVolume - b.volumeBefore);
        if (i == 0 && volume > 0) { // session VWAP from the 1m bars
            vwapVolume += volume;
            vwapPriceVolume += (b.high + b.low + b.close) / 3 * volume;
        }
        long length = series[i].period.toMillis();
        ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(b.start + length), MarketTime.IST);
        double[] values = series[i].close(end, b.open, b.high, b.low, b.close, volume);
        out.closed(this, series[i], b.start, b.open, b.high, b.low, b.close, volume, values);
    }

    double vwap() {
        return vwapVolume > 0 ? vwapPriceVolume / vwapVolume : Double.NaN;
    }

    /** The opening range once its window is over (it is fixed for the rest of the day), else NaN. */
    double orbHigh(long barEnd) {
        return barEnd >= open + OPENING_RANGE_MINUTES * MarketTime.MINUTE_MS ? orbHigh : Double.NaN;
    }

    double orbLow(long barEnd) {
        return barEnd >= open + OPENING_RANGE_MINUTES * MarketTime.MINUTE_MS ? orbLow : Double.NaN;
    }

    /** Classic floor pivots: PP = (H+L+C)/3, R1 = 2PP−L, S1 = 2PP−H, R2/S2 = PP ± (H−L), R3 = H + 2(PP−L), S3 = L − 2(H−PP). */
    static double[] floorPivots(double h, double l, double c) {
        double pp = (h + l + c) / 3;
        return new double[]{pp, 2 * pp - l, pp + (h - l), h + 2 * (pp - l), 2 * pp - h, pp - (h - l), l - 2 * (h - pp)};
    }

    static final String[] PIVOT_KEYS = {"pivot", "r1", "r2", "r3", "s1", "s2", "s3"};

    /** A bar still taking ticks. */
    private static final class OpenBar {
        final long start;
        final long volumeBefore;
        final double open;
        double high, low, close;
        long maxVolume;

        OpenBar(long start, double open, long volumeBefore) {
            this.start = start;
            this.open = open;
            this.high = open;
            this.low = open;
            this.volumeBefore = volumeBefore;
            this.maxVolume = volumeBefore;
        }

        void add(double price, long cumulativeVolume) {
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            maxVolume = Math.max(maxVolume, cumulativeVolume);
        }
    }
}
