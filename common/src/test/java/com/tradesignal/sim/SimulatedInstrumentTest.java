package com.tradesignal.sim;

import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.InstrumentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SimulatedInstrumentTest {

    @Test
    void theDefaultsAreTheThreeRealIndicesAndOneSimulatedFutureEach() {
        List<SimulatedInstrument> all = SimulatedInstrument.defaults();
        assertThat(all).extracting(SimulatedInstrument::token)
                .containsExactly(256265L, 260105L, 265L, SimulatedInstrument.NIFTY_SIM_FUT_TOKEN,
                        SimulatedInstrument.BANKNIFTY_SIM_FUT_TOKEN, SimulatedInstrument.SENSEX_SIM_FUT_TOKEN);
        assertThat(all).extracting(SimulatedInstrument::symbol).containsExactly("NIFTY 50", "NIFTY BANK", "SENSEX",
                "NIFTY-SIM-FUT", "BANKNIFTY-SIM-FUT", "SENSEX-SIM-FUT");
        assertThat(all).extracting(SimulatedInstrument::underlying)
                .containsExactly("NIFTY", "BANKNIFTY", "SENSEX", "NIFTY", "BANKNIFTY", "SENSEX");
        assertThat(all).filteredOn(SimulatedInstrument::isFuture)
                .allSatisfy(f -> assertThat(f.symbol()).contains("SIM"))
                .extracting(SimulatedInstrument::lotSize).containsExactly(65, 30, 20);
        double sensexOverNifty = all.get(2).startPrice() / all.get(0).startPrice();
        assertThat(sensexOverNifty).isBetween(3.2, 3.4);
    }

    @Test
    void simulatedTokensUseNoKiteSegmentAndFitInThirtyTwoBits() {
        List<SimulatedInstrument> simulated = Stream.concat(
                SimulatedInstrument.defaults().stream().filter(SimulatedInstrument::isFuture),
                SimulatedInstrument.synthetic(2_000).stream()).collect(Collectors.toList());
        assertThat(simulated).allSatisfy(i -> {
            assertThat(i.token() & 0xFF).as("Kite segment byte of %s", i.symbol()).isZero();
            assertThat(i.token()).isLessThan(1L << 32);
        });
        assertThat(simulated.stream().map(SimulatedInstrument::token).distinct().count()).isEqualTo(simulated.size());
        assertThat((SimulatedInstrument.SYNTHETIC_TOKEN_BASE + SimulatedInstrument.MAX_SYNTHETIC) << 8)
                .isLessThan(1L << 32);
    }

    @Test
    void simulatedTokensAreNotInTheRealInstrumentsDump() throws IOException {
        Path dump = Path.of(System.getProperty("tradesignal.shared", "../../shared"),
                "fixtures", "kite-instruments-nfo-bfo-2026-08-18.csv");
        assumeTrue(Files.exists(dump), "shared fixture " + dump + " is not here");
        Set<Long> real = new HashSet<>();
        try (Stream<String> lines = Files.lines(dump)) {
            lines.skip(1).forEach(l -> real.add(Long.parseLong(l.substring(0, l.indexOf(',')))));
        }
        assertThat(real).hasSizeGreaterThan(10_000);
        List<String> clashes = Stream.concat(SimulatedInstrument.defaults().stream(), SimulatedInstrument.synthetic(5_000)
                        .stream())
                .filter(i -> i.isFuture() && real.contains(i.token()))
                .map(SimulatedInstrument::symbol)
                .collect(Collectors.toList());
        assertThat(clashes).isEmpty();
    }

    @Test
    void syntheticInstrumentsAreStableFuturesOnTheirOwnUnderlyings() {
        List<SimulatedInstrument> a = SimulatedInstrument.synthetic(300);
        assertThat(a).isEqualTo(SimulatedInstrument.synthetic(300));
        assertThat(a.get(0).symbol()).isEqualTo("SYN00001-SIM-FUT");
        assertThat(a).allSatisfy(i -> {
            assertThat(i.isFuture()).isTrue();
            assertThat(i.startPrice()).isBetween(100.0, 5_000.0);
            assertThat(i.startPrice() * 20).isEqualTo(Math.rint(i.startPrice() * 20));
            assertThat(i.lotSize()).isPositive();
        });
        assertThat(a.stream().map(SimulatedInstrument::underlying).distinct().count()).isEqualTo(300);
    }

    @Test
    void aCatalogOfTheSimulatedSetFindsTheNearMonthFuture() {
        LocalDate day = LocalDate.of(2026, 8, 18);
        InstrumentCatalog catalog = InstrumentCatalog.of(SimulatedInstrument.defaults().stream()
                .map(i -> i.toInstrument(day)).collect(Collectors.toList()));
        assertThat(catalog.nearMonthFuture("NIFTY", day)).hasValueSatisfying(f -> {
            assertThat(f.tradingSymbol()).isEqualTo("NIFTY-SIM-FUT");
            assertThat(f.expiry()).isEqualTo(LocalDate.of(2026, 8, 25)); // last Tuesday, like NIFTY26AUGFUT
            assertThat(f.lotSize()).isEqualTo(65);
            assertThat(f.key()).isEqualTo("NFO:NIFTY-SIM-FUT");
        });
        assertThat(catalog.nearMonthFuture("SENSEX", day)).hasValueSatisfying(f -> {
            assertThat(f.exchange()).isEqualTo("BFO");
            assertThat(f.expiry()).isEqualTo(LocalDate.of(2026, 8, 27)); // last Thursday, like SENSEX26AUGFUT
        });
        assertThat(catalog.byToken(256265L)).hasValueSatisfying(i -> {
            assertThat(i.type()).isEqualTo(InstrumentType.INDEX);
            assertThat(i.underlying()).isEqualTo("NIFTY");
            assertThat(i.key()).isEqualTo("NSE:NIFTY 50");
            assertThat(i.exchangeToken()).isEqualTo(1001L);
        });
        // After the month's expiry the next month's contract is the near month.
        assertThat(SimulatedInstrument.defaults().get(3).nearMonthExpiry(LocalDate.of(2026, 8, 26)))
                .isEqualTo(LocalDate.of(2026, 9, 29));
    }

    @Test
    void invalidInstrumentsAreRejected() {
        assertThatThrownBy(() -> new SimulatedInstrument(0, "X", "X", false, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedInstrument(1, " ", "X", false, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedInstrument(1, "X", "X", false, Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedInstrument(1, "X", "X", true, 100, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedInstrument.synthetic(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
