package com.tradesignal.source.kite;

import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.kite.rest.KiteRestClient;
import com.tradesignal.source.kite.enumerator.KiteEnumeratorState;
import com.tradesignal.source.kite.enumerator.KiteEnumeratorStateSerializer;
import com.tradesignal.source.kite.enumerator.KiteSplitEnumerator;
import com.tradesignal.source.kite.feed.FeedResume;
import com.tradesignal.source.kite.feed.FeedSettings;
import com.tradesignal.source.kite.feed.KiteFeed;
import com.tradesignal.source.kite.reader.KiteSourceReader;
import com.tradesignal.source.kite.split.KiteSplit;
import com.tradesignal.source.kite.split.KiteSplitPlanner;
import com.tradesignal.source.kite.split.KiteSplitSerializer;
import com.tradesignal.tick.Tick;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.nio.file.Path;

/**
 * The live Kite tick feed as a FLIP-27 source: unbounded, event time = exchange timestamp, one WebSocket connection
 * per split, at most three (Kite's limit per API key).
 *
 * <p>The source carries no secret. Readers read the access token from the token store in the state directory (a
 * file only its owner can read), so a new login through the publisher reaches them without a job restart; the API
 * secret is only ever needed by whoever exchanges the request token. Build with {@link #builder()}.
 */
public final class KiteSource implements Source<Tick, KiteSplit, KiteEnumeratorState> {
    private static final long serialVersionUID = 1L;

    private final KiteSourceOptions options;

    KiteSource(KiteSourceOptions options) {
        this.options = options;
    }

    public static KiteSourceBuilder builder() {
        return new KiteSourceBuilder();
    }

    public KiteSourceOptions options() {
        return options;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<Tick, KiteSplit> createReader(SourceReaderContext context) {
        KiteSourceOptions o = options;
        return new KiteSourceReader((split, onData) -> feedFor(o, split, onData), context);
    }

    static KiteFeed feedFor(KiteSourceOptions o, KiteSplit split, Runnable onData) {
        FeedSettings settings = o.feed().withShare(split.underlyings(), split.extraTokens());
        return new KiteFeed(split.splitId(), settings, new KiteRestClient(settings.endpoints(), settings.apiKey()),
                new FileTokenStore(new StateDirectory(Path.of(settings.stateDirectory())).tokenFile()),
                FeedResume.of(split.lastExchangeTime(), split.lastCumulativeVolume()), onData, null);
    }

    @Override
    public SplitEnumerator<KiteSplit, KiteEnumeratorState> createEnumerator(SplitEnumeratorContext<KiteSplit> context) {
        return restoreEnumerator(context, KiteEnumeratorState.initial());
    }

    @Override
    public SplitEnumerator<KiteSplit, KiteEnumeratorState> restoreEnumerator(SplitEnumeratorContext<KiteSplit> context,
                                                                             KiteEnumeratorState checkpoint) {
        KiteSourceOptions o = options;
        return new KiteSplitEnumerator(context, () -> KiteSplitPlanner.plan(o.underlyings(), o.extraTokens(),
                o.feed().optionStrikesEachSide(), o.maxConnections(), KiteSplitPlanner.KITE_MAX_TOKENS_PER_CONNECTION), checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<KiteSplit> getSplitSerializer() {
        return KiteSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<KiteEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new KiteEnumeratorStateSerializer();
    }
}
