package com.tradesignal.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reader for the CSV that Kite's {@code GET /instruments} returns. Package-private: use
 * {@link InstrumentCatalog#load}.
 *
 * <p>Columns are found by header name, so a reordered or extended dump still loads. Fields may be quoted
 * ({@code "ADANI PORT, SEZ"}, {@code ""} for a literal quote, even line breaks inside quotes). Lines may end in
 * LF or CRLF (the official mock dumps use CRLF); blank lines are skipped. The reader is strict about values: a dump
 * that is half-written or shifted by a stray comma must fail the load, not yield wrong lot sizes.
 */
final class KiteInstrumentsCsv {
    static final String INSTRUMENT_TOKEN = "instrument_token";
    static final String EXCHANGE_TOKEN = "exchange_token";
    static final String TRADINGSYMBOL = "tradingsymbol";
    static final String NAME = "name";
    static final String EXPIRY = "expiry";
    static final String STRIKE = "strike";
    static final String TICK_SIZE = "tick_size";
    static final String LOT_SIZE = "lot_size";
    static final String INSTRUMENT_TYPE = "instrument_type";
    static final String SEGMENT = "segment";
    static final String EXCHANGE = "exchange";

    /** Columns without which a row means nothing. {@code last_price} is never read: it is stale by design. */
    static final List<String> REQUIRED = List.of(INSTRUMENT_TOKEN, TRADINGSYMBOL, INSTRUMENT_TYPE, SEGMENT, EXCHANGE);

    private static final Pattern WHOLE = Pattern.compile("[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?");
    /** Kite instrument tokens are unsigned 32-bit (the binary tick packet carries 4 bytes). */
    private static final long MAX_TOKEN = 0xFFFF_FFFFL;
    private static final int MAX_QUOTED_VALUE = 40;

    private final BufferedReader in;
    private final String file;
    private int physicalLine;
    private int recordLine;

    private String[] header;
    private int colToken = -1, colExchangeToken = -1, colSymbol = -1, colName = -1, colExpiry = -1, colStrike = -1,
            colTickSize = -1, colLotSize = -1, colType = -1, colSegment = -1, colExchange = -1;

    /** Interning pools: a dump repeats a handful of names, exchanges, segments and expiry dates tens of thousands of
     * times; sharing one instance keeps the catalog small on the heap and in Java serialization (Flink ships it). */
    private final Map<String, String> strings = new HashMap<>();
    private final Map<LocalDate, LocalDate> dates = new HashMap<>();

    private KiteInstrumentsCsv(BufferedReader in, String file) {
        this.in = in;
        this.file = file;
    }

    /** Parses the whole dump into a token-keyed map (insertion order irrelevant). */
    static HashMap<Long, Instrument> parse(BufferedReader in, String file) throws IOException {
        return new KiteInstrumentsCsv(in, file).parseAll();
    }

    private HashMap<Long, Instrument> parseAll() throws IOException {
        readHeader();
        HashMap<Long, Instrument> byToken = new HashMap<>(1 << 16);
        HashMap<Long, Integer> lineOfToken = new HashMap<>(1 << 16);
        List<String> row;
        while ((row = readRecord()) != null) {
            Instrument instrument = toInstrument(row);
            Integer first = lineOfToken.putIfAbsent(instrument.token(), recordLine);
            if (first != null) {
                throw error(INSTRUMENT_TOKEN, "duplicate token " + instrument.token() + " (first on line " + first + ")");
            }
            byToken.put(instrument.token(), instrument);
        }
        return byToken;
    }

    private void readHeader() throws IOException {
        List<String> names = readRecord();
        if (names == null) {
            recordLine = 1;
            throw error(REQUIRED.get(0), "missing required column (the file is empty)");
        }
        header = new String[names.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            header[i] = name;
            if (!name.isEmpty() && index.putIfAbsent(name, i) != null) {
                throw error(name, "duplicate column");
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                throw error(required, "missing required column");
            }
        }
        colToken = index.get(INSTRUMENT_TOKEN);
        colSymbol = index.get(TRADINGSYMBOL);
        colType = index.get(INSTRUMENT_TYPE);
        colSegment = index.get(SEGMENT);
        colExchange = index.get(EXCHANGE);
        colExchangeToken = index.getOrDefault(EXCHANGE_TOKEN, -1);
        colName = index.getOrDefault(NAME, -1);
        colExpiry = index.getOrDefault(EXPIRY, -1);
        colStrike = index.getOrDefault(STRIKE, -1);
        colTickSize = index.getOrDefault(TICK_SIZE, -1);
        colLotSize = index.getOrDefault(LOT_SIZE, -1);
    }

    private Instrument toInstrument(List<String> row) {
        if (row.size() < header.length) {
            throw error(header[row.size()],
                    "missing (row has " + row.size() + " fields, header has " + header.length + ")");
        }
        if (row.size() > header.length) {
            throw error("#" + (header.length + 1),
                    "unexpected extra field (row has " + row.size() + " fields, header has " + header.length + ")");
        }
        long token = token(row, colToken, INSTRUMENT_TOKEN, true);
        long exchangeToken = token(row, colExchangeToken, EXCHANGE_TOKEN, false);
        String symbol = required(row, colSymbol, TRADINGSYMBOL);
        String name = colName < 0 ? "" : intern(row.get(colName).strip());
        String typeColumn = required(row, colType, INSTRUMENT_TYPE);
        String segment = intern(required(row, colSegment, SEGMENT));
        String exchange = intern(required(row, colExchange, EXCHANGE));
        LocalDate expiry = date(row, colExpiry, EXPIRY);
        double strike = decimal(row, colStrike, STRIKE);
        double tickSize = decimal(row, colTickSize, TICK_SIZE);
        int lotSize = wholeInt(row, colLotSize, LOT_SIZE);
        return new Instrument(token, exchangeToken, symbol, name, exchange, segment,
                InstrumentType.fromDump(typeColumn, segment), expiry, strike, tickSize, lotSize);
    }

    private String required(List<String> row, int col, String field) {
        String value = row.get(col).strip();
        if (value.isEmpty()) {
            throw error(field, "required but blank");
        }
        return value;
    }

    private long token(List<String> row, int col, String field, boolean required) {
        if (col < 0) {
            return 0L;
        }
        String value = row.get(col).strip();
        if (value.isEmpty()) {
            if (required) {
                throw error(field, "required but blank");
            }
            return 0L;
        }
        if (!WHOLE.matcher(value).matches()) {
            throw error(field, "not a whole number: " + quote(value));
        }
        long parsed = value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value);
        long min = required ? 1 : 0;
        if (parsed < min || parsed > MAX_TOKEN) {
            throw error(field, "out of range " + min + ".." + MAX_TOKEN + ": " + quote(value));
        }
        return parsed;
    }

    private LocalDate date(List<String> row, int col, String field) {
        if (col < 0) {
            return null;
        }
        String value = row.get(col).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            LocalDate shared = dates.putIfAbsent(date, date);
            return shared == null ? date : shared;
        } catch (DateTimeParseException e) {
            throw error(field, "not a date (yyyy-MM-dd): " + quote(value));
        }
    }

    private double decimal(List<String> row, int col, String field) {
        if (col < 0) {
            return 0.0;
        }
        String value = row.get(col).strip();
        if (value.isEmpty()) {
            return 0.0;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw error(field, "not a number: " + quote(value));
        }
        double parsed = Double.parseDouble(value);
        if (!Double.isFinite(parsed)) {
            throw error(field, "not a finite number: " + quote(value));
        }
        if (parsed < 0) {
            throw error(field, "must not be negative: " + quote(value));
        }
        return parsed;
    }

    private int wholeInt(List<String> row, int col, String field) {
        if (col < 0) {
            return 0;
        }
        String value = row.get(col).strip();
        if (value.isEmpty()) {
            return 0;
        }
        if (!WHOLE.matcher(value).matches()) {
            throw error(field, "not a whole number: " + quote(value));
        }
        if (value.length() > 10 || Long.parseLong(value) > Integer.MAX_VALUE) {
            throw error(field, "out of range 0.." + Integer.MAX_VALUE + ": " + quote(value));
        }
        return Integer.parseInt(value);
    }

    private String intern(String s) {
        String shared = strings.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    /**
     * Reads one logical record (which may span physical lines inside quotes), skipping blank lines.
     * Returns null at end of input. Sets {@link #recordLine} to the line the record starts on.
     */
    private List<String> readRecord() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                return null;
            }
            physicalLine++;
        } while (line.isBlank());
        recordLine = physicalLine;

        List<String> fields = new ArrayList<>(header == null ? 16 : header.length);
        StringBuilder quoted = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                quoted.setLength(0);
                i++;
                while (true) {
                    if (i >= line.length()) {
                        String next = in.readLine();
                        if (next == null) {
                            throw error(fieldName(fields.size()), "unterminated quoted field");
                        }
                        physicalLine++;
                        quoted.append('\n');
                        line = next;
                        i = 0;
                        continue;
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        quoted.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        quoted.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                fields.add(quoted.toString());
                if (i >= line.length()) {
                    return fields;
                }
                if (line.charAt(i) != ',') {
                    throw error(fieldName(fields.size() - 1),
                            "unexpected character after closing quote: '" + line.charAt(i) + "'");
                }
                i++;
            } else {
                int comma = line.indexOf(',', i);
                if (comma < 0) {
                    fields.add(line.substring(i));
                    return fields;
                }
                fields.add(line.substring(i, comma));
                i = comma + 1;
            }
        }
    }

    private String fieldName(int index) {
        if (header == null) {
            return "#" + (index + 1);
        }
        return index < header.length ? header[index] : "#" + (index + 1);
    }

    private InstrumentDumpException error(String field, String problem) {
        return new InstrumentDumpException(file, recordLine, field, problem);
    }

    private static String quote(String value) {
        String shown = value.length() > MAX_QUOTED_VALUE ? value.substring(0, MAX_QUOTED_VALUE) + "..." : value;
        return '"' + shown + '"';
    }
}
