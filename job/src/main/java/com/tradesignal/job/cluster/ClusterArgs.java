package com.tradesignal.job.cluster;

import com.tradesignal.publisher.kafka.Topics;
import com.tradesignal.cli.MarketClockOption;
import com.tradesignal.job.journal.TickJournal;
import com.tradesignal.market.MarketClock;
import org.apache.flink.util.ParameterTool;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The cluster job's arguments ({@code --name value}, Flink's {@link ParameterTool}), checked up front so a bad
 * submission fails at {@code flink run} with the argument named, not in a TaskManager later.
 */
public record ClusterArgs(ParameterTool params, Mode mode, String bootstrap, String signalsTopic, String pricesTopic,
                          String ticksTopic, String transactionalIdPrefix, boolean prices, List<Path> replayFiles,
                          Instant replayFrom, Instant replayTo, long maxTicksPerSecond, Path instruments,
                          String apiKey, String kiteUrl, String stateDir, List<String> underlyings, MarketClock clock) {

    public enum Mode { LIVE, SIMULATOR, REPLAY }

    /** Arguments that would put a secret on the command line, where the web UI and `ps` show it. */
    static final Set<String> REFUSED = Set.of("kite.api-secret", "api-secret", "access-token", "kite.access-token");

    public static ClusterArgs parse(ParameterTool p) {
        for (String key : REFUSED) {
            if (p.has(key)) {
                throw new IllegalArgumentException("--" + key + " is refused: secrets never go in job arguments (the web UI shows "
                        + "them). The live source reads the access token from the token file in --state.dir.");
            }
        }
        Mode mode = mode(p.get("mode"));
        String bootstrap = required(p, "kafka.bootstrap");
        List<Path> files = ClusterJob.paths(p.get("replay.files"));
        Instant from = time(p, "replay.from");
        Instant to = time(p, "replay.to");
        String apiKey = p.get("kite.api-key");
        String kiteUrl = p.get("kite.url");
        String stateDir = p.get("state.dir");
        if (mode == Mode.REPLAY && files.isEmpty() && from == null) {
            throw new IllegalArgumentException("--mode replay needs --replay.files PATH[,PATH…] or --replay.from TIME "
                    + "(ISO-8601 with offset, e.g. 2026-11-27T09:00+05:30) to replay the ticks journal");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("--replay.to " + p.get("replay.to") + " is not after --replay.from " + p.get("replay.from"));
        }
        if (mode != Mode.REPLAY) {
            if (apiKey == null) throw new IllegalArgumentException("--mode " + mode.name().toLowerCase() + " needs --kite.api-key");
            if (stateDir == null) {
                throw new IllegalArgumentException("--mode " + mode.name().toLowerCase() + " needs --state.dir: the directory "
                        + "(shared with the publisher) that holds the access token file");
            }
            if (mode == Mode.SIMULATOR && kiteUrl == null) {
                throw new IllegalArgumentException("--mode simulator needs --kite.url of a Kite-protocol simulator (./tradesignal simulate)");
            }
        }
        long maxRate;
        try {
            maxRate = Long.parseLong(p.get("replay.max-ticks-per-second", "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--replay.max-ticks-per-second must be a whole number, not " + p.get("replay.max-ticks-per-second"));
        }
        String instruments = p.get("instruments");
        MarketClock clock = clock(p.get("kite.market-clock"), kiteUrl, mode);
        return new ClusterArgs(p, mode, bootstrap, p.get("topics.signals", Topics.SIGNALS), p.get("topics.prices", Topics.PRICES),
                p.get("topics.ticks", TickJournal.TOPIC), p.get("transactional-id-prefix", "tradesignal"),
                p.getBoolean("prices", true), files, from, to, maxRate, instruments == null ? null : Path.of(instruments),
                apiKey, kiteUrl, stateDir, Arrays.asList(p.get("underlyings", "NIFTY,BANKNIFTY,SENSEX").split(",")), clock);
    }

    /**
     * The market clock: the wall clock for Kite; for a simulator its own clock, given as MARKET_START,WALL_START,SPEED
     * (what {@code ./tradesignal simulate} prints) or {@code from-simulator} (asked of {@code --kite.url}/sim/status
     * at submission), so the feed's calendar follows the simulated market.
     */
    static MarketClock clock(String raw, String kiteUrl, Mode mode) {
        if (raw == null) return MarketClock.system();
        if (mode == Mode.LIVE) throw new IllegalArgumentException("--kite.market-clock is for --mode simulator: Kite runs on the wall clock");
        if (!raw.equals("from-simulator")) return MarketClockOption.parse(raw);
        String url = kiteUrl.replaceAll("/+$", "") + "/sim/status";
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            com.fasterxml.jackson.databind.JsonNode status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
            return MarketClock.simulated(OffsetDateTime.parse(status.get("marketTime").asText()).toInstant(), Instant.now(),
                    status.get("speed").asDouble());
        } catch (Exception e) {
            throw new IllegalArgumentException("--kite.market-clock from-simulator: cannot read the clock at " + url + ": " + e.getMessage(), e);
        }
    }

    private static Mode mode(String raw) {
        if (raw == null) throw new IllegalArgumentException("--mode is required: live, simulator or replay");
        try {
            return Mode.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mode " + raw + " is not one of live, simulator, replay");
        }
    }

    private static String required(ParameterTool p, String key) {
        String v = p.get(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("--" + key + " is required");
        return v;
    }

    private static Instant time(ParameterTool p, String key) {
        String v = p.get(key);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + key + " " + v + " is not an ISO-8601 time with offset, e.g. 2026-11-27T09:00+05:30");
        }
    }
}
