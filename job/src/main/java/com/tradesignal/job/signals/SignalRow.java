package com.tradesignal.job.signals;

import com.tradesignal.candle.Candle;
import com.tradesignal.signals.SignalVote;
import com.tradesignal.signals.Verdict;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One line of {@code signals.jsonl}: a closed candle of one instrument and interval with its indicator values, and
 * for the three underlyings' indices the 13 votes and the verdict.
 */
public final class SignalRow {
    public final Candle candle;
    /** Indexed by {@link NumberKey#ordinal()}; NaN where not warm or not available. */
    public final double[] numbers;
    /** Indexed by {@link TextKey#ordinal()}; null where not available. */
    public final String[] texts;
    /** The 13 votes, only on an underlying's index rows; null otherwise. */
    public List<SignalVote> votes;
    public Verdict verdict;

    public SignalRow(Candle candle) {
        this(candle, emptyNumbers(), new String[TextKey.values().length], null, null);
    }

    public SignalRow(Candle candle, double[] numbers, String[] texts, List<SignalVote> votes, Verdict verdict) {
        this.candle = candle;
        this.numbers = numbers;
        this.texts = texts;
        this.votes = votes;
        this.verdict = verdict;
    }

    private static double[] emptyNumbers() {
        double[] n = new double[NumberKey.values().length];
        Arrays.fill(n, Double.NaN);
        return n;
    }

    public double get(NumberKey key) {
        return numbers[key.ordinal()];
    }

    public SignalRow set(NumberKey key, double value) {
        numbers[key.ordinal()] = value;
        return this;
    }

    public String get(TextKey key) {
        return texts[key.ordinal()];
    }

    public SignalRow set(TextKey key, String value) {
        texts[key.ordinal()] = value;
        return this;
    }

    public SignalRow copy() {
        return new SignalRow(candle, numbers.clone(), texts.clone(), votes, verdict);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignalRow r && candle.equals(r.candle) && Arrays.equals(numbers, r.numbers)
                && Arrays.equals(texts, r.texts) && Objects.equals(votes, r.votes) && Objects.equals(verdict, r.verdict);
    }

    @Override
    public int hashCode() {
        return candle.hashCode();
    }

    @Override
    public String toString() {
        return SignalRowJson.toJson(this);
    }
}
