package com.tradesignal.market;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class FeedScheduleTest {
    private final FeedSchedule schedule = FeedSchedule.of(MarketCalendar.defaults());

    private static long at(String date, String time) {
        return MarketTime.at(LocalDate.parse(date), LocalTime.parse(time));
    }

    @Test
    void connectsFrom0855AndDisconnectsAt1535() {
        assertThat(schedule.shouldBeConnected(at("2026-03-10", "08:54"))).isFalse();
        assertThat(schedule.shouldBeConnected(at("2026-03-10", "08:54:59.999"))).isFalse();
        assertThat(schedule.shouldBeConnected(at("2026-03-10", "08:55"))).isTrue();
        assertThat(schedule.shouldBeConnected(at("2026-03-10", "15:34"))).isTrue();
        assertThat(schedule.shouldBeConnected(at("2026-03-10", "15:35"))).isFalse();
        assertThat(schedule.nextConnectAt(at("2026-03-10", "08:54"))).isEqualTo(at("2026-03-10", "08:55"));
        assertThat(schedule.nextDisconnectAt(at("2026-03-10", "08:54"))).isEqualTo(at("2026-03-10", "15:35"));
        assertThat(schedule.nextConnectAt(at("2026-03-10", "15:35"))).isEqualTo(at("2026-03-11", "08:55"));
    }

    @Test
    void aRestartInMidSessionIsConnected() {
        long restart = at("2026-03-10", "12:07:31");
        assertThat(schedule.shouldBeConnected(restart)).isTrue();
        assertThat(schedule.nextDisconnectAt(restart)).isEqualTo(at("2026-03-10", "15:35"));
        assertThat(schedule.nextConnectAt(restart)).isEqualTo(at("2026-03-11", "08:55"));
    }

    @Test
    void aHolidayIsNeverConnected() {
        for (long t = at("2026-01-26", "00:00"); t < at("2026-01-27", "00:00"); t += 60_000) {
            assertThat(schedule.shouldBeConnected(t)).as(MarketTime.isoIst(t)).isFalse();
        }
        // Friday after the close -> Monday 08:55 (the weekend is skipped)
        assertThat(schedule.nextConnectAt(at("2026-03-13", "16:00"))).isEqualTo(at("2026-03-16", "08:55"));
        assertThat(schedule.nextConnectAt(at("2026-01-23", "16:00"))).isEqualTo(at("2026-01-27", "08:55"));
    }

    @Test
    void aSpecialSessionConnects20MinutesBeforePreOpenUntil5MinutesAfterClose() {
        assertThat(schedule.shouldBeConnected(at("2025-10-21", "09:00"))).isFalse();
        assertThat(schedule.shouldBeConnected(at("2025-10-21", "13:09"))).isFalse();
        assertThat(schedule.shouldBeConnected(at("2025-10-21", "13:10"))).isTrue();
        assertThat(schedule.shouldBeConnected(at("2025-10-21", "14:49"))).isTrue();
        assertThat(schedule.shouldBeConnected(at("2025-10-21", "14:50"))).isFalse();
        assertThat(schedule.nextConnectAt(at("2025-10-20", "20:00"))).isEqualTo(at("2025-10-21", "13:10"));
        assertThat(schedule.nextDisconnectAt(at("2021-02-24", "15:40"))).isEqualTo(at("2021-02-24", "17:05"));
        // the Budget Sunday has regular hours, so the configured 08:55-15:35
        assertThat(schedule.shouldBeConnected(at("2026-02-01", "08:55"))).isTrue();
        assertThat(schedule.shouldBeConnected(at("2026-02-01", "15:35"))).isFalse();
    }

    @Test
    void connectTimesAndMarginsAreConfigurable() {
        FeedSchedule s = schedule.withConnectTimes(LocalTime.of(8, 30), LocalTime.of(16, 0))
                .withSpecialSessionMargins(Duration.ofMinutes(5), Duration.ofMinutes(0));
        assertThat(s.shouldBeConnected(at("2026-03-10", "08:30"))).isTrue();
        assertThat(s.shouldBeConnected(at("2026-03-10", "15:59"))).isTrue();
        assertThat(s.shouldBeConnected(at("2025-10-21", "13:24"))).isFalse();
        assertThat(s.shouldBeConnected(at("2025-10-21", "13:25"))).isTrue();
        assertThat(s.shouldBeConnected(at("2025-10-21", "14:45"))).isFalse();
    }

    @Test
    void anOperatorOverrideForcesTheFeedOnOrOff() {
        long holiday = at("2026-01-26", "10:00");
        long session = at("2026-03-10", "10:00");
        FeedSchedule on = schedule.withOverride(FeedSchedule.Override.FORCE_ON);
        FeedSchedule off = schedule.withOverride(FeedSchedule.Override.FORCE_OFF);
        assertThat(on.shouldBeConnected(holiday)).isTrue();
        assertThat(on.nextConnectAt(holiday)).isEqualTo(holiday);
        assertThat(on.nextDisconnectAt(holiday)).isEqualTo(Long.MAX_VALUE);
        assertThat(off.shouldBeConnected(session)).isFalse();
        assertThat(off.nextConnectAt(session)).isEqualTo(Long.MAX_VALUE);
        assertThat(off.nextDisconnectAt(session)).isEqualTo(session);
        assertThat(off.withOverride(FeedSchedule.Override.NONE).shouldBeConnected(session)).isTrue();
        assertThat(schedule.override()).isEqualTo(FeedSchedule.Override.NONE);
    }
}
