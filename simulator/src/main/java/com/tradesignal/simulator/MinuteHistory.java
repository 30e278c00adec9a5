package com.tradesignal.simulator;

import com.tradesignal.instrument.TokenMap;
import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The one-minute candles of everything the simulator streamed today, per token, as Kite's historical API returns
 * them: labelled by start time; volume is the rise of the cumulative day volume within the minute; OI is the last
 * seen. Thread-safe: the market thread writes, REST threads read.
 */
final class MinuteHistory {

    /** One minute of one instrument. */
    record Minute(long start, double open, double high, double low, double close, long volume, long oi) {
    }

    private static final class Building {
        long start;
        double open;
        double high;
        double low;
        double close;
        long volumeAtStart;
        long lastVolume;
        long oi;
    }

    // by token, asked on every tick the simulator sends, so primitive-keyed (TokenMap says why)
    private final TokenMap<TreeMap<Long, Minute>> closed = new TokenMap<>();
    private final TokenMap<Building> open = new TokenMap<>();
    private final TokenMap<Long> lastCumulative = new TokenMap<>();

    synchronized void record(Tick t) {
        long minute = MarketTime.minuteStart(t.exchangeTime);
        Building b = open.get(t.token);
        if (b != null && b.start != minute) {
            close(t.token, b);
            b = null;
        }
        long cumulative = Math.max(t.volume, 0);
        if (b == null) {
            b = new Building();
            b.start = minute;
            b.open = b.high = b.low = t.lastPrice;
            Long known = lastCumulative.get(t.token);
            b.volumeAtStart = known == null ? cumulative : known;
            open.put(t.token, b);
        }
        b.high = Math.max(b.high, t.lastPrice);
        b.low = Math.min(b.low, t.lastPrice);
        b.close = t.lastPrice;
        b.lastVolume = Math.max(b.lastVolume, cumulative);
        b.oi = t.openInterest;
        Long before = lastCumulative.get(t.token);
        if (before == null || cumulative > before) {
            lastCumulative.put(t.token, cumulative);
        }
    }

    private void close(long token, Building b) {
        closed.computeIfAbsent(token, k -> new TreeMap<>()).put(b.start, new Minute(b.start, b.open, b.high, b.low,
                b.close, Math.max(0, b.lastVolume - b.volumeAtStart), b.oi));
    }

    /** Minutes of {@code token} starting in [from, to], including the one still forming (as Kite does). */
    synchronized List<Minute> between(long token, long fromMillis, long toMillis) {
        List<Minute> out = new ArrayList<>();
        TreeMap<Long, Minute> done = closed.get(token);
        if (done != null) {
            out.addAll(done.subMap(fromMillis, true, toMillis, true).values());
        }
        Building b = open.get(token);
        if (b != null && b.start >= fromMillis && b.start <= toMillis) {
            out.add(new Minute(b.start, b.open, b.high, b.low, b.close, Math.max(0, b.lastVolume - b.volumeAtStart), b.oi));
        }
        return out;
    }

    /**
     * Candles of {@code minutes} minutes from one-minute candles in time order, aligned to 09:15 IST as Kite aligns
     * them (5minute: 09:15, 09:20, ...; 60minute: 09:15, 10:15, ...). Volume adds up; OI is the last.
     */
    static List<Minute> aggregate(List<Minute> oneMinute, int minutes) {
        if (minutes <= 1) {
            return oneMinute;
        }
        long width = minutes * MarketTime.MINUTE_MS;
        List<Minute> out = new ArrayList<>();
        Minute acc = null;
        for (Minute m : oneMinute) {
            long anchor = MarketTime.at(MarketTime.istDate(m.start()), java.time.LocalTime.of(9, 15));
            long start = anchor + Math.floorDiv(m.start() - anchor, width) * width;
            if (acc != null && acc.start() == start) {
                acc = new Minute(start, acc.open(), Math.max(acc.high(), m.high()), Math.min(acc.low(), m.low()),
                        m.close(), acc.volume() + m.volume(), m.oi());
            } else {
                if (acc != null) {
                    out.add(acc);
                }
                acc = new Minute(start, m.open(), m.high(), m.low(), m.close(), m.volume(), m.oi());
            }
        }
        if (acc != null) {
            out.add(acc);
        }
        return out;
    }

    synchronized void clear() {
        closed.clear();
        open.clear();
        lastCumulative.clear();
    }
}
