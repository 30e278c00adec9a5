package com.tradesignal.cli;

import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;
import picocli.CommandLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A simulated market clock on the command line: {@code MARKET_START,WALL_START,SPEED}, e.g.
 * {@code 2026-11-27T09:14:00+05:30,2026-11-28T21:30:00Z,60}: the market read MARKET_START at wall time WALL_START and
 * runs SPEED times as fast. {@code ./tradesignal simulate} prints the one it uses, so a job in another process can
 * share it.
 */
public final class MarketClockOption implements CommandLine.ITypeConverter<MarketClock> {

    /** Parses {@code MARKET_START,WALL_START,SPEED}; an IllegalArgumentException says what is wrong. */
    public static MarketClock parse(String value) {
        try {
            return new MarketClockOption().convert(value);
        } catch (CommandLine.TypeConversionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public MarketClock convert(String value) {
        String[] parts = value.split(",");
        if (parts.length != 3) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not MARKET_START,WALL_START,SPEED "
                    + "(e.g. 2026-11-27T09:14:00+05:30,2026-11-28T21:30:00Z,60)");
        }
        try {
            return MarketClock.simulated(OffsetDateTime.parse(parts[0]).toInstant(), Instant.parse(parts[1]),
                    Double.parseDouble(parts[2]));
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
        }
    }

    static String format(Instant marketStart, Instant wallStart, double speed) {
        return marketStart.atOffset(MarketTime.IST) + "," + wallStart + "," + (speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed));
    }

    /** The latest trading day on or before today (IST), by the built-in calendar. */
    static LocalDate latestTradingDay(MarketCalendar calendar) {
        LocalDate d = MarketTime.istDate(System.currentTimeMillis());
        for (int i = 0; i < 30 && !calendar.isTradingDay(d); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).toInstant(MarketTime.IST);
    }
}
