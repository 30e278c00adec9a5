package com.tradesignal.kite.auth;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LoginStatesTest {
    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final LoginStates states = new LoginStates(now::get);

    @Test
    void aStateIsAcceptedOnceOnly() {
        String state = states.issue();
        assertThat(states.consume(state)).isTrue();
        assertThat(states.consume(state)).isFalse();
    }

    @Test
    void aStateNobodyIssuedIsRefused() {
        states.issue();
        assertThat(states.consume("forged")).isFalse();
        assertThat(states.consume(null)).isFalse();
    }

    @Test
    void aStateExpiresAfterTenMinutes() {
        String fresh = states.issue();
        String stale = states.issue();
        now.addAndGet(LoginStates.VALIDITY_MS - 1);
        assertThat(states.consume(fresh)).isTrue();
        now.addAndGet(1);
        assertThat(states.consume(stale)).isFalse();
    }

    @Test
    void statesAreUnguessableAndUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String s = states.issue();
            assertThat(s).matches("[A-Za-z0-9_-]{43}");
            seen.add(s);
        }
        assertThat(seen).hasSize(100);
    }
}
