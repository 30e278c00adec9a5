package com.tradesignal.simulator;

import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketTime;
import com.tradesignal.sim.SimulatedInstrument;
import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Kite's ticks are event-driven, so the simulator spreads a market second's ticks over that second. */
class SimulatedMarketPacingTest {
    private static final long STEP = KiteSimulator.STEP_MS;
    private static final List<SimulatedInstrument> EXTRAS = SimulatedInstrument.synthetic(300);
    private static final Set<Long> GENERATED = EXTRAS.stream().map(SimulatedInstrument::token).collect(Collectors.toSet());

    private static SimulatedMarket market() {
        return new SimulatedMarket(SimulatorFixtures.clockAt(LocalTime.of(9, 15), 1), MarketCalendar.defaults(), 2, 42,
                ReplayedCandles.none(), EXTRAS);
    }

    private static long at(LocalTime time) {
        return SimulatorFixtures.TRADING_DAY.atTime(time).toInstant(MarketTime.IST).toEpochMilli();
    }

    private static List<Tick> generated(List<Tick> ticks) {
        return ticks.stream().filter(t -> GENERATED.contains(t.token)).toList();
    }

    @Test
    void aSecondsTicksGoOutOverThatSecondInSharesNotInOneBurstAtItsStart() {
        SimulatedMarket market = market();
        long start = at(LocalTime.of(10, 0));
        market.advance(start - 1);  // the morning so far goes out at once
        Map<Long, List<Integer>> perStepBySecond = new HashMap<>();
        for (long now = start; now < start + 10_000; now += STEP) {
            List<Tick> step = generated(market.advance(now));
            Map<Long, Integer> bySecond = new HashMap<>();
            for (Tick t : step) {
                assertThat(t.exchangeTime).as("released before its exchange time").isLessThanOrEqualTo(now);
                bySecond.merge(t.exchangeTime - Math.floorMod(t.exchangeTime, 1000L), 1, Integer::sum);
            }
            bySecond.forEach((second, n) -> perStepBySecond.computeIfAbsent(second, s -> new ArrayList<>()).add(n));
        }
        for (long second = start; second < start + 9_000; second += 1000) {
            List<Integer> shares = perStepBySecond.get(second);
            int total = shares.stream().mapToInt(Integer::intValue).sum();
            assertThat(total).as("300 instruments at 2 ticks/s").isGreaterThan(300);
            // 20 steps of 50 ms in the second send a share each, none much more than a twentieth (what is due in the
            // second's last 50 ms goes with the next step, at the start of the next second)
            assertThat(shares).as("second %s", MarketTime.isoIst(second)).hasSizeBetween(20, 21);
            assertThat(shares).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo((int) (total * STEP / 1000 + 2)));
        }
    }

    @Test
    void pacingKeepsTheGeneratedOrderSoAJumpAndSmallStepsSendTheSameTicks() {
        SimulatedMarket stepped = market();
        SimulatedMarket jumped = market();
        long start = at(LocalTime.of(11, 30));
        List<Tick> bySteps = new ArrayList<>(generated(stepped.advance(start)));
        for (long now = start + STEP; now <= start + 5_000; now += STEP) {
            bySteps.addAll(generated(stepped.advance(now)));
        }
        List<Tick> atOnce = generated(jumped.advance(start + 5_000));
        assertThat(bySteps).isNotEmpty().isEqualTo(atOnce);
        // and a tick stamped with the last second is only out once its share of that second has passed
        long lastSecond = start + 5_000;
        assertThat(atOnce.stream().filter(t -> t.exchangeTime >= lastSecond).count())
                .isLessThan(atOnce.stream().filter(t -> t.exchangeTime >= lastSecond - 1000 && t.exchangeTime < lastSecond).count());
    }
}
