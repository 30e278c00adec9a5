package com.tradesignal.market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A calendar file that is re-read when it changes. {@link #current()} checks the file's modification time and size
 * (one {@code stat}) and reloads when either changed. A bad edit (or a deleted file) keeps the last good calendar;
 * the error is reported once per change to the error listener and kept in {@link #lastError()} until a good
 * version is loaded. Thread-safe.
 */
public final class ReloadingCalendar {
    private static final System.Logger LOG = System.getLogger(ReloadingCalendar.class.getName());

    private final Path file;
    private final Consumer<String> errorListener;
    private MarketCalendar calendar;
    private Object seenVersion;
    private String lastError;

    private ReloadingCalendar(Path file, MarketCalendar initial, Object version, String error,
                              Consumer<String> errorListener) {
        this.file = file;
        this.calendar = initial;
        this.seenVersion = version;
        this.lastError = error;
        this.errorListener = errorListener;
    }

    /** Loads {@code file} now; a bad or missing file is a {@link CalendarFormatException}. Errors go to the log. */
    public static ReloadingCalendar open(Path file) {
        return open(file, msg -> LOG.log(System.Logger.Level.WARNING, msg));
    }

    public static ReloadingCalendar open(Path file, Consumer<String> errorListener) {
        Objects.requireNonNull(errorListener, "errorListener");
        Object version = version(file);
        return new ReloadingCalendar(file, MarketCalendar.load(file), version, null, errorListener);
    }

    /** Like {@link #open} but starts from {@code fallback} (reporting the error) if the file is bad or missing. */
    public static ReloadingCalendar openOrFallback(Path file, MarketCalendar fallback, Consumer<String> errorListener) {
        Object version = version(file);
        try {
            return new ReloadingCalendar(file, MarketCalendar.load(file), version, null, errorListener);
        } catch (CalendarFormatException e) {
            errorListener.accept(e.getMessage() + " (using " + fallback.source() + ")");
            return new ReloadingCalendar(file, fallback, version, e.getMessage(), errorListener);
        }
    }

    /** The calendar, reloaded first if the file changed since the last look. */
    public synchronized MarketCalendar current() {
        Object version = version(file);
        if (!Objects.equals(version, seenVersion)) {
            seenVersion = version;
            try {
                calendar = MarketCalendar.load(file);
                lastError = null;
            } catch (CalendarFormatException e) {
                lastError = e.getMessage();
                errorListener.accept(e.getMessage() + " (keeping the last good calendar)");
            }
        }
        return calendar;
    }

    /** The error of the latest load attempt, empty if it succeeded. */
    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Path file() { return file; }

    private static Object version(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + "/" + a.size();
        } catch (IOException e) {
            return "missing";
        }
    }
}
