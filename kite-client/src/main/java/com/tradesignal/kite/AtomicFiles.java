package com.tradesignal.kite;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a small file atomically: the content goes to a temporary file in the same directory (created with the
 * given permissions from the start, where the file system has them), which is then moved over the target. A reader
 * sees the old file or the new one, never half of one; a secret is never readable by others, not even for a moment.
 */
public final class AtomicFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {
    }

    /** @param permissions the file's permissions, or null for the defaults */
    public static void write(Path file, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String prefix = "." + file.getFileName();
        Path tmp = POSIX && permissions != null
                ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(permissions))
                : Files.createTempFile(dir, prefix, ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static boolean posix() {
        return POSIX;
    }
}
