package com.tradesignal.signals;

import static com.tradesignal.signals.ReasonFormat.number;
import static com.tradesignal.signals.ReasonFormat.percent;
import static com.tradesignal.signals.ReasonFormat.percentFrom;
import static com.tradesignal.signals.ReasonFormat.price;
import static com.tradesignal.signals.ReasonFormat.ratio;
import static com.tradesignal.signals.ReasonFormat.signed;
import static com.tradesignal.signals.ReasonFormat.times;

import java.util.List;
import java.util.Objects;

/**
 * The 13 signals: small, documented rules that each turn a {@link MarketSnapshot} into a {@link SignalVote}.
 * Stateless; {@link #evaluate} returns the votes in the fixed order of {@link #SIGNAL_NAMES}.
 *
 * <p>General rule: when an input a signal needs is NaN (or an unknown direction/label), the vote is NEUTRAL with the
 * reason {@code "<input> not available yet (warming up)"}: a signal never guesses. The rules and thresholds are
 * written down once more, for traders, in {@code docs/signals-parts/votes.md}; keep the two in step.
 */
public final class SignalEngine {

    public static final String EMA_TREND = "ema_trend";
    public static final String VWAP_POSITION = "vwap_position";
    public static final String SUPERTREND = "supertrend";
    public static final String PSAR = "psar";
    public static final String RSI = "rsi";
    public static final String MOMENTUM = "momentum";
    public static final String MARKET_STRUCTURE = "market_structure";
    public static final String OPENING_RANGE = "opening_range";
    public static final String PIVOTS = "pivots";
    public static final String CANDLE_INTENT = "candle_intent";
    public static final String VOLUME = "volume";
    public static final String PCR = "pcr";
    public static final String OI_BUILDUP = "oi_buildup";

    /** The signals' JSON keys, in output order. */
    public static final List<String> SIGNAL_NAMES = List.of(EMA_TREND, VWAP_POSITION, SUPERTREND, PSAR, RSI, MOMENTUM,
            MARKET_STRUCTURE, OPENING_RANGE, PIVOTS, CANDLE_INTENT, VOLUME, PCR, OI_BUILDUP);

    /** The future's close within ±this percent of its VWAP is "at VWAP" (neutral). */
    public static final double VWAP_NEUTRAL_PERCENT = 0.05;
    /** RSI above this is bullish. */
    public static final double RSI_BULLISH_ABOVE = 60;
    /** RSI below this is bearish. */
    public static final double RSI_BEARISH_BELOW = 40;
    /** RSI above this is noted as overbought (the vote stays bullish). */
    public static final double RSI_OVERBOUGHT_ABOVE = 70;
    /** RSI below this is noted as oversold (the vote stays bearish). */
    public static final double RSI_OVERSOLD_BELOW = 30;
    /** ROC(10) beyond ±this percent is momentum. */
    public static final double ROC_THRESHOLD_PERCENT = 0.1;
    /** Order-book imbalance beyond ±this is one-sided. */
    public static final double IMBALANCE_THRESHOLD = 0.2;
    /** PCR above this is (contrarian) bullish. Folklore threshold. */
    public static final double PCR_BULLISH_ABOVE = 1.2;
    /** PCR below this is (contrarian) bearish. Folklore threshold. */
    public static final double PCR_BEARISH_BELOW = 0.8;

    /** Suffix of every "input missing" reason. */
    public static final String WARMING_UP = " not available yet (warming up)";

    private SignalEngine() {
    }

    /** All 13 votes, in {@link #SIGNAL_NAMES} order. */
    public static List<SignalVote> evaluate(MarketSnapshot s) {
        Objects.requireNonNull(s, "snapshot");
        return List.of(emaTrend(s), vwapPosition(s), superTrend(s), psar(s), rsi(s), momentum(s),
                marketStructure(s), openingRange(s), pivots(s), candleIntent(s), volume(s), pcr(s), oiBuildUp(s));
    }

