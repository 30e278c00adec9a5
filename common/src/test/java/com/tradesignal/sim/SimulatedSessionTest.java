package com.tradesignal.sim;

import com.tradesignal.market.MarketTime;
import com.tradesignal.market.SessionHours;
import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.tradesignal.sim.SimulatedInstrument.BANKNIFTY_SIM_FUT_TOKEN;
import static com.tradesignal.sim.SimulatedInstrument.NIFTY_50_TOKEN;
import static com.tradesignal.sim.SimulatedInstrument.NIFTY_BANK_TOKEN;
import static com.tradesignal.sim.SimulatedInstrument.NIFTY_SIM_FUT_TOKEN;
import static com.tradesignal.sim.SimulatedInstrument.SENSEX_SIM_FUT_TOKEN;
import static com.tradesignal.sim.SimulatedInstrument.SENSEX_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

class SimulatedSessionTest {
    private static final LocalDate DAY = LocalDate.of(2026, 8, 18);
    private static final long SEED = 42;
    private static final long PRE_OPEN = MarketTime.at(DAY, LocalTime.of(9, 0));
    private static final long PRINTS_FROM = MarketTime.at(DAY, LocalTime.of(9, 8));
    private static final long OPEN = MarketTime.at(DAY, LocalTime.of(9, 15));
    private static final long CLOSE = MarketTime.at(DAY, LocalTime.of(15, 30));
    private static final Map<Long, Long> INDEX_OF_FUTURE = Map.of(
            NIFTY_SIM_FUT_TOKEN, NIFTY_50_TOKEN, BANKNIFTY_SIM_FUT_TOKEN, NIFTY_BANK_TOKEN,
            SENSEX_SIM_FUT_TOKEN, SENSEX_TOKEN);

    /** One full default session (6 instruments, 2 ticks/s), shared by the tests that only read it. */
    private static List<Tick> day;
    private static Map<Long, List<Tick>> byToken;

    @BeforeAll
    static void generateOneDay() {
        day = new ArrayList<>(300_000);
        SimulatedSession.of(DAY, SEED).forEach(day::add);
        byToken = groupByToken(day);
    }

    @Test
    void theSameSeedGivesIdenticalTicks() {
        Iterator<Tick> again = SimulatedSession.of(DAY, SEED).iterator();
        for (Tick t : day) {
            assertThat(again.hasNext()).isTrue();
            Tick u = again.next();
            if (!t.equals(u)) {
                assertThat(u).as("tick %s", t).isEqualTo(t);
            }
        }
        assertThat(again.hasNext()).isFalse();
    }

    @Test
    void aDifferentSeedGivesDifferentTicks() {
        List<Tick> other = SimulatedSession.of(DAY, SEED + 1).stream().limit(5_000).collect(Collectors.toList());
        assertThat(other).isNotEqualTo(day.subList(0, 5_000));
        double niftyClose = last(byToken.get(NIFTY_50_TOKEN)).lastPrice;
        double otherNiftyClose = SimulatedSession.of(DAY, SEED + 1).stream()
                .filter(t -> t.token == NIFTY_50_TOKEN).reduce((a, b) -> b).orElseThrow().lastPrice;
        assertThat(otherNiftyClose).isNotEqualTo(niftyClose);
    }

    @Test
    void theDefaultSeedIsTheDateSoDifferentDaysDiffer() {
        SimulatedSession a = SimulatedSession.builder(DAY).build();
        SimulatedSession b = SimulatedSession.builder(DAY.plusDays(1)).build();
        assertThat(a.seed()).isEqualTo(DAY.toEpochDay());
        assertThat(a.iterator().next().lastPrice).isNotEqualTo(b.iterator().next().lastPrice);
    }

