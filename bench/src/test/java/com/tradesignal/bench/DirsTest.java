package com.tradesignal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirsTest {
    @TempDir
    Path dir;

    @Test
    void sizesTheIncludedFilesOutsideTheSkippedDirectoriesThenDeletesTheTree() throws Exception {
        Files.createDirectories(dir.resolve("run/chk-1"));
        Files.createDirectories(dir.resolve("run/savepoints/sp"));
        Files.write(dir.resolve("run/candles.jsonl"), new byte[100]);
        Files.write(dir.resolve("run/chk-1/_metadata"), new byte[30]);
        Files.write(dir.resolve("run/savepoints/sp/_metadata"), new byte[1000]);

        Path run = dir.resolve("run");
        assertThat(Dirs.size(run, p -> true, d -> d.equals(run.resolve("savepoints")))).isEqualTo(130);
        assertThat(Dirs.size(run, p -> p.toString().endsWith(".jsonl"), d -> false)).isEqualTo(100);
        assertThat(Dirs.size(dir.resolve("missing"), p -> true, d -> false)).isZero();

        Dirs.delete(run);
        assertThat(run).doesNotExist();
        Dirs.delete(run); // already gone: nothing to do
    }
}