    /**
     * {@code ema_trend}: BULLISH when EMA 9 &gt; 21 &gt; 50 and, once EMA 200 is warm, the close is above EMA 200;
     * BEARISH when EMA 9 &lt; 21 &lt; 50 and (once warm) the close is below EMA 200; NEUTRAL otherwise. A fresh
     * 9/21 crossover (the sign of EMA 9 − EMA 21 changed since the previous candle) is mentioned in the reason; it
     * does not vote by itself. Needs close, EMA 9, 21 and 50.
     */
    public static SignalVote emaTrend(MarketSnapshot s) {
        String missing = firstMissing("close", s.close(), "EMA 9", s.ema9(), "EMA 21", s.ema21(), "EMA 50", s.ema50());
        if (missing != null) {
            return unavailable(EMA_TREND, missing);
        }
        double e9 = s.ema9();
        double e21 = s.ema21();
        double e50 = s.ema50();
        boolean up = e9 > e21 && e21 > e50;
        boolean down = e9 < e21 && e21 < e50;
        boolean warm200 = !Double.isNaN(s.ema200());
        String crossover = "";
        if (!Double.isNaN(s.previousEma9()) && !Double.isNaN(s.previousEma21())) {
            if (s.previousEma9() <= s.previousEma21() && e9 > e21) {
                crossover = "; fresh 9/21 bullish crossover";
            } else if (s.previousEma9() >= s.previousEma21() && e9 < e21) {
                crossover = "; fresh 9/21 bearish crossover";
            }
        }
        String ema200 = warm200
                ? "close " + price(s.close()) + side(s.close(), s.ema200()) + " EMA 200 " + price(s.ema200())
                : "EMA 200 still warming up";
        if (up) {
            String stack = "EMA 9 > 21 > 50 (" + price(e9) + " > " + price(e21) + " > " + price(e50) + ")";
            if (!warm200 || s.close() > s.ema200()) {
                return SignalVote.bullish(EMA_TREND, stack + ", " + ema200 + crossover);
            }
            return SignalVote.neutral(EMA_TREND, stack + " but " + ema200 + crossover);
        }
        if (down) {
            String stack = "EMA 9 < 21 < 50 (" + price(e9) + " < " + price(e21) + " < " + price(e50) + ")";
            if (!warm200 || s.close() < s.ema200()) {
                return SignalVote.bearish(EMA_TREND, stack + ", " + ema200 + crossover);
            }
            return SignalVote.neutral(EMA_TREND, stack + " but " + ema200 + crossover);
        }
        return SignalVote.neutral(EMA_TREND, "EMAs not stacked: 9 " + price(e9) + ", 21 " + price(e21) + ", 50 "
                + price(e50) + crossover);
    }

    /**
     * {@code vwap_position} (on the near-month future, since the index has no volume): the future's close more than
     * {@value #VWAP_NEUTRAL_PERCENT}% above its session VWAP is BULLISH (noting when it is also above the +1σ band),
     * more than {@value #VWAP_NEUTRAL_PERCENT}% below is BEARISH (noting the −1σ band), within ±0.05% (inclusive)
     * NEUTRAL. Needs future close and VWAP; the band is optional.
     */
    public static SignalVote vwapPosition(MarketSnapshot s) {
        String missing = firstMissing("future close", s.futureClose(), "future VWAP", s.futureVwap());
        if (missing != null) {
            return unavailable(VWAP_POSITION, missing);
        }
        double fc = s.futureClose();
        double vwap = s.futureVwap();
        double dev = percentFrom(vwap, fc);
        String base = "future close " + price(fc);
        if (Math.abs(dev) <= VWAP_NEUTRAL_PERCENT) {
            return SignalVote.neutral(VWAP_POSITION, base + " at VWAP " + price(vwap) + " (" + percent(dev)
                    + ", within ±" + number(VWAP_NEUTRAL_PERCENT) + "%)");
        }
        if (dev > 0) {
            String band = fc > s.futureVwapUpper()
                    ? ", above the +1σ band " + price(s.futureVwapUpper()) : "";
            return SignalVote.bullish(VWAP_POSITION, base + " above VWAP " + price(vwap) + " (" + percent(dev) + ")"
                    + band);
        }
        String band = fc < s.futureVwapLower() ? ", below the -1σ band " + price(s.futureVwapLower()) : "";
        return SignalVote.bearish(VWAP_POSITION, base + " below VWAP " + price(vwap) + " (" + percent(dev) + ")"
                + band);
    }

