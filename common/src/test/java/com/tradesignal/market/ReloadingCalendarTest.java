package com.tradesignal.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReloadingCalendarTest {
    @TempDir
    Path dir;

    private static final LocalDate MON = LocalDate.of(2026, 3, 9);
    private static final LocalDate TUE = LocalDate.of(2026, 3, 10);
    private long mtime = 1_700_000_000_000L;

    private void write(Path file, String json) throws Exception {
        Files.writeString(file, json);
        mtime += 10_000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
    }

    @Test
    void reloadPicksUpAChangeAndKeepsTheLastGoodOneOnABadEdit() throws Exception {
        Path file = dir.resolve("calendar.json");
        write(file, "{\"holidays\":[{\"date\":\"2026-03-09\"}]}");
        List<String> errors = new ArrayList<>();
        ReloadingCalendar reloading = ReloadingCalendar.open(file, errors::add);
        assertThat(reloading.current().isTradingDay(MON)).isFalse();
        assertThat(reloading.current().isTradingDay(TUE)).isTrue();

        write(file, "{\"holidays\":[{\"date\":\"2026-03-10\"}]}");
        assertThat(reloading.current().isTradingDay(MON)).isTrue();
        assertThat(reloading.current().isTradingDay(TUE)).isFalse();
        assertThat(reloading.lastError()).isEmpty();

        write(file, "{\"holidays\":[{\"date\":\"2026-03-32\"}]}");
        assertThat(reloading.current().isTradingDay(TUE)).as("last good calendar kept").isFalse();
        assertThat(reloading.current().isTradingDay(MON)).isTrue();
        assertThat(reloading.lastError()).contains("calendar.json: holidays[0].date: '2026-03-32' is not a date (yyyy-MM-dd)");
        assertThat(errors).containsExactly(
                "calendar.json: holidays[0].date: '2026-03-32' is not a date (yyyy-MM-dd) (keeping the last good calendar)");

        write(file, "{\"holidays\":[]}");
        assertThat(reloading.current().isTradingDay(TUE)).isTrue();
        assertThat(reloading.lastError()).isEmpty();

        Files.delete(file);
        assertThat(reloading.current().isTradingDay(TUE)).isTrue();
        assertThat(reloading.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("calendar.json: cannot read"));
    }

    @Test
    void aBadFileAtStartFallsBackToTheGivenCalendar() throws Exception {
        Path file = dir.resolve("cal.json");
        write(file, "{oops");
        List<String> errors = new ArrayList<>();
        ReloadingCalendar reloading = ReloadingCalendar.openOrFallback(file, MarketCalendar.defaults(), errors::add);
        assertThat(reloading.current()).isSameAs(MarketCalendar.defaults());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("cal.json: not valid JSON at line 1").endsWith("(using tradesignal-calendar.json)");
    }
}
