package com.tradesignal.cli;

import com.tradesignal.publisher.AccessGuard;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --access-token-file}, shared by every command that serves the dashboard (a picocli mixin). */
final class AccessTokenOption {
    @Option(names = "--access-token-file", paramLabel = "FILE",
            description = "Protect the dashboard, its WebSocket and /api/* with the token in FILE (or set "
                    + "TRADESIGNAL_DASHBOARD_TOKEN); open the page once as /?token=... . Needed when binding beyond localhost.")
    Path file;

    AccessGuard guard() {
        return AccessGuard.configured(file);
    }
}
