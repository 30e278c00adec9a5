package com.tradesignal.simulator;

import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketTime;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorOptionsTest {

    @Test
    void theCommandLineSetsPortSpeedDayStartAndReplayFiles() {
        SimulatorOptions o = SimulatorOptions.parse("--port", "8600", "--speed", "60", "--start", "9:14",
                "--date", "2026-11-27", "--replay", "a.csv", "--replay", "b.csv", "--seed", "7");
        assertThat(o.port()).isEqualTo(8600);
        assertThat(o.speed()).isEqualTo(60.0);
        assertThat(o.start()).isEqualTo(LocalTime.of(9, 14));
        assertThat(o.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(o.replay()).containsExactly(Path.of("a.csv"), Path.of("b.csv"));
        assertThat(o.seed()).isEqualTo(7);
        assertThat(o.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void unknownOptionsAndBadValuesAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> SimulatorOptions.parse("--prot", "1")).hasMessageContaining("usage");
        assertThatThrownBy(() -> SimulatorOptions.parse("--speed", "fast")).hasMessageContaining("usage");
        assertThatThrownBy(() -> SimulatorOptions.parse("--port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SimulatorOptions.parse("--speed", "0")).hasMessageContaining("--speed");
    }

    @Test
    void withoutADateAWeekendFallsBackToTheLastSessionDay() {
        long saturdayNoon = MarketTime.at(LocalDate.of(2026, 11, 28), LocalTime.NOON);
        assertThat(SimulatorOptions.defaults().marketDate(MarketCalendar.defaults(), saturdayNoon))
                .isEqualTo(LocalDate.of(2026, 11, 27));
        long fridayNoon = MarketTime.at(LocalDate.of(2026, 11, 27), LocalTime.NOON);
        assertThat(SimulatorOptions.defaults().marketDate(MarketCalendar.defaults(), fridayNoon))
                .isEqualTo(LocalDate.of(2026, 11, 27));
    }
}