    @Test
    void ticksAreInTimeOrderOnWholeSecondsAndNoInstrumentGoesBackInTime() {
        long previous = Long.MIN_VALUE;
        Map<Long, Long> previousByToken = new HashMap<>();
        Map<Long, Integer> sameSecondRun = new HashMap<>();
        for (Tick t : day) {
            if (t.exchangeTime % 1000 != 0 || t.exchangeTime < previous) {
                fail("not on whole seconds in time order: " + t + " after " + previous);
            }
            previous = t.exchangeTime;
            Long before = previousByToken.put(t.token, t.exchangeTime);
            if (before != null) {
                if (t.exchangeTime < before) {
                    fail("instrument went back in time: " + t);
                }
                int run = t.exchangeTime == before ? sameSecondRun.merge(t.token, 1, Integer::sum) : 0;
                sameSecondRun.put(t.token, run);
                // At 2 ticks/s an instrument sends at most 3 ticks stamped with one second.
                if (run >= 3) {
                    fail("more than 3 ticks in one second: " + t);
                }
            }
        }
    }

    @Test
    void atOneTickPerSecondEachInstrumentsTimesAreStrictlyIncreasing() {
        SimulatedSession session = SimulatedSession.builder(DAY).seed(SEED).ticksPerSecond(1).build();
        Map<Long, Long> previousByToken = new HashMap<>();
        long previous = Long.MIN_VALUE;
        long count = 0;
        for (Tick t : session) {
            assertThat(t.exchangeTime).isGreaterThanOrEqualTo(previous);
            previous = t.exchangeTime;
            Long before = previousByToken.put(t.token, t.exchangeTime);
            if (before != null) {
                assertThat(t.exchangeTime).as("strictly after the instrument's last tick: %s", t).isGreaterThan(before);
            }
            count++;
        }
        assertThat(count).isEqualTo(6 + 6 * 22_500); // rate 1 means a tick every second
    }

    @Test
    void ticksOfDifferentInstrumentsInterleaveAndShareSeconds() {
        List<Tick> firstSecond = day.stream().filter(t -> t.exchangeTime == OPEN).collect(Collectors.toList());
        assertThat(firstSecond.stream().map(t -> t.token).distinct().count()).isGreaterThan(1);
        // Not grouped by instrument: somewhere the token changes and comes back within one second.
        boolean interleaved = false;
        for (int i = 2; i < day.size() && !interleaved; i++) {
            Tick a = day.get(i - 2);
            Tick b = day.get(i - 1);
            Tick c = day.get(i);
            interleaved = a.exchangeTime == c.exchangeTime && a.token == c.token && b.token != a.token;
        }
        assertThat(interleaved).isTrue();
    }

    @Test
    void sessionTicksAreInsideTheNormalMarketExceptOnePreOpenPrintPerInstrument() {
        for (SimulatedInstrument instrument : SimulatedInstrument.defaults()) {
            List<Tick> ticks = byToken.get(instrument.token());
            List<Tick> beforeOpen = ticks.stream().filter(t -> t.exchangeTime < OPEN).collect(Collectors.toList());
            assertThat(beforeOpen).as(instrument.symbol()).hasSize(1);
            assertThat(beforeOpen.get(0)).isSameAs(ticks.get(0));
            assertThat(beforeOpen.get(0).exchangeTime).isGreaterThanOrEqualTo(PRINTS_FROM).isLessThan(OPEN);
            assertThat(ticks.subList(1, ticks.size()))
                    .allSatisfy(t -> assertThat(t.exchangeTime).isGreaterThanOrEqualTo(OPEN).isLessThan(CLOSE));
        }
        assertThat(day.stream().filter(t -> t.exchangeTime < PRINTS_FROM)).isEmpty();
        assertThat(last(day).exchangeTime).isEqualTo(CLOSE - 1000); // 15:29:59
        assertThat(day.stream().filter(t -> t.exchangeTime == OPEN).count()).isGreaterThan(0);
    }

    @Test
    void futuresPreOpenPrintsCarryVolumeAndIndexPrintsDoNot() {
        for (SimulatedInstrument instrument : SimulatedInstrument.defaults()) {
            Tick print = byToken.get(instrument.token()).get(0);
            if (instrument.isFuture()) {
                assertThat(print.volume).isPositive().isEqualTo(print.lastQuantity);
                assertThat(print.lastTradeTime).isEqualTo(print.exchangeTime);
                assertThat(print.averagePrice).isEqualTo(print.lastPrice);
            } else {
                assertThat(print.volume).isZero();
            }
            assertThat(print.dayOpen).isEqualTo(print.lastPrice);
        }
    }

