package com.tradesignal.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exchange calendar: for each IST date, whether NSE trades and with which {@link SessionHours}.
 *
 * <p>Rules, in order of precedence:
 * <ol>
 *   <li>a listed <b>special session</b> decides the day (it trades with the listed hours), even on a weekend or a
 *       listed holiday (Budget days on a Saturday/Sunday, Muhurat trading on the Diwali holiday, an extended day);</li>
 *   <li>a listed <b>holiday</b> is closed;</li>
 *   <li>Saturday and Sunday are closed;</li>
 *   <li>every other day trades with {@link SessionHours#REGULAR}.</li>
 * </ol>
 * Immutable and {@link Serializable}. The file format is documented in {@code docs/calendar.md};
 * {@link #defaults()} loads the built-in resource {@value #DEFAULT_RESOURCE}.
 */
public final class MarketCalendar implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Classpath resource loaded by {@link #defaults()}. */
    public static final String DEFAULT_RESOURCE = "/tradesignal-calendar.json";

    /** How far {@link #nextTradingDay} and friends search before giving up (a calendar that closes ten years). */
    private static final int MAX_SEARCH_DAYS = 3660;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final List<String> TOP_FIELDS = List.of("description", "holidays", "special_sessions");
    private static final List<String> HOLIDAY_FIELDS = List.of("date", "description");
    private static final List<String> SESSION_FIELDS = List.of("date", "description", "pre_open", "open", "close");

    /** A listed closed day. */
    public record Holiday(LocalDate date, String description) implements Serializable {
        public Holiday {
            Objects.requireNonNull(date, "date");
            description = description == null ? "" : description;
        }
    }

    /** A listed day that trades with its own hours, overriding weekends, holidays and the regular hours. */
    public record SpecialSession(LocalDate date, String description, SessionHours hours) implements Serializable {
        public SpecialSession {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(hours, "hours");
            description = description == null ? "" : description;
        }
    }

    private final String source;
    private final String description;
    private final TreeMap<LocalDate, Holiday> holidays;
    private final TreeMap<LocalDate, SpecialSession> specialSessions;

    private MarketCalendar(String source, String description, TreeMap<LocalDate, Holiday> holidays,
                           TreeMap<LocalDate, SpecialSession> specialSessions) {
        this.source = source;
        this.description = description;
        this.holidays = holidays;
        this.specialSessions = specialSessions;
    }

    // ------------------------------------------------------------------ construction

    /**
     * A calendar from lists. Throws {@link IllegalArgumentException} if a date is listed twice in the same list
     * (a date may be both a holiday and a special session: the special session wins).
     */
    public static MarketCalendar of(Collection<Holiday> holidays, Collection<SpecialSession> specialSessions) {
        TreeMap<LocalDate, Holiday> h = new TreeMap<>();
        for (Holiday holiday : holidays) {
            if (h.put(holiday.date(), holiday) != null) {
                throw new IllegalArgumentException("holiday " + holiday.date() + " is listed twice");
            }
        }
        TreeMap<LocalDate, SpecialSession> s = new TreeMap<>();
        for (SpecialSession session : specialSessions) {
            if (s.put(session.date(), session) != null) {
                throw new IllegalArgumentException("special session " + session.date() + " is listed twice");
            }
        }
        return new MarketCalendar("(in code)", "", h, s);
    }

    /** Weekdays trade with regular hours, weekends are closed, nothing else. */
    public static MarketCalendar weekdaysOnly() {
        return of(List.of(), List.of());
    }

    private static final class DefaultHolder {
        static final MarketCalendar DEFAULT = loadResource();

        private static MarketCalendar loadResource() {
            String name = DEFAULT_RESOURCE.substring(1);
            try (InputStream in = MarketCalendar.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new CalendarFormatException(name + ": resource not found on the classpath");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
            } catch (IOException e) {
                throw new CalendarFormatException(name + ": cannot read: " + e, e);
            }
        }
    }

    /** The built-in calendar, the classpath resource {@value #DEFAULT_RESOURCE} (loaded once). */
    public static MarketCalendar defaults() {
        return DefaultHolder.DEFAULT;
    }

    /**
     * Reads a calendar file (format: {@code docs/calendar.md}). Every problem, including an unreadable file, is a
     * {@link CalendarFormatException} whose message starts with the file name.
     */
    public static MarketCalendar load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CalendarFormatException(name + ": cannot read " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        return parse(text, name);
    }

    /** Parses calendar JSON; {@code sourceName} prefixes every error message (usually the file name). */
    public static MarketCalendar parse(String json, String sourceName) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CalendarFormatException(sourceName + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        return new Parser(sourceName).calendar(root);
    }

    private static final class Parser {
        private final String source;

        Parser(String source) { this.source = source; }

        CalendarFormatException error(String where, String problem) {
            return new CalendarFormatException(source + ": " + (where.isEmpty() ? "" : where + ": ") + problem);
        }

        MarketCalendar calendar(JsonNode root) {
            if (root == null || root.isMissingNode() || !root.isObject()) {
                throw error("", "must be a JSON object with \"holidays\" and \"special_sessions\" arrays");
            }
            checkFields(root, "", TOP_FIELDS);
            String description = optionalText(root, "description", "");
            TreeMap<LocalDate, Holiday> holidays = new TreeMap<>();
            Map<LocalDate, Integer> firstIndex = new HashMap<>();
            JsonNode hs = array(root, "holidays");
            for (int i = 0; i < hs.size(); i++) {
                String where = "holidays[" + i + "]";
                JsonNode entry = object(hs.get(i), where);
                checkFields(entry, where, HOLIDAY_FIELDS);
                LocalDate date = date(entry, where);
                Integer previous = firstIndex.putIfAbsent(date, i);
                if (previous != null) {
                    throw error(where + ".date", date + " is already listed at holidays[" + previous + "]");
                }
                holidays.put(date, new Holiday(date, optionalText(entry, "description", where)));
            }
            TreeMap<LocalDate, SpecialSession> sessions = new TreeMap<>();
            firstIndex.clear();
            JsonNode ss = array(root, "special_sessions");
            for (int i = 0; i < ss.size(); i++) {
                String where = "special_sessions[" + i + "]";
                JsonNode entry = object(ss.get(i), where);
                checkFields(entry, where, SESSION_FIELDS);
                LocalDate date = date(entry, where);
                Integer previous = firstIndex.putIfAbsent(date, i);
                if (previous != null) {
                    throw error(where + ".date", date + " is already listed at special_sessions[" + previous + "]");
                }
                LocalTime preOpen = time(entry, where, "pre_open");
                LocalTime open = time(entry, where, "open");
                LocalTime close = time(entry, where, "close");
                if (preOpen.isAfter(open)) {
                    throw error(where, "pre_open " + preOpen + " must not be after open " + open);
                }
                if (!open.isBefore(close)) {
                    throw error(where, "open " + open + " must be before close " + close);
                }
                sessions.put(date, new SpecialSession(date, optionalText(entry, "description", where),
                        new SessionHours(preOpen, open, close)));
            }
            return new MarketCalendar(source, description, holidays, sessions);
        }

        void checkFields(JsonNode node, String where, List<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!allowed.contains(field)) {
                    throw error(where, "unknown field '" + field + "' (allowed: " + String.join(", ", allowed) + ")");
                }
            }
        }

        JsonNode array(JsonNode root, String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                return JSON.createArrayNode();
            }
            if (!node.isArray()) {
                throw error(field, "must be an array");
            }
            return node;
        }

        JsonNode object(JsonNode node, String where) {
            if (!node.isObject()) {
                throw error(where, "must be an object, not " + node);
            }
            return node;
        }

        String optionalText(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return "";
            }
            if (!value.isTextual()) {
                throw error(where.isEmpty() ? field : where + "." + field, "must be a string, not " + value);
            }
            return value.asText();
        }

        String requiredText(JsonNode node, String where, String field, String expected) {
            JsonNode value = node.get(field);
            String at = where + "." + field;
            if (value == null || value.isNull()) {
                throw error(at, "missing (" + expected + ")");
            }
            if (!value.isTextual()) {
                throw error(at, value + " is not a " + expected);
            }
            return value.asText();
        }

        LocalDate date(JsonNode node, String where) {
            String text = requiredText(node, where, "date", "date (yyyy-MM-dd)");
            try {
                return LocalDate.parse(text, DATE);
            } catch (DateTimeParseException e) {
                throw error(where + ".date", "'" + text + "' is not a date (yyyy-MM-dd)");
            }
        }

        LocalTime time(JsonNode node, String where, String field) {
            String text = requiredText(node, where, field, "time (HH:mm, IST)");
            try {
                return LocalTime.parse(text, TIME);
            } catch (DateTimeParseException e) {
                throw error(where + "." + field, "'" + text + "' is not a time (HH:mm, IST)");
            }
        }
    }

    // ------------------------------------------------------------------ queries

    /** Where this calendar came from (file name, resource name or "(in code)"). */
    public String source() { return source; }

    /** The file's top-level {@code description} ("" if none). */
    public String description() { return description; }

    public List<Holiday> holidays() { return List.copyOf(holidays.values()); }

    public List<SpecialSession> specialSessions() { return List.copyOf(specialSessions.values()); }

    public Optional<Holiday> holidayOn(LocalDate date) { return Optional.ofNullable(holidays.get(date)); }

    public Optional<SpecialSession> specialSessionOn(LocalDate date) {
        return Optional.ofNullable(specialSessions.get(date));
    }

    /** The session hours on an IST date, or empty if the exchange does not trade that day. */
    public Optional<SessionHours> sessionOn(LocalDate date) {
        SpecialSession special = specialSessions.get(date);
        if (special != null) {
            return Optional.of(special.hours());
        }
        if (holidays.containsKey(date) || isWeekend(date)) {
            return Optional.empty();
        }
        return Optional.of(SessionHours.REGULAR);
    }

    public boolean isTradingDay(LocalDate date) {
        return sessionOn(date).isPresent();
    }

    /** The first trading day strictly after {@code after}. */
    public LocalDate nextTradingDay(LocalDate after) {
        LocalDate d = after;
        for (int i = 0; i < MAX_SEARCH_DAYS; i++) {
            d = d.plusDays(1);
            if (isTradingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no trading day within " + MAX_SEARCH_DAYS + " days after " + after);
    }

    /** The last trading day strictly before {@code before}. */
    public LocalDate previousTradingDay(LocalDate before) {
        LocalDate d = before;
        for (int i = 0; i < MAX_SEARCH_DAYS; i++) {
            d = d.minusDays(1);
            if (isTradingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no trading day within " + MAX_SEARCH_DAYS + " days before " + before);
    }

    /** The phase of the exchange day at an instant (IST). */
    public MarketPhase phaseAt(long epochMillis) {
        long day = MarketTime.istEpochDay(epochMillis);
        LocalDate date = LocalDate.ofEpochDay(day);
        Optional<SessionHours> session = sessionOn(date);
        if (session.isEmpty()) {
            return isWeekend(date) ? MarketPhase.CLOSED_WEEKEND : MarketPhase.CLOSED_HOLIDAY;
        }
        SessionHours h = session.get();
        if (epochMillis < h.preOpenMillis(day)) {
            return MarketPhase.BEFORE_PRE_OPEN;
        }
        if (epochMillis < h.openMillis(day)) {
            return MarketPhase.PRE_OPEN;
        }
        if (epochMillis < h.closeMillis(day)) {
            return MarketPhase.OPEN;
        }
        return MarketPhase.POST_CLOSE;
    }

    /** The first normal-market open strictly after the instant (while the market is open: the next day's). */
    public Instant nextOpen(long epochMillis) {
        return Instant.ofEpochMilli(nextBoundary(epochMillis, true));
    }

    /** The first normal-market close strictly after the instant (while open: today's; after the close: the next). */
    public Instant nextClose(long epochMillis) {
        return Instant.ofEpochMilli(nextBoundary(epochMillis, false));
    }

    private long nextBoundary(long epochMillis, boolean open) {
        long day = MarketTime.istEpochDay(epochMillis);
        for (int i = 0; i < MAX_SEARCH_DAYS; i++, day++) {
            Optional<SessionHours> session = sessionOn(LocalDate.ofEpochDay(day));
            if (session.isPresent()) {
                long at = open ? session.get().openMillis(day) : session.get().closeMillis(day);
                if (at > epochMillis) {
                    return at;
                }
            }
        }
        throw new IllegalStateException("no session within " + MAX_SEARCH_DAYS + " days after "
                + MarketTime.isoIst(epochMillis));
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketCalendar c && holidays.equals(c.holidays) && specialSessions.equals(c.specialSessions);
    }

    @Override
    public int hashCode() { return Objects.hash(holidays, specialSessions); }

    @Override
    public String toString() {
        return "MarketCalendar[" + source + ": " + holidays.size() + " holidays, " + specialSessions.size()
                + " special sessions]";
    }
}
