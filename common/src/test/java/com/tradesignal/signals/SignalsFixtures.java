package com.tradesignal.signals;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared fixtures: system property {@code tradesignal.shared} (set by surefire), else ../../shared. */
final class SignalsFixtures {
    private SignalsFixtures() {
    }

    static Path fixture(String relative) {
        String configured = System.getProperty("tradesignal.shared");
        Path shared = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "..", "shared");
        Path file = shared.resolve("fixtures").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("fixture not found: " + file.toAbsolutePath()
                    + " (set -Dtradesignal.shared=/path/to/shared)");
        }
        return file;
    }
}
