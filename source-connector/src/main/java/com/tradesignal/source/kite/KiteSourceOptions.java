package com.tradesignal.source.kite;

import com.tradesignal.source.kite.feed.FeedSettings;

import java.io.Serializable;
import java.util.List;

/**
 * Everything the live source needs, none of it secret: the feed settings shared by every connection and how many
 * connections to open (at most Kite's three per API key).
 */
public record KiteSourceOptions(FeedSettings feed, int maxConnections) implements Serializable {

    public List<String> underlyings() {
        return feed.underlyings();
    }

    public List<Long> extraTokens() {
        return feed.extraTokens();
    }
}
