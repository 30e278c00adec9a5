package com.tradesignal.bench.replay;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.num.Num;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * One instrument's bars at one interval as a ta4j {@link BarSeries} (default number type, {@code DecimalNum}) with
 * the indicators a developer would attach to it, read at the last bar each time a bar closes. The series keeps
 * at most {@link #MAX_BARS} bars so memory stays bounded over long replays (EMA 200 needs about 200 of them).
 */
final class Ta4jSeries {
    static final int MAX_BARS = 400;

    final Duration period;
    final String label;
    private final BarSeries series;
    private final Indicator<Num> ema9;
    private final Indicator<Num> ema21;
    private final Indicator<Num> ema50;
    private final Indicator<Num> ema200;
    private final Indicator<Num> rsi14;
    private final Indicator<Num> atr14;
    private final Indicator<Num> superTrend;
    private final Indicator<Num> psar;
    private final Indicator<Num> roc10;

    Ta4jSeries(String name, Duration period, String label) {
        this.period = period;
        this.label = label;
        series = new BaseBarSeriesBuilder().withName(name + " " + label).withMaxBarCount(MAX_BARS).build();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        ema9 = new EMAIndicator(close, 9);
        ema21 = new EMAIndicator(close, 21);
        ema50 = new EMAIndicator(close, 50);
        ema200 = new EMAIndicator(close, 200);
        rsi14 = new RSIIndicator(close, 14);
        atr14 = new ATRIndicator(series, 14);
        superTrend = new SuperTrendIndicator(series, 10, 3.0);
        psar = new ParabolicSarIndicator(series, series.numOf(0.02), series.numOf(0.2), series.numOf(0.02));
        roc10 = new ROCIndicator(close, 10);
    }

    /** Adds a closed bar and returns the indicators at it: EMA 9/21/50/200, RSI 14, ATR 14, SuperTrend, SAR, ROC 10. */
    double[] close(ZonedDateTime end, double open, double high, double low, double close, long volume) {
        series.addBar(period, end, open, high, low, close, volume);
        int i = series.getEndIndex();
        return new double[]{value(ema9, i), value(ema21, i), value(ema50, i), value(ema200, i), value(rsi14, i),
                value(atr14, i), value(superTrend, i), value(psar, i), value(roc10, i)};
    }

    static final String[] KEYS = {"ema_9", "ema_21", "ema_50", "ema_200", "rsi_14", "atr_14", "supertrend", "psar", "roc_10"};

    private static double value(Indicator<Num> indicator, int index) {
        return indicator.getValue(index).doubleValue();
    }
}
