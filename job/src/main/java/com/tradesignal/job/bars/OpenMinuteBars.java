package com.tradesignal.job.bars;

import com.tradesignal.instrument.TokenMap;
import com.tradesignal.tick.Tick;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * {@link MinuteBarFolder}'s folding rules as a plain object, for callers that run without Flink (the benchmark's
 * single-threaded loop): ticks fold into one open bar per instrument and minute; a minute's bar is handed on when
 * the watermark passes the end of the minute, the due bars in (minute, token) order; a tick for a minute already
 * handed on is late and dropped. Same rules, same bars, as the operator; it has no checkpointed state.
 *
 * <p>{@link #advance} is cheap when no bar is due (it keeps a lower bound of the earliest open minute), so a caller
 * may advance the watermark after every tick. Not thread-safe.
 */
public final class OpenMinuteBars {
    private static final Comparator<MinuteBar> EMIT_ORDER =
            Comparator.comparingLong((MinuteBar b) -> b.minuteStart).thenComparingLong(b -> b.token);

    private static final LongFunction<List<MinuteBar>> NO_BARS = token -> new ArrayList<>(2);

    /** Each instrument's open bars, oldest first; asked once per tick, so primitive-keyed. */
    private final TokenMap<List<MinuteBar>> open = new TokenMap<>();
    private long watermark = Long.MIN_VALUE;
    /** No open bar starts before this minute; Long.MAX_VALUE when none is open. */
    private long earliestMinute = Long.MAX_VALUE;

    /**
     * Folds a tick into its instrument's bar of its minute.
     *
     * @return false if the tick was late (its minute's bar was already handed on) and was dropped
     */
    public boolean add(Tick t) {
        long minute = Math.floorDiv(t.exchangeTime, 60_000L) * 60_000L;
        if (minute + 59_999L <= watermark) {
            return false;
        }
        List<MinuteBar> bars = open.computeIfAbsent(t.token, NO_BARS);
        int i = bars.size();
        if (i > 0 && bars.get(i - 1).minuteStart == minute) { // the common case: the instrument's current minute
            bars.get(i - 1).fold(t);
            return true;
        }
        while (i > 0 && bars.get(i - 1).minuteStart > minute) {
            i--;
        }
        if (i > 0 && bars.get(i - 1).minuteStart == minute) {
            bars.get(i - 1).fold(t);
        } else {
            bars.add(i, MinuteBar.of(t));
            earliestMinute = Math.min(earliestMinute, minute);
        }
        return true;
    }

    /** Moves the watermark to {@code wm} (if later) and hands on every bar it passed, oldest minute first. */
    public void advance(long wm, Consumer<MinuteBar> out) {
        if (wm <= watermark) {
            return;
        }
        watermark = wm;
        if (earliestMinute == Long.MAX_VALUE || earliestMinute + 59_999L > wm) {
            return;
        }
        List<MinuteBar> due = new ArrayList<>();
        long[] earliest = {Long.MAX_VALUE};
        open.forEach((token, bars) -> {
            while (!bars.isEmpty() && bars.get(0).minuteStart + 59_999L <= wm) {
                due.add(bars.remove(0));
            }
            if (!bars.isEmpty()) {
                earliest[0] = Math.min(earliest[0], bars.get(0).minuteStart);
            }
        });
        earliestMinute = earliest[0];
        due.sort(EMIT_ORDER);
        due.forEach(out);
    }

    public long watermark() {
        return watermark;
    }

    /** Puts back a bar from a checkpoint, merged into an open bar of the same instrument and minute if there is one. */
    public void restore(MinuteBar bar) {
        List<MinuteBar> bars = open.computeIfAbsent(bar.token, NO_BARS);
        int i = bars.size();
        while (i > 0 && bars.get(i - 1).minuteStart > bar.minuteStart) {
            i--;
        }
        if (i > 0 && bars.get(i - 1).minuteStart == bar.minuteStart) {
            bars.get(i - 1).merge(bar);
        } else {
            bars.add(i, bar);
            earliestMinute = Math.min(earliestMinute, bar.minuteStart);
        }
    }

    /** Every bar not yet handed on (what a checkpoint keeps). */
    public List<MinuteBar> openBars() {
        List<MinuteBar> all = new ArrayList<>();
        open.forEach((token, bars) -> all.addAll(bars));
        return all;
    }

    /** Forgets every open bar (at the end of a bounded input, when nothing more can be handed on). */
    public void clear() {
        open.clear();
        earliestMinute = Long.MAX_VALUE;
    }
}
