package com.tradesignal.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarFileTest {
    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path file = dir.resolve("calendar.json");
        Files.writeString(file, json);
        return file;
    }

    private void assertError(String json, String message) throws Exception {
        Path file = write(json);
        assertThatThrownBy(() -> MarketCalendar.load(file))
                .isInstanceOf(CalendarFormatException.class).hasMessage(message);
    }

    @Test
    void aGoodFileLoadsWithCommentsAndTrailingCommas() throws Exception {
        MarketCalendar c = MarketCalendar.load(write("""
                // my calendar
                {"holidays":[{"date":"2026-01-26","description":"Republic Day"},],
                 "special_sessions":[{"date":"2026-02-01","description":"Union Budget (Sunday)",
                                      "pre_open":"09:00","open":"09:15","close":"15:30"}]}
                """));
        assertThat(c.source()).isEqualTo("calendar.json");
        assertThat(c.isTradingDay(LocalDate.of(2026, 1, 26))).isFalse();
        assertThat(c.sessionOn(LocalDate.of(2026, 2, 1))).contains(SessionHours.REGULAR);
        assertThat(MarketCalendar.load(write("{}")).holidays()).isEmpty();
    }

    @Test
    void badCalendarFilesAreReportedWithFileEntryAndField() throws Exception {
        assertError("""
                {"holidays":[{"date":"2026-01-26"},{"date":"2026-03-03"},{"date":"2026-04-03"},{"date":"2026-13-01"}]}
                """, "calendar.json: holidays[3].date: '2026-13-01' is not a date (yyyy-MM-dd)");
        assertError("{\"holidays\":[{\"date\":\"2026-02-30\"}]}",
                "calendar.json: holidays[0].date: '2026-02-30' is not a date (yyyy-MM-dd)");
        assertError("{\"holidays\":[{\"description\":\"x\"}]}",
                "calendar.json: holidays[0].date: missing (date (yyyy-MM-dd))");
        assertError("{\"holidays\":[{\"date\":20260126}]}",
                "calendar.json: holidays[0].date: 20260126 is not a date (yyyy-MM-dd)");
        assertError("{\"holidays\":[{\"date\":\"2026-01-26\"},{\"date\":\"2026-01-26\"}]}",
                "calendar.json: holidays[1].date: 2026-01-26 is already listed at holidays[0]");
        assertError("{\"holidays\":[{\"dat\":\"2026-01-26\"}]}",
                "calendar.json: holidays[0]: unknown field 'dat' (allowed: date, description)");
        assertError("{\"holiday\":[]}",
                "calendar.json: unknown field 'holiday' (allowed: description, holidays, special_sessions)");
        assertError("{\"holidays\":{}}", "calendar.json: holidays: must be an array");
        assertError("[]", "calendar.json: must be a JSON object with \"holidays\" and \"special_sessions\" arrays");
        assertError("{\"special_sessions\":[{\"date\":\"2025-10-21\",\"pre_open\":\"13:30\",\"open\":\"1:45\",\"close\":\"14:45\"}]}",
                "calendar.json: special_sessions[0].open: '1:45' is not a time (HH:mm, IST)");
        assertError("{\"special_sessions\":[{\"date\":\"2025-10-21\",\"pre_open\":\"13:30\",\"open\":\"13:45\"}]}",
                "calendar.json: special_sessions[0].close: missing (time (HH:mm, IST))");
        assertError("{\"special_sessions\":[{\"date\":\"2025-10-21\",\"pre_open\":\"13:30\",\"open\":\"14:45\",\"close\":\"13:45\"}]}",
                "calendar.json: special_sessions[0]: open 14:45 must be before close 13:45");
        assertError("{\"special_sessions\":[{\"date\":\"2025-10-21\",\"pre_open\":\"14:00\",\"open\":\"13:45\",\"close\":\"14:45\"}]}",
                "calendar.json: special_sessions[0]: pre_open 14:00 must not be after open 13:45");
        assertError("{\"holidays\":[{\"date\":\"2026-01-26\",\"description\":\"x\"}\n  {\"date\":\"2026-03-03\"}]}",
                "calendar.json: not valid JSON at line 2, column 3: Unexpected character ('{' (code 123)): was expecting comma to separate Array entries");
    }

    @Test
    void aMissingFileNamesTheFile() {
        assertThatThrownBy(() -> MarketCalendar.load(dir.resolve("nope.json")))
                .isInstanceOf(CalendarFormatException.class).hasMessageStartingWith("nope.json: cannot read ");
    }

    @Test
    void theBuiltInCalendarHasTheSpecialSessionsAndSaysWhatIsMissing() {
        MarketCalendar c = MarketCalendar.defaults();
        assertThat(c.source()).isEqualTo("tradesignal-calendar.json");
        assertThat(c.specialSessions()).extracting(MarketCalendar.SpecialSession::date).contains(
                LocalDate.of(2021, 2, 24), LocalDate.of(2021, 11, 4), LocalDate.of(2022, 10, 24),
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 10, 21), LocalDate.of(2026, 2, 1));
        assertThat(c.sessionOn(LocalDate.of(2021, 11, 4)))
                .contains(new SessionHours(LocalTime.of(18, 0), LocalTime.of(18, 15), LocalTime.of(19, 15)));
        assertThat(c.description()).contains("2027 holidays are not yet published");
        assertThat(c.isTradingDay(LocalDate.of(2026, 3, 3))).as("Holi 2026").isFalse();
        assertThat(c.isTradingDay(LocalDate.of(2026, 11, 24))).as("Guru Nanak Jayanti 2026").isFalse();
    }
}
