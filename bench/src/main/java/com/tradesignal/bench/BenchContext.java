package com.tradesignal.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every benchmark part shares: a scratch directory for generated input and outputs, the shared fixtures, the
 * repository root (to start {@code ./tradesignal}), whether this is a quick run (small sizes, for a smoke check of
 * the benchmark code itself; its figures are not the ones to quote) and where progress goes.
 */
public record BenchContext(Path workDir, Path fixturesDir, Path repoRoot, boolean quick, PrintStream log) {
    public BenchContext {
        workDir = workDir.toAbsolutePath().normalize();
        fixturesDir = fixturesDir.toAbsolutePath().normalize();
        repoRoot = repoRoot.toAbsolutePath().normalize();
    }

    /** A fresh subdirectory of the work directory for one measurement. */
    public Path scratch(String name) throws java.io.IOException {
        Path dir = workDir.resolve(name);
        Dirs.delete(dir);
        return Files.createDirectories(dir);
    }

    /** A fixture file; fails with the path it looked for when the shared fixtures are not there. */
    public Path fixture(String relative) {
        Path p = fixturesDir.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture not found: " + p + " (the shared fixtures are expected at ../shared/fixtures)");
        }
        return p;
    }
}
