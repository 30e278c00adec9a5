package com.tradesignal.source.replay;

import com.tradesignal.source.replay.files.BadLinePolicy;

import java.io.Serializable;
import java.util.List;

/**
 * How a replay reads its files.
 *
 * @param files             the tick files, already expanded from directories, in the order used to break time ties
 * @param badLinePolicy     stop at the first malformed line, or skip and count malformed lines
 * @param maxTicksPerSecond replay rate limit over all readers; 0 replays as fast as the job can go
 */
public record ReplaySettings(List<String> files, BadLinePolicy badLinePolicy, long maxTicksPerSecond)
        implements Serializable {
    public ReplaySettings {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least one tick file");
        }
        if (maxTicksPerSecond < 0) {
            throw new IllegalArgumentException("maxTicksPerSecond must be >= 0");
        }
    }
}
