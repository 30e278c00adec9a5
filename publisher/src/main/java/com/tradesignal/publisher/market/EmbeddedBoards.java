package com.tradesignal.publisher.market;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Boards by name within this JVM: how the job's sink, which Flink creates from a serialized copy, finds the board of
 * the publisher running beside it in embedded mode. No broker, no socket: an offer is a queue insert.
 */
public final class EmbeddedBoards {
    private static final Map<String, MarketBoard> BOARDS = new ConcurrentHashMap<>();

    private EmbeddedBoards() {}

    public static void register(String name, MarketBoard board) {
        if (BOARDS.putIfAbsent(name, board) != null) {
            throw new IllegalStateException("a board named '" + name + "' is already registered in this JVM");
        }
    }

    public static Optional<MarketBoard> get(String name) {
        return Optional.ofNullable(BOARDS.get(name));
    }

    public static void unregister(String name) {
        BOARDS.remove(name);
    }
}
