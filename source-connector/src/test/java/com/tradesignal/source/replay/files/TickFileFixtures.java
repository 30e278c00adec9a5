package com.tradesignal.source.replay.files;

import com.tradesignal.tick.Tick;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.zip.GZIPOutputStream;

/** Writing small tick files for tests and reading them back. */
final class TickFileFixtures {
    private TickFileFixtures() {}

    /** Writes the lines, each ended by \n, gzipped if the name ends in .gz. */
    static Path write(Path dir, String name, String... lines) {
        return writeRaw(dir, name, String.join("\n", lines) + "\n");
    }

    static Path writeRaw(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (name.endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(bytes);
                }
            } else {
                Files.write(file, bytes);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Tick> readAll(Path file) {
        return readAll(file, FilePosition.START, BadLinePolicy.FAIL, null, null);
    }

    static List<Tick> readAll(Path file, FilePosition from, BadLinePolicy policy, BadLineListener listener,
                              LongPredicate filter) {
        try (TickFileReader reader = TickFileReader.open(file, from, policy, listener, filter)) {
            List<Tick> ticks = new ArrayList<>();
            for (Tick t = reader.next(); t != null; t = reader.next()) {
                ticks.add(t);
            }
            return ticks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Tick readOne(Path file) {
        List<Tick> ticks = readAll(file);
        if (ticks.size() != 1) {
            throw new AssertionError("expected one tick, got " + ticks);
        }
        return ticks.get(0);
    }

    static long millis(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant().toEpochMilli();
    }
}
