package com.tradesignal.source.replay.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.tradesignal.tick.Tick;

import java.io.IOException;
import java.util.function.LongPredicate;

/**
 * The JSON Lines tick format: one JSON object per line with Kite's tick field names; day OHLC flat or nested as
 * {@code "ohlc":{...}}; numbers as JSON numbers or numeric strings; other fields (depth, mode, ...) skipped unread.
 *
 * <p>A streaming parser per line rather than a tree: nothing but the wanted values is materialised, and parsing
 * stops as soon as the token fails the filter. Problems in fields before the token are held back until the token
 * is known, so a line of a filtered-out instrument never fails.
 */
final class JsonTickParser extends TickLineParser {
    /** Shared: a JsonFactory is thread-safe once configured and holds the field-name symbol tables. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final int[] REQUIRED = {TOKEN, TIME, PRICE};

    private final int[] rankSeen = new int[ROLES];
    private byte[] scratch = new byte[64];
    private String pendingField;
    private String pendingProblem;
    private String rawText;

    JsonTickParser(String file, LongPredicate tokenFilter) {
        super(file, tokenFilter);
    }

    @Override
    Tick parse(byte[] b, int s, int e, long line) {
        this.line = line;
        clear();
        pendingField = null;
        pendingProblem = null;
        for (int i = 0; i < ROLES; i++) rankSeen[i] = Integer.MAX_VALUE;
        int present = 0;
        try (JsonParser p = FACTORY.createParser(b, s, e - s)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw fail(null, "expected a JSON object, found " + describe(t));
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                Integer roleAndRank = ROLE_AND_RANK.get(name);
                if (roleAndRank == null) {
                    if (v == JsonToken.START_OBJECT && "ohlc".equals(name)) {
                        readOhlc(p);
                    } else if (v != JsonToken.VALUE_NULL && "ohlc".equals(name)) {
                        hold("ohlc", "expected an object, found " + describe(v));
                        p.skipChildren();
                    } else {
                        p.skipChildren();
                    }
                    continue;
                }
                int role = roleAndRank >> 2;
                int rank = roleAndRank & 3;
                if (rank > rankSeen[role]) {
                    p.skipChildren(); // a less preferred alias of a field already read
                    continue;
                }
                int status = read(p, v, role);
                if (role == TOKEN) {
                    if (status != FieldParser.OK) {
                        throw fail(name, problem(status, role, v));
                    }
                    if (!accepts(longs[TOKEN])) {
                        return null;
                    }
                }
                if (status == FieldParser.OK) {
                    rankSeen[role] = rank;
                    present |= 1 << role;
                } else if (status != FieldParser.EMPTY) {
                    hold(name, problem(status, role, v)); // null is simply absent; an alias may still supply it
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw fail(null, t == null ? "invalid JSON: the line ends inside the object"
                        : "invalid JSON: expected a field name, found " + describe(t));
            }
            if (p.nextToken() != null) {
                throw fail(null, "invalid JSON: more than one value on the line");
            }
        } catch (JsonProcessingException ex) {
            throw new TickFormatException(file, line, null, "invalid JSON: " + jacksonProblem(ex), ex);
        } catch (IOException ex) {
            throw new TickFormatException(file, line, null, "invalid JSON: " + ex.getMessage(), ex);
        }
        if (pendingField != null) {
            throw fail(pendingField, pendingProblem);
        }
        for (int role : REQUIRED) {
            if ((present & (1 << role)) == 0) {
                throw fail(NAMES[role][0], MISSING);
            }
        }
        return build();
    }

    private void readOhlc(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int role;
            switch (name) {
                case "open": role = OPEN; break;
                case "high": role = HIGH; break;
                case "low": role = LOW; break;
                case "close": role = CLOSE; break;
                default:
                    p.skipChildren();
                    continue;
            }
            int status = read(p, v, role);
            if (status != FieldParser.OK && status != FieldParser.EMPTY) {
                hold("ohlc." + name, problem(status, role, v));
            }
        }
    }

    /** Reads the current value as {@code role}; on failure {@link #rawText} holds its text. */
    private int read(JsonParser p, JsonToken v, int role) throws IOException {
        int kind = KIND[role];
        switch (v) {
            case VALUE_NULL:
                return FieldParser.EMPTY;
            case VALUE_NUMBER_INT:
                if (kind == KIND_TEXT) {
                    symbol = p.getText();
                    return FieldParser.OK;
                }
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    rawText = p.getText();
                    return kind == KIND_TIME ? FieldParser.NOT_TIME : FieldParser.OUT_OF_RANGE;
                }
                long l = p.getLongValue();
                if (l < 0) {
                    rawText = p.getText();
                    return kind == KIND_TIME ? FieldParser.NOT_TIME : FieldParser.NEGATIVE;
                }
                if (kind == KIND_DOUBLE) {
                    doubles[role] = l;
                } else {
                    longs[role] = kind == KIND_TIME ? FieldParser.epochToMillis(l) : l;
                }
                return FieldParser.OK;
            case VALUE_NUMBER_FLOAT: {
                if (kind == KIND_TEXT) {
                    symbol = p.getText();
                    return FieldParser.OK;
                }
                // Our byte parser on the number's text: Jackson's getDoubleValue() makes a String per value.
                int status = kind == KIND_TIME ? FieldParser.NOT_TIME : storeText(p, role);
                if (status != FieldParser.OK) rawText = p.getText();
                return status;
            }
            case VALUE_STRING: {
                char[] chars = p.getTextCharacters();
                int off = p.getTextOffset();
                int len = p.getTextLength();
                if (kind == KIND_TEXT) {
                    symbol = symbols.get(chars, off, len);
                    return FieldParser.OK;
                }
                int status = storeText(p, role);
                if (status != FieldParser.OK) rawText = p.getText();
                return status;
            }
            default:
                rawText = null;
                p.skipChildren();
                return FieldParser.WRONG_TYPE;
        }
    }

    /** Parses the current token's text (ASCII only can be valid) with the shared byte parsers. */
    private int storeText(JsonParser p, int role) throws IOException {
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (scratch.length < len) {
            scratch = new byte[Math.max(len, scratch.length * 2)];
        }
        for (int i = 0; i < len; i++) {
            char c = chars[off + i];
            scratch[i] = c < 0x80 ? (byte) c : (byte) 0xFF;
        }
        return store(role, scratch, 0, len);
    }

    private String problem(int status, int role, JsonToken v) {
        if (status == FieldParser.WRONG_TYPE) {
            return "expected " + (KIND[role] == KIND_TIME ? "a timestamp" : "a number") + ", found " + describe(v);
        }
        return describe(status, rawText == null ? "" : rawText);
    }

    /** Remembers the first problem until the token is known to pass the filter. */
    private void hold(String field, String problem) {
        if (pendingField == null) {
            pendingField = field;
            pendingProblem = problem;
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) return "nothing";
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE: return "true";
            case VALUE_FALSE: return "false";
            case VALUE_NULL: return "null";
            default: return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }

    /** Jackson's message without its location suffix, which would give a misleading line number. */
    private static String jacksonProblem(JsonProcessingException ex) {
        String m = ex.getOriginalMessage();
        if (m == null) return "unreadable";
        int cut = m.indexOf('\n');
        if (cut >= 0) m = m.substring(0, cut);
        cut = m.indexOf(" (start marker at");
        if (cut >= 0) m = m.substring(0, cut);
        return m.strip();
    }
}
