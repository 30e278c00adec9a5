package com.tradesignal.job.signals;

import com.tradesignal.candle.Candle;
import com.tradesignal.indicators.Atr;
import com.tradesignal.indicators.Ema;
import com.tradesignal.indicators.MarketStructure;
import com.tradesignal.indicators.ParabolicSar;
import com.tradesignal.indicators.RateOfChange;
import com.tradesignal.indicators.Rsi;
import com.tradesignal.indicators.SuperTrend;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The candle-by-candle indicators of one instrument at one interval. Each update is O(1); the state is fixed-size. */
final class IntervalIndicators {
    // Set by the constructor: a state read from RocksDB (every candle) should not build fresh ones first.
    Ema ema9;
    Ema ema21;
    Ema ema50;
    Ema ema200;
    Rsi rsi;
    Atr atr;
    SuperTrend superTrend;
    ParabolicSar psar;
    RateOfChange roc;
    MarketStructure structure;
    /** The previous candle's open and close, for engulfing patterns; NaN before the first candle. */
    double previousOpen = Double.NaN;
    double previousClose = Double.NaN;

    void update(Candle c) {
        ema9.update(c.close());
        ema21.update(c.close());
        ema50.update(c.close());
        ema200.update(c.close());
        rsi.update(c.close());
        atr.update(c.high(), c.low(), c.close());
        superTrend.update(c.high(), c.low(), c.close());
        psar.update(c.high(), c.low(), c.close());
        roc.update(c.close());
        structure.update(c.start(), c.high(), c.low(), c.close());
    }

    void rememberCandle(Candle c) {
        previousOpen = c.open();
        previousClose = c.close();
    }

    IntervalIndicators copy() {
        IntervalIndicators x = new IntervalIndicators(false);
        x.ema9 = ema9.copy();
        x.ema21 = ema21.copy();
        x.ema50 = ema50.copy();
        x.ema200 = ema200.copy();
        x.rsi = rsi.copy();
        x.atr = atr.copy();
        x.superTrend = superTrend.copy();
        x.psar = psar.copy();
        x.roc = roc.copy();
        x.structure = structure.copy();
        x.previousOpen = previousOpen;
        x.previousClose = previousClose;
        return x;
    }

    void writeTo(DataOutput out) throws IOException {
        ema9.writeTo(out);
        ema21.writeTo(out);
        ema50.writeTo(out);
        ema200.writeTo(out);
        rsi.writeTo(out);
        atr.writeTo(out);
        superTrend.writeTo(out);
        psar.writeTo(out);
        roc.writeTo(out);
        structure.writeTo(out);
        out.writeDouble(previousOpen);
        out.writeDouble(previousClose);
    }

    /** Fresh indicators, nothing seen yet. */
    IntervalIndicators() {
        this(true);
    }

    /** Without the fresh indicators when the caller replaces every one of them (a copy or a read from state). */
    private IntervalIndicators(boolean fresh) {
        if (fresh) {
            ema9 = new Ema(9);
            ema21 = new Ema(21);
            ema50 = new Ema(50);
            ema200 = new Ema(200);
            rsi = new Rsi(14);
            atr = new Atr(14);
            superTrend = new SuperTrend(10, 3.0);
            psar = new ParabolicSar(0.02, 0.02, 0.2);
            roc = new RateOfChange(10);
            structure = new MarketStructure(2);
        }
    }

    static IntervalIndicators readFrom(DataInput in) throws IOException {
        IntervalIndicators x = new IntervalIndicators(false);
        x.ema9 = Ema.readFrom(in);
        x.ema21 = Ema.readFrom(in);
        x.ema50 = Ema.readFrom(in);
        x.ema200 = Ema.readFrom(in);
        x.rsi = Rsi.readFrom(in);
        x.atr = Atr.readFrom(in);
        x.superTrend = SuperTrend.readFrom(in);
        x.psar = ParabolicSar.readFrom(in);
        x.roc = RateOfChange.readFrom(in);
        x.structure = MarketStructure.readFrom(in);
        x.previousOpen = in.readDouble();
        x.previousClose = in.readDouble();
        return x;
    }
}
