package com.tradesignal.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each of the 13 rules on both sides of its thresholds, at the boundary, and with missing inputs. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SignalEngineTest {

    private static final double NaN = Double.NaN;

    /** A NIFTY 5m snapshot on which every signal is bullish. */
    static MarketSnapshot.Builder allBullish() {
        return MarketSnapshot.builder()
                .underlying("NIFTY").interval("5m")
                .close(25_250).previousClose(25_230)
                .emas(25_240, 25_220, 25_180, 25_000).previousEmas(25_215, 25_222)
                .rsi14(65)
                .superTrend(25_100, +1)
                .psar(25_150, +1)
                .roc10(0.25)
                .structure(+1, 0, "HH-HL")
                .openingRange(25_200, 25_120)
                .pivots(25_180, 25_300, 25_400, 25_500, 25_100, 25_000, 24_900)
                .nearestSupport(25_180, "PP").nearestResistance(25_300, "R1")
                .candleIntent("bullish engulfing", +1)
                .futureClose(25_320).futureVwap(25_290).futureVwapBand(25_260, 25_310)
                .volume(2.5, true).imbalance(0.3)
                .pcr(1.3)
                .oiBuildUp(OiBuildUp.LONG_BUILDUP, 0.1, 0.5);
    }

    static MarketSnapshot.Builder empty() {
        return MarketSnapshot.builder().underlying("NIFTY").interval("5m");
    }

    @Test
    void evaluate_returns_the_13_signals_in_the_documented_order() {
        List<SignalVote> votes = SignalEngine.evaluate(allBullish().build());
        assertThat(votes).extracting(SignalVote::name).containsExactly("ema_trend", "vwap_position", "supertrend",
                "psar", "rsi", "momentum", "market_structure", "opening_range", "pivots", "candle_intent", "volume",
                "pcr", "oi_buildup");
        assertThat(SignalEngine.SIGNAL_NAMES).containsExactlyElementsOf(votes.stream().map(SignalVote::name).toList());
    }

    @Test
    void a_snapshot_built_to_be_bullish_everywhere_gets_13_bullish_votes() {
        assertThat(SignalEngine.evaluate(allBullish().build()))
                .allSatisfy(v -> assertThat(v.vote()).as(v.name() + ": " + v.reason()).isEqualTo(Vote.BULLISH));
    }

    @Test
    void a_snapshot_with_nothing_available_is_neutral_everywhere_and_says_warming_up() {
        List<SignalVote> votes = SignalEngine.evaluate(empty().build());
        assertThat(votes).hasSize(13).allSatisfy(v -> {
            assertThat(v.vote()).as(v.name()).isEqualTo(Vote.NEUTRAL);
            assertThat(v.reason()).as(v.name()).endsWith("not available yet (warming up)");
        });
    }

    @Nested
    class Ema_trend {
        @Test
        void is_bullish_when_9_above_21_above_50_and_close_above_200_with_the_numbers() {
            SignalVote v = SignalEngine.emaTrend(allBullish().previousEmas(NaN, NaN).build());
            assertThat(v.vote()).isEqualTo(Vote.BULLISH);
            assertThat(v.reason()).isEqualTo("EMA 9 > 21 > 50 (25,240 > 25,220 > 25,180), close 25,250 above EMA 200 25,000");
        }

        @Test
        void is_bullish_on_the_short_stack_while_ema_200_is_still_warming_up() {
            SignalVote v = SignalEngine.emaTrend(allBullish().ema200(NaN).build());
            assertThat(v.vote()).isEqualTo(Vote.BULLISH);
            assertThat(v.reason()).contains("EMA 200 still warming up");
        }

        @Test
        void is_neutral_when_the_stack_is_bullish_but_the_close_is_below_ema_200() {
            SignalVote v = SignalEngine.emaTrend(allBullish().ema200(25_400).build());
            assertThat(v.vote()).isEqualTo(Vote.NEUTRAL);
            assertThat(v.reason()).contains("but close 25,250 below EMA 200 25,400");
        }

        @Test
        void is_bearish_when_9_below_21_below_50_and_close_below_200() {
            SignalVote v = SignalEngine.emaTrend(empty().close(24_800).emas(24_810, 24_850, 24_900, 25_000).build());
            assertThat(v.vote()).isEqualTo(Vote.BEARISH);
            assertThat(v.reason()).isEqualTo(
                    "EMA 9 < 21 < 50 (24,810 < 24,850 < 24,900), close 24,800 below EMA 200 25,000");
        }

        @Test
        void is_neutral_when_the_emas_are_mixed_or_equal() {
            assertThat(SignalEngine.emaTrend(empty().close(25_000).emas(25_010, 24_990, 25_020, NaN).build()).reason())
                    .isEqualTo("EMAs not stacked: 9 25,010, 21 24,990, 50 25,020");
            assertThat(SignalEngine.emaTrend(empty().close(25_000).emas(25_000, 25_000, 24_990, NaN).build()).vote())
                    .isEqualTo(Vote.NEUTRAL);
        }

        @Test
        void mentions_a_fresh_9_21_crossover_only_on_the_candle_it_happens() {
            assertThat(SignalEngine.emaTrend(allBullish().build()).reason())
                    .endsWith("; fresh 9/21 bullish crossover");
            assertThat(SignalEngine.emaTrend(allBullish().previousEmas(25_230, 25_220).build()).reason())
                    .doesNotContain("crossover");
            SignalVote bearishCross = SignalEngine.emaTrend(
                    empty().close(24_800).emas(24_840, 24_850, 24_900, 25_000).previousEmas(24_860, 24_855).build());
            assertThat(bearishCross.vote()).isEqualTo(Vote.BEARISH);
            assertThat(bearishCross.reason()).endsWith("; fresh 9/21 bearish crossover");
        }

        @Test
        void names_the_missing_average_while_warming_up() {
            SignalVote v = SignalEngine.emaTrend(allBullish().ema50(NaN).build());
            assertThat(v).isEqualTo(SignalVote.neutral("ema_trend", "EMA 50 not available yet (warming up)"));
        }
    }

    @Nested
    class Vwap_position {
        @Test
        void is_bullish_when_the_future_closes_above_vwap_with_the_distance_in_percent() {
            SignalVote v = SignalEngine.vwapPosition(empty().futureClose(18_812.5).futureVwap(18_790.2).build());
            assertThat(v.vote()).isEqualTo(Vote.BULLISH);
            assertThat(v.reason()).isEqualTo("future close 18,812.5 above VWAP 18,790.2 (+0.12%)");
        }

        @Test
        void mentions_the_upper_band_when_the_future_closes_above_it() {
            SignalVote v = SignalEngine.vwapPosition(allBullish().build());
            assertThat(v.vote()).isEqualTo(Vote.BULLISH);
            assertThat(v.reason()).isEqualTo("future close 25,320 above VWAP 25,290 (+0.12%), above the +1σ band 25,310");
        }

        @Test
        void is_bearish_below_vwap_and_mentions_the_lower_band() {
            SignalVote v = SignalEngine.vwapPosition(
                    empty().futureClose(25_250).futureVwap(25_290).futureVwapBand(25_260, 25_320).build());
            assertThat(v.vote()).isEqualTo(Vote.BEARISH);
            assertThat(v.reason()).isEqualTo("future close 25,250 below VWAP 25,290 (-0.16%), below the -1σ band 25,260");
        }

        @ParameterizedTest(name = "future close {0} vs VWAP 20,000 is {1}")
        @CsvSource({"20010.2, BULLISH", "20010, NEUTRAL", "20000, NEUTRAL", "19990, NEUTRAL", "19989.8, BEARISH"})
        void is_neutral_within_five_hundredths_of_a_percent_inclusive(double futureClose, Vote expected) {
            SignalVote v = SignalEngine.vwapPosition(empty().futureClose(futureClose).futureVwap(20_000).build());
            assertThat(v.vote()).isEqualTo(expected);
            if (expected == Vote.NEUTRAL) {
                assertThat(v.reason()).contains("at VWAP 20,000").contains("within ±0.05%");
            }
        }

        @Test
        void is_warming_up_without_the_future_vwap() {
            assertThat(SignalEngine.vwapPosition(empty().futureClose(25_000).build()).reason())
                    .isEqualTo("future VWAP not available yet (warming up)");
        }
    }

    @Nested
    class Supertrend_and_psar {
        @Test
        void supertrend_votes_its_direction_with_the_line_and_the_close() {
            assertThat(SignalEngine.superTrend(empty().close(25_250).superTrend(25_100, +1).build()))
                    .isEqualTo(SignalVote.bullish("supertrend", "close 25,250 above SuperTrend 25,100 (uptrend)"));
            assertThat(SignalEngine.superTrend(empty().close(25_050).superTrend(25_100, -1).build()))
                    .isEqualTo(SignalVote.bearish("supertrend", "close 25,050 below SuperTrend 25,100 (downtrend)"));
        }

        @Test
        void supertrend_is_warming_up_without_a_line_or_a_direction() {
            assertThat(SignalEngine.superTrend(empty().close(25_250).superTrend(25_100, 0).build()).reason())
                    .isEqualTo("SuperTrend direction not available yet (warming up)");
            assertThat(SignalEngine.superTrend(empty().close(25_250).superTrend(NaN, +1).build()).reason())
                    .isEqualTo("SuperTrend not available yet (warming up)");
        }

        @Test
        void psar_votes_its_direction_with_the_sar_and_the_close() {
            assertThat(SignalEngine.psar(empty().close(25_250).psar(25_150.45, +1).build()))
                    .isEqualTo(SignalVote.bullish("psar", "PSAR 25,150.45 below close 25,250 (long)"));
            assertThat(SignalEngine.psar(empty().close(25_050).psar(25_150, -1).build()))
                    .isEqualTo(SignalVote.bearish("psar", "PSAR 25,150 above close 25,050 (short)"));
        }

        @Test
        void psar_is_warming_up_without_a_value_or_a_direction() {
            assertThat(SignalEngine.psar(empty().close(25_250).psar(NaN, -1).build()).vote()).isEqualTo(Vote.NEUTRAL);
            assertThat(SignalEngine.psar(empty().close(25_250).psar(25_000, 0).build()).reason())
                    .isEqualTo("PSAR direction not available yet (warming up)");
        }
    }

    @Nested
    class Rsi {
        @ParameterizedTest(name = "RSI {0} is {1}")
        @CsvSource({"75, BULLISH", "70, BULLISH", "60.01, BULLISH", "60, NEUTRAL", "50, NEUTRAL", "40, NEUTRAL",
                "39.99, BEARISH", "30, BEARISH", "25, BEARISH"})
        void is_bullish_above_60_bearish_below_40_and_neutral_from_40_to_60(double rsi, Vote expected) {
            SignalVote v = SignalEngine.rsi(empty().rsi14(rsi).build());
            assertThat(v.vote()).isEqualTo(expected);
            assertThat(v.reason()).startsWith("RSI(14) " + ReasonFormat.number(rsi));
        }

        @Test
        void notes_overbought_above_70_and_oversold_below_30_without_changing_the_vote() {
            assertThat(SignalEngine.rsi(empty().rsi14(72.46).build()))
                    .isEqualTo(SignalVote.bullish("rsi", "RSI(14) 72.46 above 60, overbought above 70 (pullback risk)"));
            assertThat(SignalEngine.rsi(empty().rsi14(70).build()).reason()).isEqualTo("RSI(14) 70 above 60");
            assertThat(SignalEngine.rsi(empty().rsi14(27.1).build()))
                    .isEqualTo(SignalVote.bearish("rsi", "RSI(14) 27.1 below 40, oversold below 30 (bounce risk)"));
            assertThat(SignalEngine.rsi(empty().rsi14(30).build()).reason()).isEqualTo("RSI(14) 30 below 40");
            assertThat(SignalEngine.rsi(empty().rsi14(50).build()).reason())
                    .isEqualTo("RSI(14) 50 in the neutral zone 40-60");
        }

        @Test
        void is_warming_up_when_nan() {
            assertThat(SignalEngine.rsi(empty().build()).reason()).isEqualTo("RSI(14) not available yet (warming up)");
        }
    }

    @Nested
    class Momentum {
        @ParameterizedTest(name = "ROC {0}% is {1}")
        @CsvSource({"0.35, BULLISH", "0.1001, BULLISH", "0.1, NEUTRAL", "0, NEUTRAL", "-0.1, NEUTRAL",
                "-0.1001, BEARISH", "-1.2, BEARISH"})
        void is_bullish_above_plus_a_tenth_of_a_percent_and_bearish_below_minus(double roc, Vote expected) {
            assertThat(SignalEngine.momentum(empty().roc10(roc).build()).vote()).isEqualTo(expected);
        }

        @Test
        void reasons_carry_the_roc_and_the_threshold() {
            assertThat(SignalEngine.momentum(empty().roc10(0.25).build()).reason())
                    .isEqualTo("ROC(10) +0.25% above +0.10%");
            assertThat(SignalEngine.momentum(empty().roc10(-0.4).build()).reason())
                    .isEqualTo("ROC(10) -0.40% below -0.10%");
            assertThat(SignalEngine.momentum(empty().roc10(0.05).build()).reason())
                    .isEqualTo("ROC(10) +0.05% within ±0.1%");
            assertThat(SignalEngine.momentum(empty().build()).reason())
                    .isEqualTo("ROC(10) not available yet (warming up)");
        }
    }

    @Nested
    class Market_structure {
        @Test
        void follows_the_swing_structure_without_a_break() {
            assertThat(SignalEngine.marketStructure(empty().structure(+1, 0, "HH-HL").build()))
                    .isEqualTo(SignalVote.bullish("market_structure",
                            "uptrend structure, higher highs and higher lows (HH-HL)"));
            assertThat(SignalEngine.marketStructure(empty().structure(-1, 0, "LH-LL").build()).vote())
                    .isEqualTo(Vote.BEARISH);
        }

        @Test
        void a_break_of_structure_wins_and_is_called_a_possible_reversal_against_the_trend() {
            assertThat(SignalEngine.marketStructure(empty().structure(-1, +1, "LH-LL").build()))
                    .isEqualTo(SignalVote.bullish("market_structure",
                            "bullish break of structure (LH-LL) against the downtrend: possible reversal"));
            assertThat(SignalEngine.marketStructure(empty().structure(0, -1, null).build()))
                    .isEqualTo(SignalVote.bearish("market_structure", "bearish break of structure"));
        }

        @Test
        void is_neutral_in_a_range_and_warming_up_when_unknown() {
            assertThat(SignalEngine.marketStructure(empty().structure(0, 0, "range").build()))
                    .isEqualTo(SignalVote.neutral("market_structure", "no clear structure (range)"));
            assertThat(SignalEngine.marketStructure(empty().build()).reason())
                    .isEqualTo("market structure not available yet (warming up)");
        }
    }

    @Nested
    class Opening_range {
        @ParameterizedTest(name = "close {0} vs range 25,120-25,200 is {1}")
        @CsvSource({"25200.05, BULLISH", "25200, NEUTRAL", "25160, NEUTRAL", "25120, NEUTRAL", "25119.95, BEARISH"})
        void breaks_out_only_on_a_close_beyond_the_range(double close, Vote expected) {
            assertThat(SignalEngine.openingRange(empty().close(close).openingRange(25_200, 25_120).build()).vote())
                    .isEqualTo(expected);
        }

        @Test
        void reasons_carry_the_level_and_the_distance() {
            assertThat(SignalEngine.openingRange(empty().close(25_250).openingRange(25_200, 25_120).build()).reason())
                    .isEqualTo("close 25,250 above opening-range high 25,200 (+0.20%)");
            assertThat(SignalEngine.openingRange(empty().close(25_069.4).openingRange(25_200, 25_120).build()).reason())
                    .isEqualTo("close 25,069.4 below opening-range low 25,120 (-0.20%)");
            assertThat(SignalEngine.openingRange(empty().close(25_150).openingRange(25_200, 25_120).build()).reason())
                    .isEqualTo("close 25,150 inside opening range 25,120 to 25,200");
        }

        @Test
        void is_warming_up_until_the_range_is_complete() {
            assertThat(SignalEngine.openingRange(empty().close(25_250).build()))
                    .isEqualTo(SignalVote.neutral("opening_range", "opening range not available yet (warming up)"));
        }
    }

    @Nested
    class Pivots {
        private MarketSnapshot.Builder levels(double close) {
            return empty().close(close).pivots(25_180, 25_300, 25_400, 25_500, 25_100, 25_000, 24_900);
        }

        @ParameterizedTest(name = "close {0} with S1 25,100 / PP 25,180 / R1 25,300 is {1}")
        @CsvSource({"25350, NEUTRAL", "25300, NEUTRAL", "25299.95, BULLISH", "25180.05, BULLISH", "25180, NEUTRAL",
                "25179.95, BEARISH", "25100.05, BEARISH", "25100, NEUTRAL", "25050, NEUTRAL"})
        void bullish_between_pp_and_r1_bearish_between_s1_and_pp_neutral_at_pp_and_beyond_r1_or_s1(
                double close, Vote expected) {
            assertThat(SignalEngine.pivots(levels(close).build()).vote()).isEqualTo(expected);
        }

        @Test
        void reasons_name_the_pivot_and_the_nearest_support_and_resistance() {
            SignalVote v = SignalEngine.pivots(allBullish().build());
            assertThat(v.reason()).isEqualTo("close 25,250 above PP 25,180 (+0.28%), room to R1 25,300; "
                    + "nearest support PP 25,180 (-0.28%), resistance R1 25,300 (+0.20%)");
            assertThat(SignalEngine.pivots(levels(25_150).nearestSupport(25_100, "S1").build()).reason())
                    .isEqualTo("close 25,150 below PP 25,180 (-0.12%), room to S1 25,100; nearest support S1 25,100 (-0.20%)");
            assertThat(SignalEngine.pivots(levels(25_320).build()).reason())
                    .isEqualTo("close 25,320 at or above R1 25,300: into resistance");
        }

        @Test
        void are_warming_up_without_the_previous_sessions_levels() {
            assertThat(SignalEngine.pivots(empty().close(25_000).build()).reason())
                    .isEqualTo("pivot levels not available yet (warming up)");
        }
    }

    @Nested
    class Candle_intent {
        @Test
        void votes_the_intents_direction_and_names_it() {
            assertThat(SignalEngine.candleIntent(empty().candleIntent("bullish engulfing", +1).build()))
                    .isEqualTo(SignalVote.bullish("candle_intent", "bullish candle: bullish engulfing"));
            assertThat(SignalEngine.candleIntent(empty().candleIntent("shooting star", -1).build()))
                    .isEqualTo(SignalVote.bearish("candle_intent", "bearish candle: shooting star"));
            assertThat(SignalEngine.candleIntent(empty().candleIntent("doji", 0).build()))
                    .isEqualTo(SignalVote.neutral("candle_intent", "candle without direction: doji"));
        }

        @Test
        void is_warming_up_without_an_intent() {
            assertThat(SignalEngine.candleIntent(empty().build()).reason())
                    .isEqualTo("candle intent not available yet (warming up)");
        }
    }

    @Nested
    class Volume {
        @Test
        void a_spike_votes_the_candles_direction_even_against_the_order_book() {
            SignalVote v = SignalEngine.volume(empty().candleIntent("bearish marubozu", -1).volume(2.43, true)
                    .imbalance(0.4).build());
            assertThat(v).isEqualTo(SignalVote.bearish("volume",
                    "volume spike 2.4x average on a bearish candle, buy/sell imbalance +0.40"));
        }

        @Test
        void a_spike_without_a_candle_intent_uses_close_versus_previous_close() {
            assertThat(SignalEngine.volume(empty().close(25_010).previousClose(25_000).volume(3, true).build()).vote())
                    .isEqualTo(Vote.BULLISH);
            SignalVote flat = SignalEngine.volume(empty().close(25_000).previousClose(25_000).volume(3, true)
                    .imbalance(0.1).build());
            assertThat(flat).isEqualTo(SignalVote.neutral("volume",
                    "volume 3.0x average (spike on a flat candle), buy/sell imbalance +0.10"));
        }

        @ParameterizedTest(name = "imbalance {0} is {1}")
        @CsvSource({"0.35, BULLISH", "0.2001, BULLISH", "0.2, NEUTRAL", "0, NEUTRAL", "-0.2, NEUTRAL",
                "-0.2001, BEARISH", "-0.6, BEARISH"})
        void without_a_spike_the_order_book_imbalance_decides_beyond_0_2(double imbalance, Vote expected) {
            SignalVote v = SignalEngine.volume(empty().candleIntent("hammer", +1).volume(1.1, false)
                    .imbalance(imbalance).build());
            assertThat(v.vote()).isEqualTo(expected);
            assertThat(v.reason()).contains("volume 1.1x average").contains("imbalance " + ReasonFormat.signed(imbalance));
        }

        @Test
        void reasons_say_which_side_outweighs_and_the_volume_average_may_still_be_warming_up() {
            assertThat(SignalEngine.volume(empty().imbalance(-0.35).build())).isEqualTo(SignalVote.bearish("volume",
                    "buy/sell imbalance -0.35 below -0.2 (offers outweigh bids), volume average warming up"));
            assertThat(SignalEngine.volume(empty().volume(1.5, false).imbalance(0.25).build()).reason())
                    .isEqualTo("buy/sell imbalance +0.25 above +0.2 (bids outweigh offers), volume 1.5x average");
        }

        @Test
        void is_warming_up_with_neither_volume_nor_order_book() {
            assertThat(SignalEngine.volume(empty().candleIntent("hammer", +1).build()).reason())
                    .isEqualTo("future volume not available yet (warming up)");
        }
    }

    @Nested
    class Pcr {
        @ParameterizedTest(name = "PCR {0} is {1}")
        @CsvSource({"1.5, BULLISH", "1.2001, BULLISH", "1.2, NEUTRAL", "1.0, NEUTRAL", "0.8, NEUTRAL",
                "0.7999, BEARISH", "0.5, BEARISH"})
        void is_read_contrarian_bullish_above_1_2_and_bearish_below_0_8(double pcr, Vote expected) {
            assertThat(SignalEngine.pcr(empty().pcr(pcr).build()).vote()).isEqualTo(expected);
        }

        @Test
        void reasons_carry_the_ratio_and_say_it_is_contrarian() {
            assertThat(SignalEngine.pcr(empty().pcr(1.346).build()).reason())
                    .isEqualTo("PCR 1.35 above 1.2: put OI outweighs call OI (contrarian bullish)");
            assertThat(SignalEngine.pcr(empty().pcr(0.72).build()).reason())
                    .isEqualTo("PCR 0.72 below 0.8: call OI outweighs put OI (contrarian bearish)");
            assertThat(SignalEngine.pcr(empty().pcr(1).build()).reason()).isEqualTo("PCR 1.00 between 0.8 and 1.2");
            assertThat(SignalEngine.pcr(empty().build()).reason()).isEqualTo("PCR not available yet (warming up)");
        }
    }

    @Nested
    class Oi_buildup {
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({"LONG_BUILDUP, BULLISH", "SHORT_COVERING, BULLISH", "SHORT_BUILDUP, BEARISH",
                "LONG_UNWINDING, BEARISH"})
        void long_build_up_and_short_covering_are_bullish_short_build_up_and_long_unwinding_bearish(
                OiBuildUp buildUp, Vote expected) {
            SignalVote v = SignalEngine.oiBuildUp(empty().oiBuildUp(buildUp).build());
            assertThat(v.vote()).isEqualTo(expected);
            assertThat(v.reason()).isEqualTo(buildUp.label() + ": " + buildUp.meaning());
        }

        @Test
        void reasons_carry_the_price_and_oi_changes_when_known() {
            assertThat(SignalEngine.oiBuildUp(empty().oiBuildUp(OiBuildUp.SHORT_BUILDUP, -0.18, 1.25).build()))
                    .isEqualTo(SignalVote.bearish("oi_buildup", "short build-up: future price -0.18%, OI +1.25%"));
        }

        @Test
        void no_quadrant_with_known_changes_is_neutral_and_no_data_is_warming_up() {
            assertThat(SignalEngine.oiBuildUp(empty().oiBuildUp(null, 0.05, 0.004).build()).reason())
                    .isEqualTo("no OI build-up (future price +0.05%, OI +0.00%; OI moves under 0.01% or a flat price "
                            + "do not count)");
            assertThat(SignalEngine.oiBuildUp(empty().build()).reason())
                    .isEqualTo("future OI build-up not available yet (warming up)");
        }
    }
}
