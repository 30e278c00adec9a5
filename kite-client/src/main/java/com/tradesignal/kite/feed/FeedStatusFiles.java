package com.tradesignal.kite.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.kite.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Feed status files: one JSON file per feed in a directory, replaced atomically so a reader never sees half. */
public final class FeedStatusFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private FeedStatusFiles() {
    }

    public static void write(Path dir, FeedStatus status) {
        try {
            AtomicFiles.write(dir.resolve(status.feedId() + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(status), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feed status to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every feed's status in {@code dir}, sorted by feed id; empty if the directory does not exist. */
    public static List<FeedStatus> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<FeedStatus> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(JSON.readValue(p.toFile(), FeedStatus.class));
                } catch (IOException e) {
                    throw new IllegalStateException("feed status file " + p + " is not valid: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }
}