    /**
     * {@code supertrend}: BULLISH in an uptrend (direction +1, line below price), BEARISH in a downtrend (−1).
     * Needs close, the line and a known direction.
     */
    public static SignalVote superTrend(MarketSnapshot s) {
        String missing = firstMissing("close", s.close(), "SuperTrend", s.superTrend());
        if (missing == null && s.superTrendDirection() == 0) {
            missing = "SuperTrend direction";
        }
        if (missing != null) {
            return unavailable(SUPERTREND, missing);
        }
        String text = "close " + price(s.close()) + side(s.close(), s.superTrend()) + " SuperTrend "
                + price(s.superTrend());
        return s.superTrendDirection() > 0
                ? SignalVote.bullish(SUPERTREND, text + " (uptrend)")
                : SignalVote.bearish(SUPERTREND, text + " (downtrend)");
    }

    /**
     * {@code psar}: BULLISH when Parabolic SAR is long (direction +1, SAR below price), BEARISH when short (−1).
     * Needs close, the SAR value and a known direction.
     */
    public static SignalVote psar(MarketSnapshot s) {
        String missing = firstMissing("close", s.close(), "PSAR", s.psar());
        if (missing == null && s.psarDirection() == 0) {
            missing = "PSAR direction";
        }
        if (missing != null) {
            return unavailable(PSAR, missing);
        }
        String text = "PSAR " + price(s.psar()) + side(s.psar(), s.close()) + " close " + price(s.close());
        return s.psarDirection() > 0
                ? SignalVote.bullish(PSAR, text + " (long)")
                : SignalVote.bearish(PSAR, text + " (short)");
    }

    /**
     * {@code rsi}: RSI(14) &gt; 60 BULLISH, &lt; 40 BEARISH, 40..60 inclusive NEUTRAL. Above 70 the reason adds
     * "overbought" and below 30 "oversold": stretched, but the vote keeps the momentum side.
     */
    public static SignalVote rsi(MarketSnapshot s) {
        if (Double.isNaN(s.rsi14())) {
            return unavailable(RSI, "RSI(14)");
        }
        double r = s.rsi14();
        String text = "RSI(14) " + number(r);
        if (r > RSI_BULLISH_ABOVE) {
            String note = r > RSI_OVERBOUGHT_ABOVE
                    ? ", overbought above " + number(RSI_OVERBOUGHT_ABOVE) + " (pullback risk)" : "";
            return SignalVote.bullish(RSI, text + " above " + number(RSI_BULLISH_ABOVE) + note);
        }
        if (r < RSI_BEARISH_BELOW) {
            String note = r < RSI_OVERSOLD_BELOW
                    ? ", oversold below " + number(RSI_OVERSOLD_BELOW) + " (bounce risk)" : "";
            return SignalVote.bearish(RSI, text + " below " + number(RSI_BEARISH_BELOW) + note);
        }
        return SignalVote.neutral(RSI, text + " in the neutral zone " + number(RSI_BEARISH_BELOW) + "-"
                + number(RSI_BULLISH_ABOVE));
    }

    /** {@code momentum}: ROC(10) &gt; +0.1% BULLISH, &lt; −0.1% BEARISH, within ±0.1% inclusive NEUTRAL. */
    public static SignalVote momentum(MarketSnapshot s) {
        if (Double.isNaN(s.roc10())) {
            return unavailable(MOMENTUM, "ROC(10)");
        }
        double roc = s.roc10();
        String text = "ROC(10) " + percent(roc);
        if (roc > ROC_THRESHOLD_PERCENT) {
            return SignalVote.bullish(MOMENTUM, text + " above " + percent(ROC_THRESHOLD_PERCENT));
        }
        if (roc < -ROC_THRESHOLD_PERCENT) {
            return SignalVote.bearish(MOMENTUM, text + " below " + percent(-ROC_THRESHOLD_PERCENT));
        }
        return SignalVote.neutral(MOMENTUM, text + " within ±" + number(ROC_THRESHOLD_PERCENT) + "%");
    }

