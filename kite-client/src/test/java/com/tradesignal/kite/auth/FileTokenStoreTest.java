package com.tradesignal.kite.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileTokenStoreTest {
    @TempDir
    Path dir;

    private static AccessToken token(String value) {
        return AccessToken.issued("key1", "AB1234", value, 1_764_300_000_000L);
    }

    @Test
    void aSavedTokenComesBackAndOnlyItsOwnerCanReadTheFile() throws Exception {
        FileTokenStore store = new FileTokenStore(dir.resolve("state/access-token.json"));
        assertThat(store.load()).isEmpty();
        store.save(token("tok-1"));
        assertThat(store.load()).contains(token("tok-1"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aNewTokenReplacesTheOldOneAndLeavesNoTemporaryFile() throws Exception {
        FileTokenStore store = new FileTokenStore(dir.resolve("access-token.json"));
        store.save(token("tok-1"));
        store.save(token("tok-2"));
        assertThat(store.load().orElseThrow().token()).isEqualTo("tok-2");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("access-token.json");
        }
    }

    @Test
    void aTokenFileOthersCanReadIsRefused() throws Exception {
        FileTokenStore store = new FileTokenStore(dir.resolve("access-token.json"));
        store.save(token("tok-1"));
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(store::load).hasMessageContaining("readable by others (rw-r--r--)")
                .hasMessageContaining(store.file().toString()).hasMessageNotContaining("tok-1");
    }

    @Test
    void aMalformedFileNamesTheFieldAndNeverTheToken() throws Exception {
        Path file = dir.resolve("access-token.json");
        Files.writeString(file, "{\"api_key\":\"k\",\"access_token\":\"secret-value\",\"issued_at\":\"soon\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> new FileTokenStore(file).load())
                .hasMessageContaining("field 'issued_at'").hasMessageNotContaining("secret-value");
    }

    @Test
    void theTokenNeverShowsInItsTextForm() {
        AccessToken t = token("very-secret-token");
        assertThat(t.toString()).doesNotContain("very-secret-token").contains(t.fingerprint());
    }

    @Test
    void aTokenExpiresAtSixInTheMorningISTTheNextDay() {
        // 2025-11-28 08:50 IST
        long issued = java.time.OffsetDateTime.parse("2025-11-28T08:50:00+05:30").toInstant().toEpochMilli();
        AccessToken t = AccessToken.issued("k", "u", "t", issued);
        assertThat(t.expiresAtMillis()).isEqualTo(
                java.time.OffsetDateTime.parse("2025-11-29T06:00:00+05:30").toInstant().toEpochMilli());
        assertThat(t.isExpiredAt(t.expiresAtMillis() - 1)).isFalse();
        assertThat(t.isExpiredAt(t.expiresAtMillis())).isTrue();
    }
}
