package com.tradesignal.job.signals;

import com.tradesignal.candle.Candle;
import com.tradesignal.candle.CandleInterval;
import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.InstrumentType;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnderlyingSignalsTest {
    private static final long NIFTY = 256265;
    private static final long FUT = 13238786;
    private static final long T0 = 1_669_866_300_000L; // 2022-12-01T09:15:00+05:30
    private static final UnderlyingMap MAP = UnderlyingMap.from(InstrumentCatalog.wellKnownIndices().merge(InstrumentCatalog.of(
            new Instrument(FUT, 51714, "NIFTY22DECFUT", "NIFTY", "NFO", "NFO-FUT", InstrumentType.FUT,
                    LocalDate.of(2022, 12, 29), 0, 0.05, 50),
            option(1001, 18100, InstrumentType.CE), option(1002, 18100, InstrumentType.PE),
            option(1003, 18150, InstrumentType.CE), option(1004, 18150, InstrumentType.PE))));

    private static Instrument option(long token, double strike, InstrumentType type) {
        return new Instrument(token, token, "NIFTY22D01" + (int) strike + type, "NIFTY", "NFO", "NFO-OPT", type,
                LocalDate.of(2022, 12, 1), strike, 0.05, 50);
    }

    private static SignalRow optionRow(long token, long oi) {
        return new SignalRow(new Candle(token, null, CandleInterval.M1, T0, 50, 55, 45, 50, 100, Double.NaN, 4, oi, 50, 0, 0));
    }

    private static SignalRow index(int minute, double close) {
        return new SignalRow(new Candle(NIFTY, "NIFTY 50", CandleInterval.M1, T0 + minute * 60_000L, close, close + 5, close - 5, close, 0, Double.NaN, 4));
    }

    private static SignalRow future(int minute, double close, long volume, long oi) {
        SignalRow r = new SignalRow(new Candle(FUT, "NIFTY22DECFUT", CandleInterval.M1, T0 + minute * 60_000L, close, close + 5,
                close - 5, close, volume, Double.NaN, 4, oi, close, 600, 400));
        return r.set(NumberKey.VWAP, close - 10).set(NumberKey.VWAP_UPPER_1, close + 20).set(NumberKey.VWAP_LOWER_1, close - 40);
    }

    private static List<SignalRow> run(List<SignalRow> arrivals, long watermark) throws Exception {
        return run(MAP, arrivals, watermark);
    }

    private static List<SignalRow> run(UnderlyingMap map, List<SignalRow> arrivals, long watermark) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, SignalRow, SignalRow> h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new UnderlyingSignals(map)), r -> map.role(r.candle.token()).underlying(), Types.STRING)) {
            h.setStateBackend(new EmbeddedRocksDBStateBackend());
            h.open();
            for (SignalRow r : arrivals) h.processElement(r, r.candle.end() - 1);
            h.processWatermark(watermark);
            assertThat(h.numEventTimeTimers()).as("no timers left once the watermark passed").isZero();
            return h.extractOutputValues();
        }
    }

    @Test
    void theIndexRowGetsItsFuturesVwapVolumeAndOiWhateverOrderTheyArriveIn() throws Exception {
        List<SignalRow> futureFirst = run(List.of(future(0, 18110, 1000, 10_000), index(0, 18100),
                future(1, 18120, 1200, 10_500), index(1, 18112)), T0 + 120_000);
        List<SignalRow> indexFirst = run(List.of(index(0, 18100), index(1, 18112), future(1, 18120, 1200, 10_500),
                future(0, 18110, 1000, 10_000)), T0 + 120_000);

        assertThat(indexFirst).isEqualTo(futureFirst);
        assertThat(futureFirst).hasSize(2).allMatch(r -> r.candle.token() == NIFTY);
        SignalRow second = futureFirst.get(1);
        assertThat(second.get(NumberKey.VWAP)).isEqualTo(18110.0);           // the future's VWAP of the same minute
        assertThat(second.get(TextKey.VWAP_SOURCE)).isEqualTo("NIFTY22DECFUT");
        assertThat(second.get(NumberKey.BUY_SELL_IMBALANCE)).isEqualTo(0.2);
        assertThat(second.get(TextKey.OI_BUILDUP)).isEqualTo("long_buildup");  // price up, OI up
        assertThat(second.votes).hasSize(13);
        assertThat(second.verdict.bullish() + second.verdict.bearish() + second.verdict.neutral()).isEqualTo(13);
    }

    @Test
    void thePutCallRatioComesFromTheOptionChainsOpenInterestAroundTheMoney() throws Exception {
        SignalRow row = run(List.of(index(0, 18120), optionRow(1001, 2000), optionRow(1002, 3000), optionRow(1003, 2000),
                optionRow(1004, 3000)), T0 + 60_000).get(0);
        assertThat(row.get(NumberKey.PCR)).isEqualTo(1.5);
        assertThat(row.votes.stream().filter(v -> v.name().equals("pcr")).findFirst().orElseThrow().vote())
                .isEqualTo(com.tradesignal.signals.Vote.BULLISH); // contrarian: above 1.2
    }

    @Test
    void anOptionChainWithASingleListedStrikeGivesThatStrikesRatioInsteadOfStoppingTheJob() throws Exception {
        UnderlyingMap oneStrike = UnderlyingMap.from(InstrumentCatalog.wellKnownIndices().merge(InstrumentCatalog.of(
                option(1001, 18100, InstrumentType.CE), option(1002, 18100, InstrumentType.PE))));
        assertThat(oneStrike.strikeStep("NIFTY")).isNaN();
        SignalRow row = run(oneStrike, List.of(index(0, 18120), optionRow(1001, 2000), optionRow(1002, 5000)), T0 + 60_000).get(0);
        assertThat(row.get(NumberKey.PCR)).isEqualTo(2.5);
    }

    @Test
    void withoutItsFutureAnIndexRowSaysVwapAndVolumeAreNotAvailable() throws Exception {
        SignalRow row = run(List.of(index(0, 18100)), T0 + 60_000).get(0);
        assertThat(row.get(NumberKey.VWAP)).isNaN();
        assertThat(row.votes.stream().filter(v -> v.name().equals("vwap_position")).findFirst().orElseThrow().reason())
                .contains("not available");
    }
}