    /**
     * {@code market_structure}: a break of structure on this candle votes its way (the newest information, even
     * against the prevailing structure, which the reason then calls a possible reversal); otherwise the swing
     * structure votes (+1 higher highs/lows BULLISH, −1 lower highs/lows BEARISH); with neither, NEUTRAL. Unknown
     * (trend 0, no break, no label) means warming up.
     */
    public static SignalVote marketStructure(MarketSnapshot s) {
        String label = blank(s.structureLabel()) ? "" : " (" + s.structureLabel() + ")";
        if (s.bos() != 0) {
            String dir = s.bos() > 0 ? "bullish" : "bearish";
            String against = s.structureTrend() == -s.bos()
                    ? " against the " + (s.structureTrend() > 0 ? "uptrend" : "downtrend") + ": possible reversal"
                    : "";
            String text = dir + " break of structure" + label + against;
            return new SignalVote(MARKET_STRUCTURE, Vote.ofSign(s.bos()), text);
        }
        if (s.structureTrend() > 0) {
            return SignalVote.bullish(MARKET_STRUCTURE, "uptrend structure, higher highs and higher lows" + label);
        }
        if (s.structureTrend() < 0) {
            return SignalVote.bearish(MARKET_STRUCTURE, "downtrend structure, lower highs and lower lows" + label);
        }
        if (label.isEmpty()) {
            return unavailable(MARKET_STRUCTURE, "market structure");
        }
        return SignalVote.neutral(MARKET_STRUCTURE, "no clear structure" + label);
    }

    /**
     * {@code opening_range}: once the opening range is complete, a candle close above its high is BULLISH, below its
     * low BEARISH (close-based breakout, not a tick cross), inside or on a boundary NEUTRAL. Until the range is
     * complete: warming up.
     */
    public static SignalVote openingRange(MarketSnapshot s) {
        String missing = firstMissing("opening range", s.orbHigh(), "opening range", s.orbLow(), "close", s.close());
        if (missing != null) {
            return unavailable(OPENING_RANGE, missing);
        }
        double c = s.close();
        if (c > s.orbHigh()) {
            return SignalVote.bullish(OPENING_RANGE, "close " + price(c) + " above opening-range high "
                    + price(s.orbHigh()) + " (" + percent(percentFrom(s.orbHigh(), c)) + ")");
        }
        if (c < s.orbLow()) {
            return SignalVote.bearish(OPENING_RANGE, "close " + price(c) + " below opening-range low "
                    + price(s.orbLow()) + " (" + percent(percentFrom(s.orbLow(), c)) + ")");
        }
        return SignalVote.neutral(OPENING_RANGE, "close " + price(c) + " inside opening range " + price(s.orbLow())
                + " to " + price(s.orbHigh()));
    }

    /**
     * {@code pivots} (floor pivots of the previous session): close above PP and below R1 BULLISH (above the pivot
     * with room to R1), below PP and above S1 BEARISH, exactly at PP NEUTRAL, at or beyond R1/S1 NEUTRAL (into
     * resistance/support: floor pivots treat R1/S1 as turning zones; breakouts are left to the trend signals so they
     * are not counted twice). The nearest support and resistance, when given, are named in the reason. Needs close,
     * PP, R1 and S1.
     */
    public static SignalVote pivots(MarketSnapshot s) {
        String missing = firstMissing("close", s.close(), "pivot levels", s.pp(), "pivot levels", s.r1(),
                "pivot levels", s.s1());
        if (missing != null) {
            return unavailable(PIVOTS, missing);
        }
        double c = s.close();
        String near = nearestLevels(s);
        String vsPp = "close " + price(c) + side(c, s.pp()) + " PP " + price(s.pp()) + " ("
                + percent(percentFrom(s.pp(), c)) + ")";
        if (c >= s.r1()) {
            return SignalVote.neutral(PIVOTS, "close " + price(c) + " at or above R1 " + price(s.r1())
                    + ": into resistance" + near);
        }
        if (c <= s.s1()) {
            return SignalVote.neutral(PIVOTS, "close " + price(c) + " at or below S1 " + price(s.s1())
                    + ": into support" + near);
        }
        if (c > s.pp()) {
            return SignalVote.bullish(PIVOTS, vsPp + ", room to R1 " + price(s.r1()) + near);
        }
        if (c < s.pp()) {
            return SignalVote.bearish(PIVOTS, vsPp + ", room to S1 " + price(s.s1()) + near);
        }
        return SignalVote.neutral(PIVOTS, vsPp + near);
    }

