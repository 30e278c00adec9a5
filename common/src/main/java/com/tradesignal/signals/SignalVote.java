package com.tradesignal.signals;

import java.io.Serializable;
import java.util.Objects;

/**
 * One of the 13 signals' vote on a closed candle.
 *
 * @param name   the signal's JSON key, one of {@link SignalEngine#SIGNAL_NAMES}, e.g. {@code ema_trend}
 * @param vote   bullish, bearish or neutral
 * @param reason one line a trader can read, with the numbers behind the vote, e.g.
 *               {@code future close 18,812.5 above VWAP 18,790.2 (+0.12%)}
 */
public record SignalVote(String name, Vote vote, String reason) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SignalVote {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vote, "vote");
        Objects.requireNonNull(reason, "reason");
    }

    public static SignalVote bullish(String name, String reason) {
        return new SignalVote(name, Vote.BULLISH, reason);
    }

    public static SignalVote bearish(String name, String reason) {
        return new SignalVote(name, Vote.BEARISH, reason);
    }

    public static SignalVote neutral(String name, String reason) {
        return new SignalVote(name, Vote.NEUTRAL, reason);
    }
}
