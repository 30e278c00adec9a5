package com.tradesignal.signals;

import java.io.IOException;

/** Shared bits of the calculators' {@code writeTo}/{@code readFrom} formats. */
final class Serde {
    private Serde() {
    }

    static void checkVersion(int found, int supported, String what) throws IOException {
        if (found < 1 || found > supported) {
            throw new IOException(what + ": unsupported state format version " + found + " (this build reads 1.."
                    + supported + ")");
        }
    }
}