    private static String nearestLevels(MarketSnapshot s) {
        StringBuilder b = new StringBuilder();
        if (!Double.isNaN(s.nearestSupport())) {
            b.append("; nearest support ").append(levelName(s.nearestSupportName())).append(price(s.nearestSupport()))
                    .append(" (").append(percent(percentFrom(s.close(), s.nearestSupport()))).append(')');
        }
        if (!Double.isNaN(s.nearestResistance())) {
            b.append(b.length() == 0 ? "; nearest resistance " : ", resistance ")
                    .append(levelName(s.nearestResistanceName())).append(price(s.nearestResistance()))
                    .append(" (").append(percent(percentFrom(s.close(), s.nearestResistance()))).append(')');
        }
        return b.toString();
    }

    private static String levelName(String name) {
        return blank(name) ? "" : name + " ";
    }

    /** {@code candle_intent}: the candle intent's direction (+1 BULLISH, −1 BEARISH, 0 NEUTRAL). */
    public static SignalVote candleIntent(MarketSnapshot s) {
        int dir = s.candleDirection();
        if (dir == 0 && blank(s.candleIntent())) {
            return unavailable(CANDLE_INTENT, "candle intent");
        }
        String name = blank(s.candleIntent()) ? "" : ": " + s.candleIntent();
        if (dir > 0) {
            return SignalVote.bullish(CANDLE_INTENT, "bullish candle" + name);
        }
        if (dir < 0) {
            return SignalVote.bearish(CANDLE_INTENT, "bearish candle" + name);
        }
        return SignalVote.neutral(CANDLE_INTENT, "candle without direction" + name);
    }

    /**
     * {@code volume} (the near-month future's volume and order book): a volume spike (ratio ≥
     * {@value VolumeAnalysis#SPIKE_RATIO}) on a directional candle votes the candle's direction (the candle intent's,
     * else close vs previous close). Otherwise the order-book imbalance decides: &gt; +0.2 BULLISH,
     * &lt; −0.2 BEARISH, within ±0.2 inclusive NEUTRAL. Executed volume beats resting orders, so a spike wins over an
     * opposite imbalance. Needs the volume ratio or the imbalance.
     */
    public static SignalVote volume(MarketSnapshot s) {
        boolean haveRatio = !Double.isNaN(s.volumeRatio());
        boolean haveImbalance = !Double.isNaN(s.imbalance());
        if (!haveRatio && !haveImbalance) {
            return unavailable(VOLUME, "future volume");
        }
        String volume = haveRatio ? "volume " + times(s.volumeRatio()) + " average" : "volume average warming up";
        String book = haveImbalance ? "buy/sell imbalance " + signed(s.imbalance()) : "order book n/a";
        int dir = candleDirection(s);
        if (s.volumeSpike() && dir != 0) {
            String text = "volume spike " + (haveRatio ? times(s.volumeRatio()) + " average " : "")
                    + "on a " + (dir > 0 ? "bullish" : "bearish") + " candle, " + book;
            return dir > 0 ? SignalVote.bullish(VOLUME, text) : SignalVote.bearish(VOLUME, text);
        }
        if (haveImbalance && s.imbalance() > IMBALANCE_THRESHOLD) {
            return SignalVote.bullish(VOLUME, book + " above +" + number(IMBALANCE_THRESHOLD)
                    + " (bids outweigh offers), " + volume);
        }
        if (haveImbalance && s.imbalance() < -IMBALANCE_THRESHOLD) {
            return SignalVote.bearish(VOLUME, book + " below -" + number(IMBALANCE_THRESHOLD)
                    + " (offers outweigh bids), " + volume);
        }
        String spike = s.volumeSpike() ? " (spike on a flat candle)" : "";
        return SignalVote.neutral(VOLUME, volume + spike + ", " + book);
    }

