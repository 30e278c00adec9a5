package com.tradesignal.bench.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ta4j baseline is only a fair comparison if it computes the same things: on the same SIMULATED input its bars
 * must be the project's candles (OHLC and volume, every instrument and interval), and its indicators must agree with
 * the project's where the definitions agree. The project's candles come from the plain loop, which
 * {@link PlainLoopBaselineTest} holds equal to the job's.
 */
class Ta4jBaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** EMA seeds differ (ta4j: the first close; the project: the SMA of the first 9), and the gap shrinks by 0.8 a bar. */
    private static final int EMA9_WARM_UP_BARS = 80;

    @TempDir
    static Path dir;
    static BaselineResult ta4j;
    /** By "token interval start". */
    static Map<String, JsonNode> ta4jBars;
    static Map<String, JsonNode> projectCandles;
    static Map<String, JsonNode> projectSignals;

    @BeforeAll
    static void runBoth() throws IOException {
        SimulatedReplayInput input = new SimulatedReplayInput(dir.resolve("input"));
        PlainLoopBaseline.run(input.tickFiles, input.instruments, dir.resolve("loop"));
        ta4j = Ta4jBaseline.run(input.tickFiles, input.instruments, dir.resolve("ta4j"));
        ta4jBars = read(dir.resolve("ta4j/candles.jsonl"));
        projectCandles = read(dir.resolve("loop/candles.jsonl"));
        projectSignals = read(dir.resolve("loop/signals.jsonl"));
    }

    private static Map<String, JsonNode> read(Path file) throws IOException {
        Map<String, JsonNode> byKey = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            String key = n.get("token").asLong() + " " + n.get("interval").asText() + " " + n.get("start").asText();
            assertThat(byKey.put(key, n)).as("one line per bar: %s", key).isNull();
        }
        return byKey;
    }

    @Test
    void everyBarIsTheProjectsCandleWithTheSameOhlcAndVolume() {
        assertThat(ta4jBars.keySet()).isEqualTo(projectCandles.keySet());
        assertThat(ta4j.candles()).isEqualTo(ta4jBars.size());
        assertThat(ta4jBars.keySet()).anyMatch(k -> k.contains(" 15m "));
        boolean someVolume = false;
        for (Map.Entry<String, JsonNode> e : projectCandles.entrySet()) {
            JsonNode bar = ta4jBars.get(e.getKey());
            for (String field : List.of("open", "high", "low", "close")) {
                assertThat(bar.get(field).asDouble()).as("%s %s", e.getKey(), field).isEqualTo(e.getValue().get(field).asDouble());
            }
            assertThat(bar.get("volume").asLong()).as("%s volume", e.getKey()).isEqualTo(e.getValue().get("volume").asLong());
            someVolume |= bar.get("volume").asLong() > 0;
        }
        assertThat(someVolume).as("the futures' volume is compared, not only the indices' zeros").isTrue();
    }

    @Test
    void ema9OnOneMinuteClosesAgreesWithTheProjectsOnceTheSeedHasWashedOut() {
        Map<Long, List<String>> oneMinuteKeysByToken = new TreeMap<>();
        for (String key : projectSignals.keySet()) {
            if (key.contains(" 1m ")) {
                oneMinuteKeysByToken.computeIfAbsent(Long.parseLong(key.substring(0, key.indexOf(' '))), t -> new ArrayList<>()).add(key);
            }
        }
        int compared = 0;
        for (List<String> keys : oneMinuteKeysByToken.values()) { // in time order: the keys' starts are ISO times of one offset
            // the project's EMA is null until its 9th close, ta4j's is a number from the first: the seeding differs
            assertThat(projectSignals.get(keys.get(0)).get("ema_9").isNull()).isTrue();
            assertThat(ta4jBars.get(keys.get(0)).get("ema_9").isNull()).isFalse();
            for (int i = EMA9_WARM_UP_BARS; i < keys.size(); i++) {
                double project = projectSignals.get(keys.get(i)).get("ema_9").asDouble();
                assertThat(ta4jBars.get(keys.get(i)).get("ema_9").asDouble()).as(keys.get(i))
                        .isCloseTo(project, within(Math.abs(project) * 1e-7));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void pivotsComeFromThePreviousSessionLikeTheProjects() {
        int compared = 0;
        for (Map.Entry<String, JsonNode> e : projectSignals.entrySet()) {
            JsonNode mine = ta4jBars.get(e.getKey());
            assertThat(mine.get("pivot").isNull()).as(e.getKey()).isEqualTo(e.getValue().get("pivot").isNull());
            if (!mine.get("pivot").isNull()) {
                for (String level : List.of("pivot", "r1", "r2", "r3", "s1", "s2", "s3")) {
                    assertThat(mine.get(level).asDouble()).as("%s %s", e.getKey(), level)
                            .isCloseTo(e.getValue().get(level).asDouble(), within(1e-6));
                }
                compared++;
            }
        }
        assertThat(compared).as("rows of the second day").isGreaterThan(1000);
    }
}