    @Test
    void cumulativeVolumeStartsAtZeroAndNeverDecreasesInWholeLots() {
        for (SimulatedInstrument instrument : SimulatedInstrument.defaults()) {
            List<Tick> ticks = byToken.get(instrument.token());
            if (!instrument.isFuture()) {
                assertThat(ticks).allSatisfy(t -> assertThat(t.volume).isZero());
                continue;
            }
            // The first tick's volume is its own trade on top of the day's 0.
            assertThat(ticks.get(0).volume).isEqualTo(ticks.get(0).lastQuantity);
            long previous = 0;
            for (Tick t : ticks) {
                assertThat(t.volume).isGreaterThanOrEqualTo(previous);
                assertThat(t.volume % instrument.lotSize()).isZero();
                assertThat(t.lastQuantity % instrument.lotSize()).isZero();
                if (t.volume > previous) {
                    assertThat(t.volume - previous).as("one trade per tick").isEqualTo(t.lastQuantity);
                    assertThat(t.lastTradeTime).isEqualTo(t.exchangeTime);
                }
                previous = t.volume;
            }
            assertThat(previous).as("day volume of %s", instrument.symbol()).isGreaterThan(100_000);
        }
    }

    @Test
    void futuresVolumeFollowsAUShapedIntradayProfile() {
        List<Tick> ticks = byToken.get(NIFTY_SIM_FUT_TOKEN);
        long firstHalfHour = volumeBetween(ticks, LocalTime.of(9, 15), LocalTime.of(9, 45));
        long midday = volumeBetween(ticks, LocalTime.of(12, 0), LocalTime.of(12, 30));
        long lastHalfHour = volumeBetween(ticks, LocalTime.of(15, 0), LocalTime.of(15, 30));
        assertThat(firstHalfHour).isGreaterThan(midday * 3 / 2);
        assertThat(lastHalfHour).isGreaterThan(midday * 5 / 4);
    }

    @Test
    void averagePriceIsTheRunningVwapOfTheSimulatedTrades() {
        for (long token : INDEX_OF_FUTURE.keySet()) {
            double value = 0;
            long previousVolume = 0;
            for (Tick t : byToken.get(token)) {
                value += (t.volume - previousVolume) * t.lastPrice;
                previousVolume = t.volume;
                assertThat(t.averagePrice).isCloseTo(value / t.volume, within(0.0051));
            }
        }
    }

    @Test
    void pricesArePositiveAndOnTheFivePaiseGrid() {
        for (Tick t : day) {
            for (double p : new double[] {t.lastPrice, t.dayOpen, t.dayHigh, t.dayLow, t.dayClose}) {
                if (!(p > 0) || Math.abs(p * 20 - Math.rint(p * 20)) > 1e-6) {
                    fail("price " + p + " is not positive on the 0.05 grid in " + t);
                }
            }
        }
    }

    @Test
    void dayOhlcRunsFromTheFirstPriceWithThePreviousCloseAsClose() {
        for (SimulatedInstrument instrument : SimulatedInstrument.defaults()) {
            List<Tick> ticks = byToken.get(instrument.token());
            double open = ticks.get(0).lastPrice;
            double high = open;
            double low = open;
            for (Tick t : ticks) {
                high = Math.max(high, t.lastPrice);
                low = Math.min(low, t.lastPrice);
                assertThat(t.dayOpen).isEqualTo(open);
                assertThat(t.dayHigh).isEqualTo(high);
                assertThat(t.dayLow).isEqualTo(low);
                assertThat(t.dayClose).isEqualTo(instrument.startPrice());
            }
        }
    }

    @Test
    void indicesCarryNoVolumeOpenInterestAveragePriceOrTradeTime() {
        for (long token : INDEX_OF_FUTURE.values()) {
            assertThat(byToken.get(token)).allSatisfy(t -> {
                assertThat(t.volume).isZero();
                assertThat(t.lastQuantity).isZero();
                assertThat(t.openInterest).isZero();
                assertThat(t.buyQuantity).isZero();
                assertThat(t.sellQuantity).isZero();
                assertThat(t.averagePrice).isNaN();
                assertThat(t.lastTradeTime).isEqualTo(Tick.ABSENT_TIME);
            });
        }
    }