    private static int candleDirection(MarketSnapshot s) {
        if (s.candleDirection() != 0) {
            return s.candleDirection();
        }
        if (Double.isNaN(s.close()) || Double.isNaN(s.previousClose())) {
            return 0;
        }
        return Double.compare(s.close(), s.previousClose()) > 0 ? 1 : s.close() < s.previousClose() ? -1 : 0;
    }

    /**
     * {@code pcr}, read contrarian as Indian option traders do (put writers are usually the informed side, so heavy
     * put OI is support): PCR &gt; 1.2 BULLISH, &lt; 0.8 BEARISH, 0.8..1.2 inclusive NEUTRAL. The thresholds are
     * folklore, not a standard (some use 0.7/1.3).
     */
    public static SignalVote pcr(MarketSnapshot s) {
        if (Double.isNaN(s.pcr())) {
            return unavailable(PCR, "PCR");
        }
        double p = s.pcr();
        String text = "PCR " + ratio(p);
        if (p > PCR_BULLISH_ABOVE) {
            return SignalVote.bullish(PCR, text + " above " + number(PCR_BULLISH_ABOVE)
                    + ": put OI outweighs call OI (contrarian bullish)");
        }
        if (p < PCR_BEARISH_BELOW) {
            return SignalVote.bearish(PCR, text + " below " + number(PCR_BEARISH_BELOW)
                    + ": call OI outweighs put OI (contrarian bearish)");
        }
        return SignalVote.neutral(PCR, text + " between " + number(PCR_BEARISH_BELOW) + " and "
                + number(PCR_BULLISH_ABOVE));
    }

    /**
     * {@code oi_buildup} (the near-month future): long build-up and short covering BULLISH, short build-up and long
     * unwinding BEARISH. No classification (flat price or OI change below {@value OiBuildUp#MIN_OI_CHANGE_PERCENT}%)
     * is NEUTRAL; no OI data at all is warming up.
     */
    public static SignalVote oiBuildUp(MarketSnapshot s) {
        OiBuildUp b = s.oiBuildUp();
        boolean haveChanges = !Double.isNaN(s.futurePriceChangePercent()) && !Double.isNaN(s.oiChangePercent());
        String changes = haveChanges
                ? "future price " + percent(s.futurePriceChangePercent()) + ", OI " + percent(s.oiChangePercent())
                : null;
        if (b == null) {
            if (!haveChanges) {
                return unavailable(OI_BUILDUP, "future OI build-up");
            }
            return SignalVote.neutral(OI_BUILDUP, "no OI build-up (" + changes + "; OI moves under "
                    + number(OiBuildUp.MIN_OI_CHANGE_PERCENT) + "% or a flat price do not count)");
        }
        String text = b.label() + ": " + (changes != null ? changes : b.meaning());
        return new SignalVote(OI_BUILDUP, b.vote(), text);
    }

    // --- helpers

    private static SignalVote unavailable(String signal, String what) {
        return SignalVote.neutral(signal, what + WARMING_UP);
    }

    /** The label of the first NaN value among (label, value) pairs, or null when all are numbers. */
    private static String firstMissing(Object... labelsAndValues) {
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            if (Double.isNaN((Double) labelsAndValues[i + 1])) {
                return (String) labelsAndValues[i];
            }
        }
        return null;
    }

    /** " above", " below" or " at": where {@code a} is relative to {@code b}. */
    private static String side(double a, double b) {
        return a > b ? " above" : a < b ? " below" : " at";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
