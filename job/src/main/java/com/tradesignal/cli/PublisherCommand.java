package com.tradesignal.cli;

import com.tradesignal.kite.KiteEndpoints;
import com.tradesignal.kite.auth.FileTokenStore;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.kite.rest.KiteRestClient;
import com.tradesignal.market.MarketClock;
import com.tradesignal.publisher.AccessGuard;
import com.tradesignal.publisher.PublisherServer;
import com.tradesignal.publisher.auth.KiteLogin;
import com.tradesignal.publisher.kafka.SignalsTopicReader;
import com.tradesignal.publisher.kafka.Topics;
import com.tradesignal.publisher.market.DataSource;
import com.tradesignal.publisher.market.MarketBoard;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./tradesignal publisher}: the publisher alone, with the Kite login; with {@code --kafka}, in cluster mode: its
 * board fed from the job's topics (docs/publisher.md).
 */
@Command(name = "publisher", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the publisher (default http://127.0.0.1:8000): /health, the Kite login at /api/auth/login "
                + "(the API secret comes from the KITE_API_SECRET environment variable, never from the command line), "
                + "and the feed switch at /api/feed/*. With --kafka it also serves the dashboard of a job running on a "
                + "Flink cluster, from the topics that job writes."})
final class PublisherCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--api-key", defaultValue = "${env:KITE_API_KEY}", description = "Kite API key (default: $KITE_API_KEY).")
    String apiKey;

    @Option(names = "--kite-url", paramLabel = "URL", description = "A Kite-protocol server such as ./tradesignal simulate (default: Kite).")
    String kiteUrl;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Default: ~/.tradesignal.")
    Path stateDir;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Cluster mode: show the signal rows and prices "
            + "the job writes to Kafka at BOOTSTRAP (host:port[,host:port...]).")
    String kafka;

    @Option(names = "--signals-topic", defaultValue = Topics.SIGNALS, description = "Default: ${DEFAULT-VALUE}.")
    String signalsTopic;

    @Option(names = "--prices-topic", defaultValue = Topics.PRICES, description = "Default: ${DEFAULT-VALUE}.")
    String pricesTopic;

    @Option(names = "--kafka-lookback", defaultValue = "30h", converter = DurationConverter.class,
            description = "How far back a starting publisher reads the topics to rebuild the board (default: "
                    + "${DEFAULT-VALUE}, so the previous session is in).")
    Duration lookback;

    @picocli.CommandLine.Mixin
    AccessTokenOption accessToken;

    /** The Kite login when the API key and KITE_API_SECRET are both set; null (and said so) otherwise. */
    static KiteLogin login(String apiKey, KiteEndpoints endpoints, StateDirectory state, MarketClock clock) {
        String secret = System.getenv("KITE_API_SECRET");
        if (apiKey == null || apiKey.isBlank() || secret == null || secret.isBlank()) {
            System.err.println("No --api-key and KITE_API_SECRET: the Kite login is off.");
            return null;
        }
        return new KiteLogin(new KiteRestClient(endpoints, apiKey), secret, new FileTokenStore(state.tokenFile()), state, clock);
    }

    @Override
    public Integer call() throws Exception {
        StateDirectory state = stateDir != null ? new StateDirectory(stateDir) : StateDirectory.defaultLocation();
        KiteEndpoints endpoints = kiteUrl == null ? KiteEndpoints.KITE : KiteEndpoints.at(kiteUrl);
        KiteLogin login = login(apiKey, endpoints, state, MarketClock.system());
        AccessGuard access = accessToken.guard();
        if (kafka == null) {
            PublisherServer server = PublisherServer.start(PublisherServer.Config.of(host, port,
                    new MarketBoard(DataSource.LIVE, new PublisherMetrics())).withLogin(login, state).withAccess(access));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            printStarted(server, login, "");
        } else {
            // LIVE until the records' data_source header says otherwise (the reader relabels the board).
            MarketBoard board = new MarketBoard(DataSource.LIVE, new PublisherMetrics());
            PublisherServer server = PublisherServer.start(PublisherServer.Config.of(host, port, board).withLogin(login, state)
                    .withAccess(access));
            SignalsTopicReader reader = SignalsTopicReader.start(SignalsTopicReader.Settings.of(kafka)
                    .withTopics(signalsTopic, pricesTopic).withLookback(lookback), board);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                reader.close();
                board.close();
            }));
            printStarted(server, login, "; reading " + signalsTopic + " and " + pricesTopic + " from Kafka at " + kafka);
        }
        new CountDownLatch(1).await();
        return 0;
    }

    private void printStarted(PublisherServer server, KiteLogin login, String mode) {
        System.err.println("TradeSignal publisher on http://" + host + ":" + server.port() + mode
                + (login != null ? "  (log in: http://" + host + ":" + server.port() + "/api/auth/login)" : ""));
    }
}