    @Test
    void openInterestIsWholeLotsAndChangesSlowly() {
        for (SimulatedInstrument instrument : SimulatedInstrument.defaults()) {
            if (!instrument.isFuture()) {
                continue;
            }
            List<Tick> ticks = byToken.get(instrument.token());
            long changes = 0;
            for (int i = 1; i < ticks.size(); i++) {
                Tick a = ticks.get(i - 1);
                Tick b = ticks.get(i);
                assertThat(b.openInterest).isPositive();
                assertThat(b.openInterest % instrument.lotSize()).isZero();
                if (a.openInterest != b.openInterest) {
                    changes++;
                    assertThat(MarketTime.minuteStart(b.exchangeTime)).isGreaterThan(MarketTime.minuteStart(a.exchangeTime));
                    assertThat(Math.abs(b.openInterest - a.openInterest) / (double) a.openInterest).isLessThan(0.01);
                }
            }
            assertThat(changes).isBetween(100L, 375L);
            double dayChange = (double) last(ticks).openInterest / ticks.get(0).openInterest - 1;
            assertThat(Math.abs(dayChange)).isLessThan(0.15);
        }
    }

    @Test
    void futuresCarryBuyAndSellQuantitiesInLots() {
        for (long token : INDEX_OF_FUTURE.keySet()) {
            assertThat(byToken.get(token)).allSatisfy(t -> {
                assertThat(t.buyQuantity).isPositive();
                assertThat(t.sellQuantity).isPositive();
            });
        }
    }

    @Test
    void eachFutureStaysWithinASensibleBasisOfItsIndex() {
        Map<Long, Double> lastIndex = new HashMap<>();
        for (Tick t : day) {
            Long index = INDEX_OF_FUTURE.get(t.token);
            if (index == null) {
                lastIndex.put(t.token, t.lastPrice);
            } else if (lastIndex.containsKey(index)) {
                double basis = t.lastPrice / lastIndex.get(index) - 1;
                assertThat(basis).as("basis of %s", t).isBetween(-0.002, 0.01);
            }
        }
    }

