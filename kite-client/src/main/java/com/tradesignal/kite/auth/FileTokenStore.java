package com.tradesignal.kite.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.kite.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The access token in a JSON file that only its owner can read (0600, in a 0700 directory when this creates it).
 *
 * <p>The file is written to a temporary file created with those permissions from the start, then moved over the
 * old one atomically, so a reader never sees half a token and the token is never readable by others, not even for
 * a moment. A file that others can read is refused rather than used: a token that may have leaked should be
 * replaced by a new login. Readers poll {@link #load()}; it is a small file and a stat, cheap enough every second.
 */
public final class FileTokenStore implements TokenStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;

    public FileTokenStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<AccessToken> load() {
        byte[] bytes;
        try {
            if (POSIX) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(perms)) {
                    throw new IllegalStateException("token file " + file + " is readable by others ("
                            + PosixFilePermissions.toString(perms) + "): refusing it; remove it and log in again");
                }
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file + ": " + e.getMessage(), e);
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new IllegalStateException("token file " + file + ": not a JSON object");
            }
            return Optional.of(new AccessToken(text(n, "api_key"), optionalText(n, "user_id"), text(n, "access_token"),
                    number(n, "issued_at"), number(n, "expires_at")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Only the position: Jackson's own message quotes the content, which may be the token.
            var at = e.getLocation();
            throw new IllegalStateException("token file " + file + ": not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file, e);
        }
    }

    private String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalStateException("token file " + file + ": field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalStateException("token file " + file + ": field '" + field + "' is missing or not epoch milliseconds");
        }
        return v.asLong();
    }

    @Override
    public void save(AccessToken token) {
        ObjectNode n = JSON.createObjectNode();
        n.put("api_key", token.apiKey());
        n.put("user_id", token.userId());
        n.put("access_token", token.token());
        n.put("issued_at", token.issuedAtMillis());
        n.put("expires_at", token.expiresAtMillis());
        try {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                if (POSIX) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } else {
                    Files.createDirectories(dir);
                }
            }
            AtomicFiles.write(file, JSON.writeValueAsBytes(n), OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write token file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete token file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    static Set<PosixFilePermission> ownerOnly() {
        return EnumSet.copyOf(OWNER_ONLY);
    }
}
