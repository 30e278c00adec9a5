package com.tradesignal.source.kite.reader;

import com.tradesignal.kite.feed.ConnectionState;
import com.tradesignal.source.kite.feed.KiteFeed;
import org.apache.flink.metrics.MetricGroup;

/**
 * Each connection's status as Flink gauges under {@code kite.<feed id>}: connected (1/0), auth state (ordinal of
 * AuthState), ticks, heartbeats, malformed frames and packets, reconnects, watchdog reconnects, refused upgrades,
 * gaps, backfilled minutes, and the age of the last message. No token, not even its fingerprint: gauges are numbers.
 */
final class FeedMetrics {
    private final MetricGroup group;

    FeedMetrics(MetricGroup group) {
        this.group = group;
    }

    void register(String feedId, KiteFeed feed) {
        MetricGroup g = group.addGroup("kite").addGroup(feedId);
        g.gauge("connected", () -> feed.status().connection() == ConnectionState.CONNECTED ? 1 : 0);
        g.gauge("authState", () -> feed.status().auth().ordinal());
        g.gauge("ticks", () -> feed.status().ticks());
        g.gauge("heartbeats", () -> feed.status().heartbeats());
        g.gauge("malformedFrames", () -> feed.status().malformedFrames());
        g.gauge("malformedPackets", () -> feed.status().malformedPackets());
        g.gauge("reconnects", () -> feed.status().reconnects());
        g.gauge("watchdogReconnects", () -> feed.status().watchdogReconnects());
        g.gauge("refusedUpgrades", () -> feed.status().refusedUpgrades());
        g.gauge("gaps", () -> feed.status().gaps());
        g.gauge("backfilledMinutes", () -> feed.status().backfilledMinutes());
        g.gauge("lastMessageAgeMs", () -> {
            long last = feed.status().lastMessageWallMillis();
            return last < 0 ? -1 : System.currentTimeMillis() - last;
        });
    }
}
