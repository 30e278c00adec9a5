package com.tradesignal.kite.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.kite.AtomicFiles;
import com.tradesignal.market.FeedSchedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The operator's switch: {@code {"override":"FORCE_ON"|"FORCE_OFF"|"NONE", "requested_by":..., "at":...}} in
 * {@code STATE_DIR/feed-control.json}. FORCE_ON connects outside the calendar's hours (a special session the calendar
 * does not know yet), FORCE_OFF disconnects and keeps the feed off, NONE (or no file) follows the calendar. Every
 * feed polls it about once a second, wherever it runs, so no restart is needed.
 */
public final class FeedControlFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public FeedControlFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public FeedSchedule.Override read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return FeedSchedule.Override.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feed control file " + file, e);
        }
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("feed control file " + file + " is not valid JSON: " + e.getMessage());
        }
        JsonNode o = n == null ? null : n.get("override");
        if (o == null || !o.isTextual()) {
            throw new IllegalStateException("feed control file " + file + ": field 'override' is missing (NONE, FORCE_ON or FORCE_OFF)");
        }
        try {
            return FeedSchedule.Override.valueOf(o.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("feed control file " + file + ": field 'override': '" + o.asText()
                    + "' is not one of NONE, FORCE_ON, FORCE_OFF");
        }
    }

    public void write(FeedSchedule.Override override, String requestedBy) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(JSON.createObjectNode().put("override", override.name())
                    .put("requested_by", requestedBy).put("at", Instant.now().toString())), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feed control file " + file + ": " + e.getMessage(), e);
        }
    }
}
