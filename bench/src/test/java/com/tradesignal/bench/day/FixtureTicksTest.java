package com.tradesignal.bench.day;

import com.tradesignal.market.MarketTime;
import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FixtureTicksTest {
    @Test
    void ticksRebuildEachRealCandle(@TempDir Path dir) throws Exception {
        // a one-month slice of the fixtures, cut at test time
        Path in = Files.createDirectories(dir.resolve("in"));
        Path source = MarketDayTest.fixtures().resolve("nse-index-1min/2022-dec-nifty.csv");
        Files.copy(source, in.resolve("2022-dec-nifty.csv"));
        FixtureTicks.Result r = FixtureTicks.convert(in, Files.createDirectories(dir.resolve("out")));
        List<String> rows = Files.readAllLines(source);
        assertThat(r.candles()).isEqualTo(rows.size());
        List<Tick> ticks = MarketDayTest.readAll(r.files());
        assertThat(ticks).hasSize((int) r.ticks());

        // 2022-12-01 09:15 (labelled 09:16): NIFTY,20221201,09:16,18874.30,18874.30,18842.05,18857.70 - a falling minute
        List<Tick> minute = ticks.stream().filter(t -> MarketTime.isoIst(t.exchangeTime).startsWith("2022-12-01T09:15")).toList();
        assertThat(minute).extracting(t -> t.lastPrice).containsExactly(18874.30, 18874.30, 18842.05, 18857.70);
        assertThat(minute).allSatisfy(t -> assertThat(t.token).isEqualTo(256265L));
        // the pre-open print (labelled 09:09) is a single tick at 09:08
        List<Tick> preOpen = ticks.stream().filter(t -> MarketTime.isoIst(t.exchangeTime).startsWith("2022-12-01T09:0")).toList();
        assertThat(preOpen).extracting(t -> t.lastPrice).containsExactly(18871.95);
        assertThat(MarketTime.isoIst(preOpen.get(0).exchangeTime)).isEqualTo("2022-12-01T09:08:00+05:30");
    }
}
