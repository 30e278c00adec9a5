package com.tradesignal.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Epoch-millisecond arithmetic in Indian Standard Time. IST is a fixed +05:30 with no daylight saving, so the
 * per-tick path can work on plain longs instead of {@code ZonedDateTime}.
 */
public final class MarketTime {
    public static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    public static final long MINUTE_MS = 60_000L;
    public static final long DAY_MS = 86_400_000L;
    private static final long IST_OFFSET_MS = IST.getTotalSeconds() * 1000L;
    private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private MarketTime() {}

    /** The IST calendar day of an instant, as days since 1970-01-01. */
    public static long istEpochDay(long epochMillis) {
        return Math.floorDiv(epochMillis + IST_OFFSET_MS, DAY_MS);
    }

    public static LocalDate istDate(long epochMillis) {
        return LocalDate.ofEpochDay(istEpochDay(epochMillis));
    }

    /** The instant at which the IST wall clock shows {@code time} on {@code istEpochDay}. */
    public static long at(long istEpochDay, LocalTime time) {
        return istEpochDay * DAY_MS - IST_OFFSET_MS + time.toNanoOfDay() / 1_000_000L;
    }

    public static long at(LocalDate date, LocalTime time) {
        return at(date.toEpochDay(), time);
    }

    /** The start of the minute that contains the instant. */
    public static long minuteStart(long epochMillis) {
        return Math.floorDiv(epochMillis, MINUTE_MS) * MINUTE_MS;
    }

    /** ISO-8601 in IST with its offset, e.g. {@code 2022-12-01T09:15:00+05:30}. */
    public static String isoIst(long epochMillis) {
        return ISO_WITH_OFFSET.format(OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), IST));
    }
}