    @Test
    void oneMinuteReturnsHaveARealisticStandardDeviation() {
        double nifty = oneMinuteReturnSd(byToken.get(NIFTY_50_TOKEN));
        double bank = oneMinuteReturnSd(byToken.get(NIFTY_BANK_TOKEN));
        assertThat(nifty).isBetween(0.0001, 0.0015);
        assertThat(bank).isBetween(0.0001, 0.0015);
        // Over several days: about NIFTY's real 0.0375%, BANKNIFTY more volatile, and the U shape.
        double sum = 0;
        double bankSum = 0;
        double open = 0;
        double midday = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Map<Long, List<Tick>> ticks = groupByToken(SimulatedSession.builder(DAY).seed(seed).ticksPerSecond(1)
                    .instruments(SimulatedInstrument.defaults().subList(0, 2)).build());
            List<Tick> n = ticks.get(NIFTY_50_TOKEN);
            sum += oneMinuteReturnSd(n);
            bankSum += oneMinuteReturnSd(ticks.get(NIFTY_BANK_TOKEN));
            open += oneMinuteReturnSd(between(n, LocalTime.of(9, 15), LocalTime.of(9, 45)));
            midday += oneMinuteReturnSd(between(n, LocalTime.of(11, 30), LocalTime.of(12, 30)));
        }
        assertThat(sum / 8).isBetween(0.0003, 0.00045);
        assertThat(bankSum / sum).isBetween(1.3, 1.6);
        assertThat(open / midday).isGreaterThan(1.4);
    }

    @Test
    void sensexIsAboutThreePointThreeTimesNiftyAndMovesWithIt() {
        List<Tick> nifty = byToken.get(NIFTY_50_TOKEN);
        List<Tick> sensex = byToken.get(SENSEX_TOKEN);
        assertThat(last(sensex).lastPrice / last(nifty).lastPrice).isBetween(3.1, 3.5);
        double[] n = oneMinuteReturns(nifty);
        double[] s = oneMinuteReturns(sensex);
        assertThat(correlation(n, s)).isGreaterThan(0.85);
        assertThat(correlation(n, oneMinuteReturns(byToken.get(NIFTY_BANK_TOKEN)))).isBetween(0.6, 0.97);
    }

    @Test
    void theDriftMakesTrendsThatTurnAFewTimesADay() {
        // EMA 9 / EMA 21 of one-minute closes cross a few times, not never and not every few minutes.
        List<Double> closes = new ArrayList<>(minuteCloses(between(byToken.get(NIFTY_50_TOKEN), LocalTime.of(9, 15),
                LocalTime.of(15, 30))).values());
        double fast = closes.get(0);
        double slow = closes.get(0);
        int crosses = 0;
        int side = 0;
        for (double c : closes) {
            fast += 2.0 / 10 * (c - fast);
            slow += 2.0 / 22 * (c - slow);
            int now = (int) Math.signum(fast - slow);
            if (now != 0 && side != 0 && now != side) {
                crosses++;
            }
            side = now == 0 ? side : now;
        }
        assertThat(crosses).isBetween(2, 40);
    }

    @Test
    void everyTickCarriesItsSimulatedSymbol() {
        Map<Long, String> symbols = SimulatedInstrument.defaults().stream()
                .collect(Collectors.toMap(SimulatedInstrument::token, SimulatedInstrument::symbol));
        assertThat(day).allSatisfy(t -> assertThat(t.tradingSymbol).isEqualTo(symbols.get(t.token)));
        assertThat(byToken.keySet()).containsExactlyInAnyOrderElementsOf(symbols.keySet());
    }

    @Test
    void aFullSessionAtTwoTicksPerSecondHasAboutTwoTicksPerInstrumentSecond() {
        long expected = 6 * 2 * 22_500;
        assertThat((long) day.size()).isBetween(expected * 99 / 100, expected * 101 / 100);
        assertThat(SimulatedSession.of(DAY, SEED).expectedTickCount()).isEqualTo(expected + 6);
        for (List<Tick> ticks : byToken.values()) {
            assertThat((long) ticks.size()).isBetween(2 * 22_500 * 97 / 100L, 2 * 22_500 * 103 / 100L);
        }
    }

    @Test
    void anInstrumentsTicksDoNotDependOnTheOtherInstruments() {
        List<SimulatedInstrument> onlyNifty = SimulatedInstrument.defaults().subList(0, 1);
        List<Tick> alone = new ArrayList<>();
        SimulatedSession.builder(DAY).seed(SEED).instruments(onlyNifty).build().forEach(alone::add);
        assertThat(alone).isEqualTo(byToken.get(NIFTY_50_TOKEN));
    }

    @Test
    void otherSessionHoursMoveThePreOpenPrintAndTheSession() {
        // A Muhurat-style evening session: pre-open 18:00, trading 18:15-19:15.
        SessionHours evening = new SessionHours(LocalTime.of(18, 0), LocalTime.of(18, 15), LocalTime.of(19, 15));
        List<Tick> ticks = SimulatedSession.builder(DAY).seed(SEED).sessionHours(evening).build().stream()
                .collect(Collectors.toList());
        long prints = MarketTime.at(DAY, LocalTime.of(18, 8));
        long open = MarketTime.at(DAY, LocalTime.of(18, 15));
        long close = MarketTime.at(DAY, LocalTime.of(19, 15));
        assertThat(ticks.stream().filter(t -> t.exchangeTime < open))
                .hasSize(6)
                .allSatisfy(t -> assertThat(t.exchangeTime).isGreaterThanOrEqualTo(prints));
        assertThat(ticks).allSatisfy(t -> assertThat(t.exchangeTime).isLessThan(close));
        assertThat((long) ticks.size()).isBetween(6 * 2 * 3_600 * 97 / 100L, 6 * 2 * 3_600 * 103 / 100L);
    }

    @Test
    void withoutAPreOpenThereIsNoPrintAndFuturesVolumeStartsWithTheFirstTrade() {
        SessionHours noPreOpen = new SessionHours(LocalTime.of(9, 15), LocalTime.of(9, 15), LocalTime.of(10, 0));
        SimulatedSession session = SimulatedSession.builder(DAY).seed(SEED).sessionHours(noPreOpen).build();
        Map<Long, List<Tick>> ticks = groupByToken(session);
        assertThat(ticks.values()).allSatisfy(list -> assertThat(list.get(0).exchangeTime).isGreaterThanOrEqualTo(OPEN));
        Tick first = ticks.get(NIFTY_SIM_FUT_TOKEN).get(0);
        assertThat(first.volume).isPositive().isEqualTo(first.lastQuantity);
        assertThat(session.expectedTickCount()).isEqualTo(6 * 2 * 45 * 60);
    }

    @Test
    void thousandsOfInstrumentsAreGeneratedLazilyInTimeOrder() {
        List<SimulatedInstrument> many = new ArrayList<>(SimulatedInstrument.defaults());
        many.addAll(SimulatedInstrument.synthetic(2_000));
        SimulatedSession session = SimulatedSession.builder(DAY).seed(SEED).instruments(many).build();
        Iterator<Tick> it = session.iterator();
        Map<Long, Integer> seen = new HashMap<>();
        long previous = Long.MIN_VALUE;
        // The pre-open prints and the first ~25 seconds of the normal market; a full day is 90 million ticks.
        for (int i = 0; i < 100_000; i++) {
            Tick t = it.next();
            assertThat(t.exchangeTime).isGreaterThanOrEqualTo(previous);
            assertThat(t.lastPrice).isPositive();
            previous = t.exchangeTime;
            seen.merge(t.token, 1, Integer::sum);
        }
        assertThat(seen).hasSize(2_006);
        assertThat(previous).isGreaterThan(OPEN).isLessThan(OPEN + 60_000);
    }

    @Test
    void theBuilderRejectsBadSettings() {
        SimulatedInstrument nifty = SimulatedInstrument.defaults().get(0);
        assertThatThrownBy(() -> SimulatedSession.builder(DAY).instruments(List.of(nifty, nifty)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate token");
        assertThatThrownBy(() -> SimulatedSession.builder(DAY).instruments(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedSession.builder(DAY).ticksPerSecond(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedSession.builder(DAY).ticksPerSecond(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedSession.builder(DAY).sessionHours(
                new SessionHours(LocalTime.of(9, 0), LocalTime.of(9, 15, 0, 5), LocalTime.of(15, 30))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PRE_OPEN).isLessThan(PRINTS_FROM);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Map<Long, List<Tick>> groupByToken(Iterable<Tick> ticks) {
        Map<Long, List<Tick>> map = new LinkedHashMap<>();
        for (Tick t : ticks) {
            map.computeIfAbsent(t.token, k -> new ArrayList<>()).add(t);
        }
        return map;
    }

    private static Tick last(List<Tick> ticks) {
        return ticks.get(ticks.size() - 1);
    }

    private static List<Tick> between(List<Tick> ticks, LocalTime from, LocalTime to) {
        long a = MarketTime.at(DAY, from);
        long b = MarketTime.at(DAY, to);
        return ticks.stream().filter(t -> t.exchangeTime >= a && t.exchangeTime < b).collect(Collectors.toList());
    }

    private static long volumeBetween(List<Tick> ticks, LocalTime from, LocalTime to) {
        long a = MarketTime.at(DAY, from);
        long b = MarketTime.at(DAY, to);
        long before = 0;
        long atEnd = 0;
        for (Tick t : ticks) {
            if (t.exchangeTime < a) {
                before = t.volume;
            }
            if (t.exchangeTime < b) {
                atEnd = t.volume;
            }
        }
        return atEnd - before;
    }

    /** Last price of each normal-market minute. */
    private static TreeMap<Long, Double> minuteCloses(List<Tick> ticks) {
        TreeMap<Long, Double> closes = new TreeMap<>();
        for (Tick t : ticks) {
            if (t.exchangeTime >= OPEN) {
                closes.put(MarketTime.minuteStart(t.exchangeTime), t.lastPrice);
            }
        }
        return closes;
    }

    private static double[] oneMinuteReturns(List<Tick> ticks) {
        double[] c = minuteCloses(ticks).values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] r = new double[c.length - 1];
        for (int i = 1; i < c.length; i++) {
            r[i - 1] = Math.log(c[i] / c[i - 1]);
        }
        return r;
    }

    private static double oneMinuteReturnSd(List<Tick> ticks) {
        double[] r = oneMinuteReturns(ticks);
        double mean = 0;
        for (double x : r) {
            mean += x / r.length;
        }
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (r.length - 1));
    }

    private static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
