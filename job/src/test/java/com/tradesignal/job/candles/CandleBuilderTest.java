package com.tradesignal.job.candles;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tradesignal.job.candles.CandlePipelineHarness.TOKEN;
import static com.tradesignal.job.candles.CandlePipelineHarness.at;
import static com.tradesignal.job.candles.CandlePipelineHarness.tick;
import static org.assertj.core.api.Assertions.assertThat;

class CandleBuilderTest {
    private static final String DAY = "2022-12-01";
    private static final String NEXT_DAY = "2022-12-02";

    @Test
    void ticksArrivingOutOfOrderWithinTheBoundStillGiveOpenFromTheEarliestAndCloseFromTheLatest() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "09:15:10", 100.0)
                    .tick(DAY, "09:15:01", 99.0)      // earlier than the first tick, within the 2 s bound
                    .tick(DAY, "09:15:59", 101.0)
                    .tick(DAY, "09:16:00", 102.0)     // next minute; watermark now 09:15:57.999
                    .tick(DAY, "09:15:58", 98.5)      // behind the watermark, but its minute is still open
                    .endOfInput();

            Candle first = h.candles(CandleInterval.M1).get(0);
            assertThat(first.start()).isEqualTo(at(DAY, "09:15:00"));
            assertThat(first.open()).isEqualTo(99.0);
            assertThat(first.high()).isEqualTo(101.0);
            assertThat(first.low()).isEqualTo(98.5);
            assertThat(first.close()).isEqualTo(101.0);
            assertThat(first.ticks()).isEqualTo(4);
            assertThat(h.folderOperator.lateTicksDropped()).isZero();
        }
    }

    @Test
    void aTickForAMinuteThatHasClosedIsDroppedAndCounted() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "09:15:30", 100.0)
                    .tick(DAY, "09:16:05", 101.0)     // watermark 09:16:02.999 closes the 09:15 minute
                    .tick(DAY, "09:15:45", 50.0)      // late: its candle is already out
                    .endOfInput();

            Candle first = h.candles(CandleInterval.M1).get(0);
            assertThat(first.low()).isEqualTo(100.0);
            assertThat(first.ticks()).isEqualTo(1);
            assertThat(h.folderOperator.lateTicksDropped()).isEqualTo(1);
        }
    }

    @Test
    void duplicateTicksChangeNeitherPricesNorVolume() throws Exception {
        try (CandlePipelineHarness once = new CandlePipelineHarness();
             CandlePipelineHarness twice = new CandlePipelineHarness()) {
            String[][] ticks = {{"09:15:01", "100", "1000"}, {"09:15:20", "103", "1500"}, {"09:15:40", "97", "2100"},
                    {"09:16:10", "98", "2600"}};
            for (String[] t : ticks) {
                once.tick(DAY, t[0], Double.parseDouble(t[1]), Long.parseLong(t[2]));
                twice.tick(DAY, t[0], Double.parseDouble(t[1]), Long.parseLong(t[2]));
                twice.tick(DAY, t[0], Double.parseDouble(t[1]), Long.parseLong(t[2]));
            }
            once.endOfInput();
            twice.endOfInput();

            assertThat(withoutTickCounts(twice.candles())).isEqualTo(withoutTickCounts(once.candles()));
            assertThat(once.candles(CandleInterval.M1)).extracting(Candle::volume).containsExactly(2100L, 500L);
        }
    }

    @Test
    void aMinuteWithoutTicksMakesNoCandleAndLongerCandlesAreMadeOfTheMinutesThatHadTicks() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "09:15:05", 100.0, 10)
                    .tick(DAY, "09:15:50", 104.0, 20)
                    // no tick in 09:16
                    .tick(DAY, "09:17:10", 102.0, 35)
                    .tick(DAY, "09:18:30", 99.0, 50)
                    .endOfInput();

            assertThat(h.candles(CandleInterval.M1)).extracting(Candle::start)
                    .containsExactly(at(DAY, "09:15"), at(DAY, "09:17"), at(DAY, "09:18"));
            List<Candle> threes = h.candles(CandleInterval.M3);
            assertThat(threes).extracting(Candle::start).containsExactly(at(DAY, "09:15"), at(DAY, "09:18"));
            Candle first = threes.get(0);
            assertThat(List.of(first.open(), first.high(), first.low(), first.close())).containsExactly(100.0, 104.0, 100.0, 102.0);
            assertThat(first.volume()).isEqualTo(35);
            assertThat(threes.get(1).volume()).isEqualTo(15);
        }
    }

    @Test
    void threeMinuteCandlesAreAnchoredAtTheSessionOpen() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            for (String t : new String[]{"09:15:00", "09:17:59", "09:18:00", "09:20:59", "09:21:00", "09:29:59", "09:30:00"}) {
                h.tick(DAY, t, 100.0);
            }
            h.endOfInput();
            assertThat(h.candles(CandleInterval.M3)).extracting(Candle::start).containsExactly(
                    at(DAY, "09:15"), at(DAY, "09:18"), at(DAY, "09:21"), at(DAY, "09:27"), at(DAY, "09:30"));
            assertThat(h.candles(CandleInterval.M5)).extracting(Candle::start).containsExactly(
                    at(DAY, "09:15"), at(DAY, "09:20"), at(DAY, "09:25"), at(DAY, "09:30"));
            assertThat(h.candles(CandleInterval.M15)).extracting(Candle::start).containsExactly(
                    at(DAY, "09:15"), at(DAY, "09:30"));
        }
    }

    @Test
    void theSessionsLastCandlesCloseOnAnotherInstrumentsLaterTickWithoutFurtherTicksOfTheirOwn() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "15:29:30", 100.0);
            assertThat(h.candles()).isEmpty();

            h.tick(tick(999, at(DAY, "15:30:03"), 50.0, 0)); // watermark 15:30:00.999
            assertThat(h.candles()).filteredOn(c -> c.token() == TOKEN).extracting(Candle::interval, Candle::start)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(CandleInterval.M1, at(DAY, "15:29")),
                            org.assertj.core.groups.Tuple.tuple(CandleInterval.M3, at(DAY, "15:27")),
                            org.assertj.core.groups.Tuple.tuple(CandleInterval.M5, at(DAY, "15:25")),
                            org.assertj.core.groups.Tuple.tuple(CandleInterval.M15, at(DAY, "15:15")));
        }
    }

    @Test
    void ticksOutsideTheSessionMakeNoCandleAndAreCounted() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "08:45:00", 100.0).tick(DAY, "15:29:00", 101.0).tick(DAY, "15:31:00", 102.0)
                    .tick(DAY, "15:45:00", 103.0).endOfInput();
            assertThat(h.candles()).extracting(Candle::start).containsOnly(at(DAY, "15:29"), at(DAY, "15:27"),
                    at(DAY, "15:25"), at(DAY, "15:15"));
            assertThat(h.builderFunction.outsideSessionTicks()).isEqualTo(3);
        }
    }

    @Test
    void preOpenTicksAreKeptAsTheOpeningPrintAndStayOutOfTheFirstCandle() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "09:08:12", 18050.0, 7_000)   // the pre-open auction's price and volume
                    .tick(DAY, "09:15:01", 18100.0, 7_300)
                    .tick(DAY, "09:15:40", 18090.0, 7_800)
                    .tick(DAY, "09:16:02", 18095.0, 8_000)
                    .endOfInput();

            List<Candle> ones = h.candles(CandleInterval.M1);
            Candle first = ones.get(0);
            assertThat(first.start()).isEqualTo(at(DAY, "09:15"));
            assertThat(first.open()).isEqualTo(18100.0);
            assertThat(first.low()).isEqualTo(18090.0);
            assertThat(first.volume()).isEqualTo(800);          // 7,800 - 7,000 of the pre-open
            assertThat(first.preOpenPrice()).isEqualTo(18050.0);
            assertThat(ones.get(1).hasPreOpenPrice()).isFalse();
            assertThat(h.candles(CandleInterval.M15).get(0).preOpenPrice()).isEqualTo(18050.0);
        }
    }

    @Test
    void candleVolumeIsTheRiseOfCumulativeVolumeAndNeverNegativeAcrossAReconnectGlitch() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "09:15:10", 100.0, 1_000)
                    .tick(DAY, "09:16:10", 100.0, 4_000)
                    .tick(DAY, "09:17:10", 100.0, 3_900)   // a stale snapshot after a reconnect
                    .tick(DAY, "09:18:10", 100.0, 4_500)
                    .endOfInput();
            assertThat(h.candles(CandleInterval.M1)).extracting(Candle::volume).containsExactly(1_000L, 3_000L, 0L, 500L);
            assertThat(h.candles(CandleInterval.M3)).extracting(Candle::volume).containsExactly(4_000L, 500L);
        }
    }

    @Test
    void aNewDayStartsNewCandlesAndResetsCumulativeVolume() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "15:29:10", 100.0, 9_000_000)
                    .tick(NEXT_DAY, "09:08:30", 120.0, 0)
                    .tick(NEXT_DAY, "09:15:05", 121.0, 400)
                    .tick(NEXT_DAY, "09:15:55", 122.0, 1_000)
                    .endOfInput();

            List<Candle> ones = h.candles(CandleInterval.M1);
            assertThat(ones).extracting(Candle::start).containsExactly(at(DAY, "15:29"), at(NEXT_DAY, "09:15"));
            assertThat(ones.get(1).volume()).isEqualTo(1_000);
            assertThat(ones.get(1).preOpenPrice()).isEqualTo(120.0);
            assertThat(h.candles(CandleInterval.M15)).extracting(Candle::start)
                    .containsExactly(at(DAY, "15:15"), at(NEXT_DAY, "09:15"));
        }
    }

    @Test
    void aFeedThatJoinsMidSessionDoesNotPutTheDaysEarlierVolumeIntoItsFirstCandle() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "11:00:05", 100.0, 2_000_000).tick(DAY, "11:00:50", 100.0, 2_000_300).endOfInput();
            assertThat(h.candles(CandleInterval.M1).get(0).volume()).isEqualTo(300);
        }
    }

    @Test
    void nothingIsLeftInStateOrTimersOnceTheDayIsDone() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(DAY, "09:08:00", 99.0, 0).tick(DAY, "09:15:00", 100.0, 10).tick(DAY, "12:02:00", 101.0, 20)
                    .tick(DAY, "15:29:59", 102.0, 30)
                    .tick(DAY, "15:40:00", 102.0, 40);      // post-close trade; its watermark passes the close
            assertThat(h.instrumentsInState()).isZero();
            assertThat(h.builder.numEventTimeTimers()).isZero();

            // A day that only had a pre-open print is cleaned up too.
            h.tick(NEXT_DAY, "09:08:00", 103.0, 0).watermark(at(NEXT_DAY, "09:10:00"));
            assertThat(h.instrumentsInState()).isEqualTo(1);
            h.watermark(at(NEXT_DAY, "15:30:00"));
            assertThat(h.instrumentsInState()).isZero();
            assertThat(h.builder.numEventTimeTimers()).isZero();
            assertThat(h.folderOperator.openBarCount()).isZero();
        }
    }

    @Test
    void aSnapshotOnRocksDbRestoresMidSessionAndGivesTheSameCandlesAsAnUninterruptedRun() throws Exception {
        String[] times = {"09:15:01", "09:15:30", "09:16:10", "09:17:59", "09:18:00", "09:19:30", "09:22:10", "09:29:59", "09:31:00"};
        List<Candle> uninterrupted;
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            for (int i = 0; i < times.length; i++) h.tick(DAY, times[i], 100 + i, 100L * i);
            h.endOfInput();
            uninterrupted = h.candles();
        }
        List<Candle> resumed;
        try (CandlePipelineHarness first = new CandlePipelineHarness()) {
            for (int i = 0; i < 5; i++) first.tick(DAY, times[i], 100 + i, 100L * i);
            List<Candle> before = first.candles();
            try (CandlePipelineHarness second = first.snapshotAndRestore()) {
                for (int i = 5; i < times.length; i++) second.tick(DAY, times[i], 100 + i, 100L * i);
                second.endOfInput();
                resumed = new java.util.ArrayList<>(before);
                resumed.addAll(second.candles());
            }
        }
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(uninterrupted).hasSizeGreaterThan(8);
    }

    @Test
    void twoPartialBarsOfOneMinuteMergeIntoOneCandle() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            com.tradesignal.job.bars.MinuteBar a = com.tradesignal.job.bars.MinuteBar.of(tick(TOKEN, at(DAY, "09:15:10"), 100, 10));
            com.tradesignal.job.bars.MinuteBar b = com.tradesignal.job.bars.MinuteBar.of(tick(TOKEN, at(DAY, "09:15:02"), 98, 5));
            b.fold(tick(TOKEN, at(DAY, "09:15:50"), 103, 30));
            h.builder.processElement(a, a.minuteStart);
            h.builder.processElement(b, b.minuteStart);
            h.builder.processWatermark(Long.MAX_VALUE);
            Candle c = h.candles(CandleInterval.M1).get(0);
            assertThat(List.of(c.open(), c.high(), c.low(), c.close())).containsExactly(98.0, 103.0, 98.0, 103.0);
            assertThat(c.ticks()).isEqualTo(3);
        }
    }

    @Test
    void candlesCarryOpenInterestAndOrderBookQuantitiesOfTheirLastTick() throws Exception {
        try (CandlePipelineHarness h = new CandlePipelineHarness()) {
            h.tick(com.tradesignal.tick.Tick.builder(TOKEN, at(DAY, "09:15:10"), 100).volume(10).openInterest(5_000)
                            .averagePrice(99.5).buyQuantity(700).sellQuantity(300).build())
                    .tick(com.tradesignal.tick.Tick.builder(TOKEN, at(DAY, "09:16:40"), 101).volume(20).openInterest(5_600)
                            .averagePrice(99.8).buyQuantity(800).sellQuantity(900).build())
                    .endOfInput();
            List<Candle> ones = h.candles(CandleInterval.M1);
            assertThat(ones).extracting(Candle::openInterest).containsExactly(5_000L, 5_600L);
            Candle three = h.candles(CandleInterval.M3).get(0);
            assertThat(three.openInterest()).isEqualTo(5_600);
            assertThat(three.averagePrice()).isEqualTo(99.8);
            assertThat(three.buyQuantity()).isEqualTo(800);
            assertThat(three.sellQuantity()).isEqualTo(900);
        }
    }

    private static List<Candle> withoutTickCounts(List<Candle> candles) {
        return candles.stream().map(c -> new Candle(c.token(), c.symbol(), c.interval(), c.start(), c.open(), c.high(),
                c.low(), c.close(), c.volume(), c.preOpenPrice(), 0, c.openInterest(), c.averagePrice(), c.buyQuantity(),
                c.sellQuantity())).toList();
    }
}
