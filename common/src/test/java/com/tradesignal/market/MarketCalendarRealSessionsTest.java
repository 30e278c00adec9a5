package com.tradesignal.market;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real special sessions in {@code fixtures/nse-index-1min} (read in place): every row of those days lies inside
 * the calendar's hours. Row times label the END of the minute. Allowed: the pre-open auction print inside
 * [pre_open, open) (09:08 / 18:08 in the data), the normal-market candles (open, close], and post-close rows up to
 * 3 minutes after the close (15:31/15:32 on regular days; the data has 17:01-17:02 on 2021-02-24 and 19:16, 19:18 on
 * the Muhurat days).
 */
class MarketCalendarRealSessionsTest {
    private static final Path FIXTURES =
            Path.of(System.getProperty("tradesignal.shared", "../../shared"), "fixtures", "nse-index-1min");
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd");

    @ParameterizedTest(name = "{0}: every row falls inside the calendar session")
    @CsvSource({"2021-02-24, 2021-feb", "2021-11-04, 2021-nov", "2022-10-24, 2022-oct"})
    void theRealSpecialSessionsFitTheCalendar(LocalDate date, String month) throws Exception {
        SessionHours hours = MarketCalendar.defaults().sessionOn(date).orElseThrow();
        String ymd = YMD.format(date);
        int inSession = 0;
        int preOpenPrints = 0;
        LocalTime last = LocalTime.MIN;
        for (String index : List.of("nifty", "bnf")) {
            List<LocalTime> times;
            try (Stream<String> lines = Files.lines(FIXTURES.resolve(month + "-" + index + ".csv"))) {
                times = lines.map(l -> l.split(",")).filter(f -> f[1].equals(ymd))
                        .map(f -> LocalTime.parse(f[2])).toList();
            }
            assertThat(times).as("%s rows of %s", index, date).isNotEmpty();
            for (LocalTime t : times) {
                boolean preOpen = !t.isBefore(hours.preOpen()) && t.isBefore(hours.open());
                boolean session = t.isAfter(hours.open()) && !t.isAfter(hours.close());
                boolean postClose = t.isAfter(hours.close()) && !t.isAfter(hours.close().plusMinutes(3));
                assertThat(preOpen || session || postClose)
                        .as("%s %s %s outside %s", index, date, t, hours).isTrue();
                if (preOpen) preOpenPrints++;
                if (session) { inSession++; if (t.isAfter(last)) last = t; }
            }
        }
        assertThat(preOpenPrints).isEqualTo(2);
        assertThat(last).as("the last candle ends at the close").isEqualTo(hours.close());
        // 2021-02-24 has a long gap (trading halted ~11:40-15:45 during the outage), so only a floor here
        assertThat(inSession).as("session candles of both indices").isGreaterThan(2 * 55);
        assertThat(hours).as("these days do not have regular hours").isNotEqualTo(SessionHours.REGULAR);
    }
}
