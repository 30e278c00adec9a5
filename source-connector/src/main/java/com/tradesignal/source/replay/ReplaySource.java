package com.tradesignal.source.replay;

import com.tradesignal.serde.TickSerializer;
import com.tradesignal.source.replay.enumerator.ReplayEnumeratorState;
import com.tradesignal.source.replay.enumerator.ReplayEnumeratorStateSerializer;
import com.tradesignal.source.replay.enumerator.ReplaySplitEnumerator;
import com.tradesignal.source.replay.files.BadLinePolicy;
import com.tradesignal.source.replay.files.TickFiles;
import com.tradesignal.source.replay.reader.ReplaySourceReader;
import com.tradesignal.source.replay.split.TickShardSplit;
import com.tradesignal.source.replay.split.TickShardSplitSerializer;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded source of recorded ticks (CSV or JSON Lines, plain or gzip, several files and directories), merged into
 * timestamp order across files. It has the layout of the live Kite source: splits are instrument shards, one per
 * reader, pushed by the enumerator, read on a fetcher thread.
 *
 * <pre>{@code
 * ReplaySource source = ReplaySource.builder().ticks(List.of(Path.of("ticks/"))).skipBadLines(true).build();
 * env.fromSource(source, watermarks, "replay");
 * }</pre>
 */
public final class ReplaySource implements Source<Tick, TickShardSplit, ReplayEnumeratorState>, ResultTypeQueryable<Tick> {
    private static final long serialVersionUID = 1L;

    private final ReplaySettings settings;

    public ReplaySource(ReplaySettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ReplaySettings settings() {
        return settings;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<TickShardSplit, ReplayEnumeratorState> createEnumerator(
            SplitEnumeratorContext<TickShardSplit> context) {
        return new ReplaySplitEnumerator(context, settings.files(), ReplayEnumeratorState.initial());
    }

    @Override
    public SplitEnumerator<TickShardSplit, ReplayEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<TickShardSplit> context, ReplayEnumeratorState checkpoint) {
        return new ReplaySplitEnumerator(context, settings.files(), checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<TickShardSplit> getSplitSerializer() {
        return TickShardSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<ReplayEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new ReplayEnumeratorStateSerializer();
    }

    @Override
    public SourceReader<Tick, TickShardSplit> createReader(SourceReaderContext readerContext) {
        return new ReplaySourceReader(readerContext, settings);
    }

    @Override
    public TypeInformation<Tick> getProducedType() {
        return TickSerializer.TYPE;
    }

    /** Builds a {@link ReplaySource}; directories are expanded (and missing paths reported) when it is built. */
    public static final class Builder {
        private final List<Path> paths = new ArrayList<>();
        private BadLinePolicy badLinePolicy = BadLinePolicy.FAIL;
        private long maxTicksPerSecond;

        public Builder ticks(List<Path> filesOrDirectories) {
            paths.addAll(filesOrDirectories);
            return this;
        }

        /** Skip and count malformed lines instead of stopping at the first one. */
        public Builder skipBadLines(boolean skip) {
            badLinePolicy = skip ? BadLinePolicy.SKIP : BadLinePolicy.FAIL;
            return this;
        }

        /** Limits the replay to this many ticks per second in total; 0 (the default) means no limit. */
        public Builder maxTicksPerSecond(long rate) {
            maxTicksPerSecond = rate;
            return this;
        }

        public ReplaySource build() {
            List<String> files = new ArrayList<>();
            for (Path p : TickFiles.expand(paths)) {
                files.add(p.toString());
            }
            return new ReplaySource(new ReplaySettings(files, badLinePolicy, maxTicksPerSecond));
        }
    }
}
