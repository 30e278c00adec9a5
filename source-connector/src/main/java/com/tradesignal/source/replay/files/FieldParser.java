package com.tradesignal.source.replay.files;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers and timestamps straight from line bytes, without creating Strings, regexes or exceptions on the
 * happy path: at a million lines a second, {@code Double.parseDouble(new String(...))} per field would be most of
 * the cost. Each method returns a status and leaves the value in {@link #longValue} or {@link #doubleValue}.
 *
 * <p>All tick quantities are non-negative, so a minus sign is reported as {@link #NEGATIVE} rather than parsed.
 * Surrounding spaces and tabs are ignored.
 */
final class FieldParser {
    static final int OK = 0;
    static final int EMPTY = 1;
    static final int NOT_NUMBER = 2;
    static final int NEGATIVE = 3;
    static final int NOT_WHOLE = 4;
    static final int OUT_OF_RANGE = 5;
    static final int NOT_TIME = 6;
    /** A JSON value of the wrong type (object, array, boolean). */
    static final int WRONG_TYPE = 7;

    /** Epoch values below this are seconds, the rest milliseconds (1e11 s is the year 5138; 1e11 ms is 1973). */
    static final long EPOCH_SECONDS_BELOW = 100_000_000_000L;
    /** A naive timestamp is IST, which is how Kite's own clients print times. */
    static final int IST_OFFSET_SECONDS = 5 * 3600 + 30 * 60;

    private static final double[] POW10 = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    long longValue;
    double doubleValue;

    /** A non-negative decimal such as {@code 1573.7}, {@code .5} or {@code 1.5e3}. */
    int parseDouble(byte[] b, int s, int e) {
        while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
        if (s == e) {
            return EMPTY;
        }
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int significant = 0;
        int fraction = 0;
        boolean anyDigit = false;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            anyDigit = true;
            if (m != 0 || d != 0) significant++;
            if (significant <= 18) m = m * 10 + d;
        }
        if (i < e && b[i] == '.') {
            for (i++; i < e; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) break;
                anyDigit = true;
                if (m != 0 || d != 0) significant++;
                if (significant <= 18) {
                    m = m * 10 + d;
                    fraction++;
                }
            }
        }
        if (!anyDigit) {
            return NOT_NUMBER;
        }
        boolean exponent = false;
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            exponent = true;
            i++;
            if (i < e && (b[i] == '+' || b[i] == '-')) i++;
            int digitsFrom = i;
            while (i < e && b[i] >= '0' && b[i] <= '9') i++;
            if (i == digitsFrom) {
                return NOT_NUMBER;
            }
        }
        if (i != e) {
            return NOT_NUMBER;
        }
        double v;
        if (!exponent && significant <= 18 && m <= MAX_EXACT && fraction < POW10.length) {
            // Clinger's fast path: both operands are exact doubles, so one IEEE division rounds correctly.
            v = fraction == 0 ? m : m / POW10[fraction];
        } else {
            // The grammar was checked above, so parseDouble cannot see "NaN", "Infinity", hex or a type suffix.
            v = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
            if (!Double.isFinite(v)) {
                return OUT_OF_RANGE;
            }
        }
        if (negative && v != 0) {
            return NEGATIVE;
        }
        doubleValue = negative ? 0.0 : v;
        return OK;
    }

    /** A non-negative whole number; {@code 7.0} and {@code 1.5e3} are accepted (pandas writes int columns so). */
    int parseLong(byte[] b, int s, int e) {
        while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
        if (s == e) {
            return EMPTY;
        }
        int i = s;
        if (b[i] == '+') i++;
        long v = 0;
        int digitsFrom = i;
        for (; i < e && i - digitsFrom < 18; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
        }
        if (i == e && i > digitsFrom) {
            longValue = v;
            return OK;
        }
        int status = parseDouble(b, s, e);
        if (status != OK) {
            return status;
        }
        double d = doubleValue;
        if (d != Math.rint(d)) {
            return NOT_WHOLE;
        }
        if (d >= 9.2e18) {
            return OUT_OF_RANGE;
        }
        longValue = (long) d;
        return OK;
    }

    /**
     * A timestamp as epoch millis: ISO-8601 with an offset ({@code Z}, {@code +05:30}, {@code +0530} or {@code +05}),
     * a naive date-time (read as IST), {@code T} or a space between date and time, optional seconds and fraction;
     * or an integer epoch in seconds or milliseconds.
     */
    int parseTime(byte[] b, int s, int e) {
        while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
        if (s == e) {
            return EMPTY;
        }
        int n = e - s;
        boolean allDigits = n <= 18;
        long epoch = 0;
        for (int i = s; allDigits && i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                allDigits = false;
            } else {
                epoch = epoch * 10 + d;
            }
        }
        if (allDigits) {
            longValue = epochToMillis(epoch);
            return OK;
        }
        if (n < 16 || b[s + 4] != '-' || b[s + 7] != '-' || b[s + 13] != ':') {
            return NOT_TIME;
        }
        byte sep = b[s + 10];
        if (sep != 'T' && sep != 't' && sep != ' ') {
            return NOT_TIME;
        }
        int year = digits(b, s, 4);
        int month = digits(b, s + 5, 2);
        int day = digits(b, s + 8, 2);
        int hour = digits(b, s + 11, 2);
        int minute = digits(b, s + 14, 2);
        int second = 0;
        int millis = 0;
        int i = s + 16;
        if (i < e && b[i] == ':') {
            if (i + 3 > e) return NOT_TIME;
            second = digits(b, i + 1, 2);
            i += 3;
        }
        if (i < e && (b[i] == '.' || b[i] == ',')) {
            int from = ++i;
            int scale = 100;
            for (; i < e && b[i] >= '0' && b[i] <= '9'; i++) {
                millis += (b[i] - '0') * scale;
                scale /= 10;
            }
            if (i == from) return NOT_TIME;
        }
        int offset;
        if (i == e) {
            offset = IST_OFFSET_SECONDS;
        } else if (b[i] == 'Z' || b[i] == 'z') {
            offset = 0;
            i++;
        } else if (b[i] == '+' || b[i] == '-') {
            int sign = b[i] == '-' ? -1 : 1;
            if (i + 3 > e) return NOT_TIME;
            int oh = digits(b, i + 1, 2);
            int om = 0;
            i += 3;
            if (i < e && b[i] == ':') {
                if (i + 3 != e) return NOT_TIME;
                om = digits(b, i + 1, 2);
                i += 3;
            } else if (i + 2 == e) {
                om = digits(b, i, 2);
                i += 2;
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) return NOT_TIME;
            offset = sign * (oh * 3600 + om * 60);
        } else {
            return NOT_TIME;
        }
        if (i != e || year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_TIME;
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset;
        longValue = seconds * 1000L + millis;
        return OK;
    }

    static long epochToMillis(long epoch) {
        return epoch < EPOCH_SECONDS_BELOW ? epoch * 1000L : epoch;
    }

    /** The value of {@code count} (2 or 4) ASCII digits, or -1. */
    private static int digits(byte[] b, int from, int count) {
        int d0 = b[from] - '0';
        int d1 = b[from + 1] - '0';
        if ((d0 | d1) < 0 || d0 > 9 || d1 > 9) return -1;
        int v = d0 * 10 + d1;
        if (count == 2) return v;
        int d2 = b[from + 2] - '0';
        int d3 = b[from + 3] - '0';
        if ((d2 | d3) < 0 || d2 > 9 || d3 > 9) return -1;
        return v * 100 + d2 * 10 + d3;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; no LocalDate per line). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }
}
