package com.tradesignal.kite.feed;

import java.nio.file.Path;

/**
 * The files a running feed shares with the publisher and operators, all under one directory (default
 * {@code ~/.tradesignal}): the access token (0600), the operator's switch, and each connection's status.
 */
public record StateDirectory(Path root) {
    public static final String TOKEN_FILE = "access-token.json";
    public static final String CONTROL_FILE = "feed-control.json";
    public static final String STATUS_DIR = "feed-status";

    public static StateDirectory defaultLocation() {
        return new StateDirectory(Path.of(System.getProperty("user.home"), ".tradesignal"));
    }

    public Path tokenFile() {
        return root.resolve(TOKEN_FILE);
    }

    public Path controlFile() {
        return root.resolve(CONTROL_FILE);
    }

    public Path statusDirectory() {
        return root.resolve(STATUS_DIR);
    }
}
