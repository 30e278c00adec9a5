package com.tradesignal.kite.feed;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tradesignal.kite.auth.AuthState;

/**
 * One feed connection's state as operators and the dashboard see it. Written as JSON to
 * {@code STATE_DIR/feed-status/<feed_id>.json}; it never holds a token, only its fingerprint.
 *
 * @param lastTickMillis market time of the last tick, -1 before the first
 * @param lastMessageWallMillis wall time of the last message of any kind (heartbeats included), -1 before the first
 * @param lastGap the last gap after a reconnect, in words, or null
 * @param message why the feed is in this state, in words
 */
public record FeedStatus(
        @JsonProperty("feed_id") String feedId,
        @JsonProperty("mode") FeedMode mode,
        @JsonProperty("connection") ConnectionState connection,
        @JsonProperty("auth") AuthState auth,
        @JsonProperty("market_phase") String marketPhase,
        @JsonProperty("token_fingerprint") String tokenFingerprint,
        @JsonProperty("last_tick_millis") long lastTickMillis,
        @JsonProperty("last_message_wall_millis") long lastMessageWallMillis,
        @JsonProperty("connects") long connects,
        @JsonProperty("reconnects") long reconnects,
        @JsonProperty("watchdog_reconnects") long watchdogReconnects,
        @JsonProperty("refused_upgrades") long refusedUpgrades,
        @JsonProperty("gaps") long gaps,
        @JsonProperty("last_gap") String lastGap,
        @JsonProperty("backfilled_minutes") long backfilledMinutes,
        @JsonProperty("ticks") long ticks,
        @JsonProperty("heartbeats") long heartbeats,
        @JsonProperty("malformed_frames") long malformedFrames,
        @JsonProperty("malformed_packets") long malformedPackets,
        @JsonProperty("error_messages") long errorMessages,
        @JsonProperty("subscribed_tokens") int subscribedTokens,
        @JsonProperty("message") String message,
        @JsonProperty("updated_wall_millis") long updatedWallMillis) {
}
