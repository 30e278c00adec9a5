package com.tradesignal.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real market data in {@code ../shared/fixtures}, read in place (the project ships none of it): the
 * system property {@code tradesignal.shared} (set by surefire), else {@code ../../shared} from the module directory.
 */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    public static Path shared() {
        String configured = System.getProperty("tradesignal.shared");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "..", "shared");
    }

    public static Path fixture(String relative) {
        Path file = shared().resolve("fixtures").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("fixture not found: " + file.toAbsolutePath()
                    + " (set -Dtradesignal.shared=/path/to/shared)");
        }
        return file;
    }
}
