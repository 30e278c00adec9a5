package com.tradesignal.kite.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/** Reads the official kiteconnect-mocks fixtures in place. */
final class KiteFixtures {
    static final Path DIR = Path.of(System.getProperty("tradesignal.shared", "../../shared"), "fixtures", "kite-mocks");

    private KiteFixtures() {
    }

    static byte[] packet(String name) {
        try {
            return Base64.getDecoder().decode(Files.readString(DIR.resolve(name), StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(DIR.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] frame(byte[]... bodies) {
        return KiteFrameEncoder.frameOfBodies(List.of(bodies));
    }
}
