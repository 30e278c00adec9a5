package com.tradesignal.kite.auth;

import java.util.Optional;

/**
 * Where the current access token lives, so that a login through the publisher reaches the feed's readers wherever
 * they run, with no restart. A file readable only by its owner on one machine; a Kafka topic in cluster mode.
 */
public interface TokenStore {

    /** The stored token, if any. Expired tokens are returned too: the caller decides. */
    Optional<AccessToken> load();

    /** Replaces the stored token. */
    void save(AccessToken token);

    /** Removes the stored token (logout). */
    void clear();

    /** Where the store is, for messages. Never the token. */
    String describe();
}
