package com.tradesignal.job.signals;

import com.tradesignal.indicators.Ema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmaCrossTest {

    @Test
    void aCrossIsReportedOnTheCandleWhereTheFastEmaPassesTheSlowOneAndNotBeforeBothAreWarm() {
        Ema fast = new Ema(2);
        Ema slow = new Ema(4);
        List<Double> crosses = new ArrayList<>();
        double[] closes = {10, 10, 10, 10, 9, 8, 7, 8, 10, 12, 13, 12, 9, 7};
        for (double c : closes) {
            fast.update(c);
            slow.update(c);
            crosses.add(InstrumentSignalEngine.cross(fast, slow));
        }
        // slow EMA(4) is warm from the 4th close, so the first comparable pair is at the 5th
        assertThat(crosses.subList(0, 4)).allMatch(d -> d.isNaN());
        int up = crosses.indexOf(1.0);
        int down = crosses.indexOf(-1.0);
        assertThat(down).isEqualTo(4);   // 9 < 10: fast dips below slow at once
        assertThat(up).isEqualTo(8);     // 10 after 8: fast rises back above slow
        assertThat(crosses.subList(up + 1, crosses.size())).contains(-1.0);
        assertThat(crosses.stream().filter(d -> d == 0).count()).isPositive();
    }
}
