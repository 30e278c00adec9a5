package com.tradesignal.signals;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The tally of the signal votes on one candle and what it adds up to.
 *
 * <ul>
 *   <li><b>direction</b>: the side with more votes, if it has at least {@value #MIN_VOTES} votes and leads the other
 *       side by at least {@value #MIN_LEAD}; otherwise NEUTRAL. Neutral votes never win.</li>
 *   <li><b>confidence</b>: for a bullish or bearish verdict {@code (winner − loser) / total}, the net share of all
 *       signals that agree with the direction, rounded to 2 decimals: 9 bullish, 2 bearish, 2 neutral of 13 ⇒
 *       (9 − 2)/13 = 0.54; all 13 bullish ⇒ 1.0. Neutral votes dilute it, opposing votes cancel supporting ones.
 *       A NEUTRAL verdict has no direction to be confident in: 0.</li>
 *   <li><b>summary</b>: {@code "9 of 13 bullish"}, or for no verdict
 *       {@code "no clear direction: 4 bullish, 3 bearish, 6 neutral of 13"}.</li>
 * </ul>
 *
 * @param bullish    bullish votes
 * @param bearish    bearish votes
 * @param neutral    neutral votes (including signals still warming up)
 * @param direction  the verdict
 * @param confidence 0..1, see above
 * @param summary    one line for people
 */
public record Verdict(int bullish, int bearish, int neutral, Vote direction, double confidence, String summary)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The winning side needs at least this many votes. */
    public static final int MIN_VOTES = 5;
    /** The winning side must lead the other by at least this many votes. */
    public static final int MIN_LEAD = 2;

    public Verdict {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(summary, "summary");
        if (bullish < 0 || bearish < 0 || neutral < 0) {
            throw new IllegalArgumentException("vote counts must not be negative");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
        }
    }

    /** Tallies the votes (normally the 13 of {@link SignalEngine#evaluate}). */
    public static Verdict of(List<SignalVote> votes) {
        Objects.requireNonNull(votes, "votes");
        int bullish = 0;
        int bearish = 0;
        int neutral = 0;
        for (SignalVote v : votes) {
            switch (v.vote()) {
                case BULLISH -> bullish++;
                case BEARISH -> bearish++;
                default -> neutral++;
            }
        }
        return of(bullish, bearish, neutral);
    }

    /** The verdict for these counts. */
    public static Verdict of(int bullish, int bearish, int neutral) {
        int total = bullish + bearish + neutral;
        Vote direction = Vote.NEUTRAL;
        if (bullish >= MIN_VOTES && bullish - bearish >= MIN_LEAD) {
            direction = Vote.BULLISH;
        } else if (bearish >= MIN_VOTES && bearish - bullish >= MIN_LEAD) {
            direction = Vote.BEARISH;
        }
        double confidence = 0;
        String summary;
        if (direction == Vote.NEUTRAL) {
            summary = "no clear direction: " + bullish + " bullish, " + bearish + " bearish, " + neutral
                    + " neutral of " + total;
        } else {
            int winner = Math.max(bullish, bearish);
            int loser = Math.min(bullish, bearish);
            confidence = Math.round(100.0 * (winner - loser) / total) / 100.0;
            summary = winner + " of " + total + " " + direction.label();
        }
        return new Verdict(bullish, bearish, neutral, direction, confidence, summary);
    }

    /** All votes counted. */
    public int total() {
        return bullish + bearish + neutral;
    }
}
