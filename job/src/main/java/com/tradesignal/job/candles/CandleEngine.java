package com.tradesignal.job.candles;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import com.tradesignal.job.bars.MinuteBar;
import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;

import java.util.Map;

/**
 * The candle rules of {@link CandleBuilder} (see there) as plain code over one instrument's
 * {@link CandleBuilderState}, without Flink: the builder wraps it around keyed state and event-time timers, and the
 * benchmark's single-threaded loop drives it with its own watermark. Keeping one copy of the rules is what makes
 * the two produce the same candles.
 *
 * <p>Event time is the caller's: it hands in minute bars, asks for a callback at the times {@link Output#timer}
 * names, and calls {@link #onTimer} when its watermark reaches them, in time order.
 */
public final class CandleEngine {
    static final CandleInterval[] AGGREGATES = {CandleInterval.M3, CandleInterval.M5, CandleInterval.M15};

    /** Where the engine's results go. */
    public interface Output {
        void candle(Candle c);

        /** Call {@link #onTimer} for this instrument when the watermark reaches {@code time}. */
        void timer(long time);

        /** Ticks that fell outside the pre-open and the normal market and made no candle. */
        void outsideSession(int ticks);
    }

    private final SessionHours hours;
    private final Map<Long, String> symbols;

    /**
     * @param hours   the session hours (one set for every day, for now)
     * @param symbols tradingsymbols by token from the instruments dump; they win over symbols carried by the ticks
     */
    public CandleEngine(SessionHours hours, Map<Long, String> symbols) {
        this.hours = hours;
        this.symbols = symbols;
    }

    /** A bar whose minute the watermark has already passed comes too late to be part of a candle. */
    public static boolean isLate(MinuteBar bar, long watermark) {
        return due(bar) <= watermark;
    }

    private static long due(MinuteBar bar) {
        return bar.minuteStart + 59_999L;
    }

    /**
     * Keeps a (not late) minute bar until the watermark passes its minute.
     *
     * @param s the instrument's state, or null if it has none
     * @return the state to keep
     */
    public CandleBuilderState add(CandleBuilderState s, MinuteBar bar, Output out) {
        if (s == null) {
            s = new CandleBuilderState();
        }
        if (bar.symbol != null) {
            s.symbol = bar.symbol;
        }
        MinuteBar waiting = s.pending.get(bar.minuteStart);
        if (waiting == null) {
            s.pending.put(bar.minuteStart, bar);
        } else {
            waiting.merge(bar);
        }
        out.timer(due(bar));
        return s;
    }

    /**
     * The watermark reached {@code timestamp}: closes the minutes and candles due by then.
     *
     * @return true when the day is done and nothing is open, so the instrument's state can be dropped
     */
    public boolean onTimer(long token, CandleBuilderState s, long timestamp, Output out) {
        while (!s.pending.isEmpty() && s.pending.firstKey() + 59_999L <= timestamp) {
            closeMinute(token, s, s.pending.pollFirstEntry().getValue(), out);
        }
        for (int i = 0; i < AGGREGATES.length; i++) {
            OpenCandle c = s.open[i];
            if (c != null && c.start + AGGREGATES[i].millis() - 1 <= timestamp) {
                out.candle(c.close(token, symbolOf(token, s), AGGREGATES[i], preOpenFor(s, c.start)));
                s.open[i] = null;
            }
        }
        return s.isIdle() && timestamp >= hours.closeMillis(s.day) - 1;
    }

    private void closeMinute(long token, CandleBuilderState s, MinuteBar bar, Output out) {
        long day = MarketTime.istEpochDay(bar.minuteStart);
        if (day != s.day) {
            s.day = day;
            s.baselineVolume = CandleBuilderState.UNKNOWN;
            s.preOpenPrice = Double.NaN;
            // Even a day that only had pre-open ticks gets cleaned up once its session is over.
            out.timer(hours.closeMillis(day) - 1);
        }
        long open = hours.openMillis(day);
        long minute = bar.minuteStart;
        if (minute >= hours.preOpenMillis(day) && minute < open) {
            s.preOpenPrice = bar.close;
            s.baselineVolume = Math.max(s.baselineVolume, bar.maxVolume);
            return;
        }
        if (minute < open || minute >= hours.closeMillis(day)) {
            out.outsideSession(bar.ticks);
            s.baselineVolume = Math.max(s.baselineVolume, bar.maxVolume);
            return;
        }
        if (s.baselineVolume == CandleBuilderState.UNKNOWN) {
            s.baselineVolume = minute == open ? 0 : bar.minVolume;
        }
        long volume = Math.max(0, bar.maxVolume - s.baselineVolume);
        s.baselineVolume = Math.max(s.baselineVolume, bar.maxVolume);
        String symbol = symbolOf(token, s);
        Candle oneMinute = new Candle(token, symbol, CandleInterval.M1, minute, bar.open, bar.high, bar.low, bar.close,
                volume, preOpenFor(s, minute), bar.ticks, bar.openInterest, bar.averagePrice, bar.buyQuantity,
                bar.sellQuantity);
        out.candle(oneMinute);
        for (int i = 0; i < AGGREGATES.length; i++) {
            CandleInterval interval = AGGREGATES[i];
            long start = interval.bucketStart(open, minute);
            OpenCandle c = s.open[i];
            if (c != null && c.start != start) { // its end timer has fired already; kept only as a safeguard
                out.candle(c.close(token, symbol, interval, preOpenFor(s, c.start)));
                c = null;
            }
            if (c == null) {
                s.open[i] = OpenCandle.of(start, oneMinute);
                long due = start + interval.millis() - 1;
                if (due > minute + 59_999L) {
                    out.timer(due);
                }
            } else {
                c.add(oneMinute);
            }
        }
    }

    private double preOpenFor(CandleBuilderState s, long candleStart) {
        return candleStart == hours.openMillis(s.day) ? s.preOpenPrice : Double.NaN;
    }

    private String symbolOf(long token, CandleBuilderState s) {
        String fromDump = symbols.get(token);
        return fromDump != null ? fromDump : s.symbol;
    }
}
