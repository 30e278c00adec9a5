package com.tradesignal.source.replay.files;

import com.tradesignal.tick.Tick;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Turns one line of a tick file into a {@link Tick}: the part shared by the CSV and JSON Lines formats (field
 * names, value kinds, defaults, error wording). One instance per open file, reused for every line, so a line
 * costs the Tick and little else. Not thread-safe.
 */
abstract class TickLineParser {
    static final int TOKEN = 0;
    static final int TIME = 1;
    static final int PRICE = 2;
    static final int SYMBOL = 3;
    static final int LAST_QUANTITY = 4;
    static final int AVERAGE_PRICE = 5;
    static final int VOLUME = 6;
    static final int BUY_QUANTITY = 7;
    static final int SELL_QUANTITY = 8;
    static final int OI = 9;
    static final int LAST_TRADE_TIME = 10;
    static final int OPEN = 11;
    static final int HIGH = 12;
    static final int LOW = 13;
    static final int CLOSE = 14;
    static final int ROLES = 15;

    static final int KIND_LONG = 0;
    static final int KIND_DOUBLE = 1;
    static final int KIND_TIME = 2;
    static final int KIND_TEXT = 3;

    /**
     * Accepted names per field, preferred first. The first is Kite's tick JSON name; the others are the names
     * pykiteconnect gives its decoded ticks ({@code exchange_timestamp}, {@code volume_traded}, ...), so a
     * recording made by dumping those dicts reads as it is. When a file has two names of one field, the preferred
     * one is used.
     */
    static final String[][] NAMES = {
            {"instrument_token"},
            {"timestamp", "exchange_timestamp"},
            {"last_price"},
            {"tradingsymbol"},
            {"last_quantity", "last_traded_quantity"},
            {"average_price", "average_traded_price"},
            {"volume", "volume_traded"},
            {"buy_quantity", "total_buy_quantity"},
            {"sell_quantity", "total_sell_quantity"},
            {"oi"},
            {"last_trade_time"},
            {"open", "ohlc.open"},
            {"high", "ohlc.high"},
            {"low", "ohlc.low"},
            {"close", "ohlc.close"},
    };
    static final int[] KIND = {
            KIND_LONG, KIND_TIME, KIND_DOUBLE, KIND_TEXT, KIND_LONG, KIND_DOUBLE, KIND_LONG, KIND_LONG, KIND_LONG,
            KIND_LONG, KIND_TIME, KIND_DOUBLE, KIND_DOUBLE, KIND_DOUBLE, KIND_DOUBLE,
    };

    /** Field name → {@code role * 4 + rank} (rank 0 = preferred name); small Integers are cached, so no boxing. */
    static final Map<String, Integer> ROLE_AND_RANK = new HashMap<>();

    static {
        for (int role = 0; role < ROLES; role++) {
            for (int rank = 0; rank < NAMES[role].length; rank++) {
                ROLE_AND_RANK.put(NAMES[role][rank], role * 4 + rank);
            }
        }
    }

    private static final int MAX_QUOTED_CHARS = 40;

    final String file;
    final LongPredicate tokenFilter;
    final FieldParser numbers = new FieldParser();
    final SymbolCache symbols = new SymbolCache();
    final long[] longs = new long[ROLES];
    final double[] doubles = new double[ROLES];
    String symbol;
    long line;
    /** Per time role: the last timestamp text parsed and its value (see {@link #storeTime}). */
    private final byte[][] lastTimeText = new byte[ROLES][];
    private final int[] lastTimeLength = new int[ROLES];
    private final long[] lastTimeValue = new long[ROLES];

    TickLineParser(String file, LongPredicate tokenFilter) {
        this.file = file;
        this.tokenFilter = tokenFilter;
    }

    /**
     * Parses {@code b[s, e)}, line number {@code line}.
     *
     * @return the tick, or null if its token fails the filter (the rest of the line is then not looked at)
     * @throws TickFormatException if the line is malformed
     */
    abstract Tick parse(byte[] b, int s, int e, long line);

    final boolean accepts(long token) {
        return tokenFilter == null || tokenFilter.test(token);
    }

    final void clear() {
        for (int i = 0; i < ROLES; i++) {
            longs[i] = 0;
            doubles[i] = Tick.ABSENT_PRICE;
        }
        longs[LAST_TRADE_TIME] = Tick.ABSENT_TIME;
        symbol = null;
    }

    /** Parses a numeric or time value of {@code role} from bytes into {@link #longs}/{@link #doubles}. */
    final int store(int role, byte[] b, int s, int e) {
        int status;
        switch (KIND[role]) {
            case KIND_LONG:
                status = numbers.parseLong(b, s, e);
                if (status == FieldParser.OK) longs[role] = numbers.longValue;
                return status;
            case KIND_DOUBLE:
                status = numbers.parseDouble(b, s, e);
                if (status == FieldParser.OK) doubles[role] = numbers.doubleValue;
                return status;
            case KIND_TIME:
                return storeTime(role, b, s, e);
            default:
                symbol = symbols.get(b, s, e);
                return FieldParser.OK;
        }
    }

    /**
     * Timestamps have a one-second resolution and a recording is in time order, so consecutive lines nearly always
     * carry the same timestamp text: compare the bytes with the last parsed ones before parsing the date.
     */
    private int storeTime(int role, byte[] b, int s, int e) {
        int n = e - s;
        byte[] last = lastTimeText[role];
        if (last != null && n == lastTimeLength[role] && Arrays.equals(b, s, e, last, 0, n)) {
            longs[role] = lastTimeValue[role];
            return FieldParser.OK;
        }
        int status = numbers.parseTime(b, s, e);
        if (status == FieldParser.OK) {
            longs[role] = numbers.longValue;
            if (n <= 40) {
                if (last == null) {
                    last = lastTimeText[role] = new byte[40];
                }
                System.arraycopy(b, s, last, 0, n);
                lastTimeLength[role] = n;
                lastTimeValue[role] = numbers.longValue;
            }
        }
        return status;
    }

    final Tick build() {
        return new Tick(longs[TOKEN], longs[TIME], doubles[PRICE], longs[LAST_QUANTITY], doubles[AVERAGE_PRICE],
                longs[VOLUME], longs[BUY_QUANTITY], longs[SELL_QUANTITY], longs[OI], doubles[OPEN], doubles[HIGH],
                doubles[LOW], doubles[CLOSE], longs[LAST_TRADE_TIME], symbol);
    }

    final TickFormatException fail(String field, String problem) {
        return new TickFormatException(file, line, field, problem);
    }

    static boolean required(int role) {
        return role == TOKEN || role == TIME || role == PRICE;
    }

    static final String MISSING = "missing value";

    /** The problem text for a failed status, quoting the offending value. */
    static String describe(int status, String raw) {
        String q = quote(raw);
        switch (status) {
            case FieldParser.EMPTY:
                return MISSING;
            case FieldParser.NEGATIVE:
                return q + " is negative";
            case FieldParser.NOT_WHOLE:
                return q + " is not a whole number";
            case FieldParser.OUT_OF_RANGE:
                return q + " is out of range";
            case FieldParser.NOT_TIME:
                return q + " is not a timestamp (expected ISO-8601 such as 2022-12-01T09:15:03+05:30,"
                        + " or epoch seconds or milliseconds)";
            default:
                return q + " is not a number";
        }
    }

    static String quote(String raw) {
        raw = raw.strip();
        return "'" + (raw.length() > MAX_QUOTED_CHARS ? raw.substring(0, MAX_QUOTED_CHARS) + "..." : raw) + "'";
    }

    static String text(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
}
