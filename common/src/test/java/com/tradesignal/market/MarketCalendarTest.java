package com.tradesignal.market;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class MarketCalendarTest {
    private final MarketCalendar cal = MarketCalendar.defaults();

    private static long at(String date, String time) {
        return MarketTime.at(LocalDate.parse(date), LocalTime.parse(time));
    }

    private static Instant instant(String date, String time) {
        return Instant.ofEpochMilli(at(date, time));
    }

    @Test
    void aHolidayIsClosed() {
        LocalDate republicDay = LocalDate.of(2026, 1, 26); // a Monday
        assertThat(cal.isTradingDay(republicDay)).isFalse();
        assertThat(cal.sessionOn(republicDay)).isEmpty();
        assertThat(cal.phaseAt(at("2026-01-26", "10:00"))).isEqualTo(MarketPhase.CLOSED_HOLIDAY);
        assertThat(cal.holidayOn(republicDay)).get().extracting(MarketCalendar.Holiday::description).isEqualTo("Republic Day");
    }

    @Test
    void aWeekendIsClosed() {
        assertThat(cal.isTradingDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(cal.phaseAt(at("2026-03-08", "10:00"))).isEqualTo(MarketPhase.CLOSED_WEEKEND);
        assertThat(cal.sessionOn(LocalDate.of(2026, 3, 9))).contains(SessionHours.REGULAR);
    }

    @Test
    void theBudgetSundayIsOpenWithRegularHours() {
        assertThat(cal.sessionOn(LocalDate.of(2026, 2, 1))).contains(SessionHours.REGULAR);
        assertThat(cal.sessionOn(LocalDate.of(2025, 2, 1))).contains(SessionHours.REGULAR);
        assertThat(cal.phaseAt(at("2026-02-01", "10:00"))).isEqualTo(MarketPhase.OPEN);
        assertThat(cal.nextTradingDay(LocalDate.of(2026, 1, 30))).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(cal.previousTradingDay(LocalDate.of(2026, 2, 2))).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(cal.previousTradingDay(LocalDate.of(2026, 2, 1))).isEqualTo(LocalDate.of(2026, 1, 30));
    }

    @Test
    void muhurat2025HasItsOwnHoursAndPhases() {
        assertThat(cal.sessionOn(LocalDate.of(2025, 10, 21)))
                .contains(new SessionHours(LocalTime.of(13, 30), LocalTime.of(13, 45), LocalTime.of(14, 45)));
        assertThat(cal.phaseAt(at("2025-10-21", "10:00"))).isEqualTo(MarketPhase.BEFORE_PRE_OPEN);
        assertThat(cal.phaseAt(at("2025-10-21", "13:29"))).isEqualTo(MarketPhase.BEFORE_PRE_OPEN);
        assertThat(cal.phaseAt(at("2025-10-21", "13:30"))).isEqualTo(MarketPhase.PRE_OPEN);
        assertThat(cal.phaseAt(at("2025-10-21", "13:45"))).isEqualTo(MarketPhase.OPEN);
        assertThat(cal.phaseAt(at("2025-10-21", "14:44"))).isEqualTo(MarketPhase.OPEN);
        assertThat(cal.phaseAt(at("2025-10-21", "14:45"))).isEqualTo(MarketPhase.POST_CLOSE);
        assertThat(cal.nextOpen(at("2025-10-21", "09:15"))).isEqualTo(instant("2025-10-21", "13:45"));
        assertThat(cal.nextClose(at("2025-10-21", "14:00"))).isEqualTo(instant("2025-10-21", "14:45"));
    }

    @Test
    void the2021_02_24OutageDayClosesAt1700() {
        assertThat(cal.sessionOn(LocalDate.of(2021, 2, 24)))
                .contains(new SessionHours(LocalTime.of(9, 0), LocalTime.of(9, 15), LocalTime.of(17, 0)));
        assertThat(cal.phaseAt(at("2021-02-24", "16:59"))).isEqualTo(MarketPhase.OPEN);
        assertThat(cal.phaseAt(at("2021-02-24", "17:00"))).isEqualTo(MarketPhase.POST_CLOSE);
        assertThat(cal.nextClose(at("2021-02-24", "15:30"))).isEqualTo(instant("2021-02-24", "17:00"));
    }

    @Test
    void phaseAndCountdownAround0900_0915_1530() {
        // Tuesday 2026-03-10, a regular day
        assertThat(cal.phaseAt(at("2026-03-10", "08:59:59.999"))).isEqualTo(MarketPhase.BEFORE_PRE_OPEN);
        assertThat(cal.phaseAt(at("2026-03-10", "09:00"))).isEqualTo(MarketPhase.PRE_OPEN);
        assertThat(cal.phaseAt(at("2026-03-10", "09:14:59.999"))).isEqualTo(MarketPhase.PRE_OPEN);
        assertThat(cal.phaseAt(at("2026-03-10", "09:15"))).isEqualTo(MarketPhase.OPEN);
        assertThat(cal.phaseAt(at("2026-03-10", "15:29:59.999"))).isEqualTo(MarketPhase.OPEN);
        assertThat(cal.phaseAt(at("2026-03-10", "15:30"))).isEqualTo(MarketPhase.POST_CLOSE);

        assertThat(cal.nextOpen(at("2026-03-10", "09:00"))).isEqualTo(instant("2026-03-10", "09:15"));
        assertThat(cal.nextOpen(at("2026-03-10", "09:14:59.999"))).isEqualTo(instant("2026-03-10", "09:15"));
        assertThat(cal.nextOpen(at("2026-03-10", "09:15"))).isEqualTo(instant("2026-03-11", "09:15"));
        assertThat(cal.nextClose(at("2026-03-10", "09:00"))).isEqualTo(instant("2026-03-10", "15:30"));
        assertThat(cal.nextClose(at("2026-03-10", "15:29"))).isEqualTo(instant("2026-03-10", "15:30"));
        assertThat(cal.nextClose(at("2026-03-10", "15:30"))).isEqualTo(instant("2026-03-11", "15:30"));
        // Friday close -> Monday open; over a holiday (Fri 2026-04-03 Good Friday) -> Monday
        assertThat(cal.nextOpen(at("2026-03-13", "15:30"))).isEqualTo(instant("2026-03-16", "09:15"));
        assertThat(cal.nextOpen(at("2026-04-02", "15:30"))).isEqualTo(instant("2026-04-06", "09:15"));
        // the IST date boundary: 00:00 IST is 18:30 UTC the day before
        assertThat(cal.phaseAt(at("2026-03-14", "00:00"))).isEqualTo(MarketPhase.CLOSED_WEEKEND);
        assertThat(cal.phaseAt(at("2026-03-13", "23:59:59.999"))).isEqualTo(MarketPhase.POST_CLOSE);
    }

    @Test
    void aSpecialSessionOverridesAListedHolidayAndWeekdaysTradeWithoutAFile() {
        MarketCalendar c = MarketCalendar.of(
                java.util.List.of(new MarketCalendar.Holiday(LocalDate.of(2025, 10, 21), "Diwali")),
                java.util.List.of(new MarketCalendar.SpecialSession(LocalDate.of(2025, 10, 21), "Muhurat",
                        new SessionHours(LocalTime.of(13, 30), LocalTime.of(13, 45), LocalTime.of(14, 45)))));
        assertThat(c.sessionOn(LocalDate.of(2025, 10, 21))).get().extracting(SessionHours::open).isEqualTo(LocalTime.of(13, 45));
        assertThat(MarketCalendar.weekdaysOnly().isTradingDay(LocalDate.of(2026, 1, 26))).isTrue();
    }

    @Test
    void theCalendarSurvivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(cal);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            MarketCalendar copy = (MarketCalendar) in.readObject();
            assertThat(copy).isEqualTo(cal);
            assertThat(copy.sessionOn(LocalDate.of(2025, 10, 21))).isEqualTo(cal.sessionOn(LocalDate.of(2025, 10, 21)));
        }
    }
}
