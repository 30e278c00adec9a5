package com.tradesignal.publisher.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradesignal.publisher.metrics.PublisherMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MarketBoardTest {
    private final PublisherMetrics metrics = new PublisherMetrics();
    private final MarketBoard board = new MarketBoard(DataSource.SIMULATED, metrics);

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void indexRowsBecomeBarsAndTheLatestRowOfTheirInterval() throws Exception {
        board.offerRow(Rows.index("NIFTY", "5m", 0, 25000).toString());
        board.offerRow(Rows.index("NIFTY", "5m", 5, 25010).toString());
        board.offerRow(Rows.index("SENSEX", "1m", 0, 82000).toString());
        board.awaitApplied(5000);

        List<ObjectNode> bars = board.bars("NIFTY", "5m", 10);
        assertThat(bars).extracting(b -> b.get("close").asDouble()).containsExactly(25000.0, 25010.0);
        assertThat(bars.get(0).get("time").asLong()).isEqualTo(1795751100L); // 2026-11-27 09:15 IST
        assertThat(bars.get(0).get("vwap").asDouble()).isEqualTo(25050.0);
        assertThat(board.latestRows("NIFTY").get("5m").get("verdict").get("summary").asText()).isEqualTo("13 of 13 bullish");
        assertThat(board.latestRows("NIFTY")).doesNotContainKey("1m");
        assertThat(board.latestRows("SENSEX")).containsOnlyKeys("1m");
    }

    @Test
    void aBarCarriesTheFuturesPremiumSoTheChartCanDrawTheFuturesVwapOnTheIndex() throws Exception {
        board.offerRow(Rows.index("NIFTY", "5m", 0, 25000).put("future_close", 25143.9).toString());
        board.offerRow(Rows.index("NIFTY", "5m", 5, 25010).toString());
        board.awaitApplied(5000);
        List<ObjectNode> bars = board.bars("NIFTY", "5m", 10);
        assertThat(bars.get(0).get("basis").asDouble()).isEqualTo(143.9);
        assertThat(bars.get(1).get("basis").isNull()).isTrue();
    }

    @Test
    void rowsOfOtherInstrumentsAreNotOnTheBoardAndMalformedRowsAreCounted() throws Exception {
        ObjectNode future = Rows.index("NIFTY", "1m", 0, 25100);
        future.put("token", 13238786L).put("symbol", "NIFTY26DECFUT");
        board.offerRow(future.toString());
        board.offerRow("{not json");
        board.offerRow("{\"symbol\":\"NIFTY 50\"}");
        board.awaitApplied(5000);

        assertThat(board.hasData()).isFalse();
        assertThat(metrics.malformedRows.sum()).isEqualTo(2);
        assertThat(metrics.rowsIn.sum()).isEqualTo(3);
    }

    @Test
    void aCandleArrivingLateTakesItsPlaceAndTheSameCandleAgainReplacesIt() throws Exception {
        board.offerRow(Rows.index("NIFTY", "1m", 2, 3).toString());
        board.offerRow(Rows.index("NIFTY", "1m", 0, 1).toString());
        board.offerRow(Rows.index("NIFTY", "1m", 1, 2).toString());
        board.offerRow(Rows.index("NIFTY", "1m", 1, 22).toString());
        board.awaitApplied(5000);

        assertThat(board.bars("NIFTY", "1m", 10)).extracting(b -> b.get("close").asDouble()).containsExactly(1.0, 22.0, 3.0);
        assertThat(board.latestRows("NIFTY").get("1m").get("close").asDouble()).isEqualTo(3.0);
    }

    @Test
    void itKeepsOneSessionOfBarsPerInterval() throws Exception {
        for (int m = 0; m < MarketBoard.MAX_BARS + 25; m++) {
            board.offerRow(Rows.index("BANKNIFTY", "1m", m, 50000 + m).toString());
        }
        board.awaitApplied(10000);
        List<ObjectNode> bars = board.bars("BANKNIFTY", "1m", 1000);
        assertThat(bars).hasSize(MarketBoard.MAX_BARS);
        assertThat(bars.get(0).get("close").asDouble()).isEqualTo(50025.0);
        assertThat(board.bars("BANKNIFTY", "1m", 3)).extracting(b -> b.get("close").asDouble())
                .containsExactly(50397.0, 50398.0, 50399.0);
    }

    @Test
    void aPriceCarriesItsChangeFromThePreviousClose() throws Exception {
        board.offerPrice(Rows.price("NIFTY", 25100.5, System.currentTimeMillis()));
        board.awaitApplied(5000);
        JsonNode price = board.snapshot(Set.of("NIFTY")).get("NIFTY").get("price");
        assertThat(price.get("last").asDouble()).isEqualTo(25100.5);
        assertThat(price.get("change").asDouble()).isEqualTo(100.0);
        assertThat(price.get("change_pct").asDouble()).isEqualTo(0.4);
        assertThat(price.get("time").asText()).isEqualTo("2026-11-27T10:00:00+05:30");
        assertThat(board.lastPriceWall()).isPositive();
        assertThat(metrics.tickToPublish.count()).isEqualTo(1);
    }

    @Test
    void aFullInboxDropsRowsAndCountsThemWithoutBlockingTheCaller() throws Exception {
        List<Boolean> accepted = new ArrayList<>();
        // Holding the board still stops the dispatcher, as a publisher that cannot keep up would.
        board.atomically(() -> {
            try {
                Thread.sleep(100); // the dispatcher is now waiting for the board
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            String row = Rows.index("NIFTY", "1m", 0, 1).toString();
            for (int i = 0; i < MarketBoard.ROW_INBOX + 50; i++) {
                accepted.add(board.offerRow(row));
            }
        });
        assertThat(accepted.stream().filter(a -> !a).count()).isBetween(1L, 50L);
        assertThat(metrics.rowsDropped.sum()).isEqualTo(accepted.stream().filter(a -> !a).count());
    }

    @Test
    void pricesOfOneUnderlyingSupersedeEachOtherInTheInbox() throws Exception {
        board.atomically(() -> {
            for (int i = 1; i <= 100; i++) {
                board.offerPrice(Rows.price("SENSEX", 82000 + i, 0));
            }
        });
        board.awaitApplied(5000);
        assertThat(board.snapshot(Set.of("SENSEX")).get("SENSEX").get("price").get("last").asDouble()).isEqualTo(82100.0);
        assertThat(metrics.pricesConflated.sum()).isGreaterThanOrEqualTo(98);
    }
}
