package com.tradesignal.instrument;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolver rules that the real dump cannot show: a dump that does list index rows. */
class InstrumentResolverTest {

    @Test
    void anIndexRowListedInTheDumpWinsOverTheSynthesizedOne() {
        // A full dump lists NIFTY 50 itself; its row (here with a distinguishable tick size) is the one to use.
        Instrument listed = new Instrument(256265L, 1001L, "NIFTY 50", "NIFTY 50", "NSE", "INDICES",
                InstrumentType.INDEX, null, 0.0, 0.01, 0);
        InstrumentResolver resolver = InstrumentResolver.of(InstrumentCatalog.of(listed));
        assertThat(resolver.index("NIFTY")).contains(listed);
        assertThat(resolver.index("SENSEX")).map(Instrument::tickSize).contains(0.05);
    }

    @Test
    void optionsWithOnlyOneSideListedStillFormAChain() {
        LocalDate expiry = LocalDate.of(2026, 8, 25);
        Instrument call = new Instrument(1L, 0L, "X26AUG100CE", "X", "NFO", "NFO-OPT", InstrumentType.CE, expiry,
                100.0, 0.05, 1);
        Instrument put = new Instrument(2L, 0L, "X26AUG110PE", "X", "NFO", "NFO-OPT", InstrumentType.PE, expiry,
                110.0, 0.05, 1);
        OptionChain chain = InstrumentResolver.of(InstrumentCatalog.of(call, put))
                .nearestOptionChain("X", LocalDate.of(2026, 8, 18)).orElseThrow();
        assertThat(chain.strikes()).containsExactly(new OptionChain.Strike(100.0, call, null),
                new OptionChain.Strike(110.0, null, put));
        assertThat(chain.window(104.0, 5).tokens()).containsExactly(1L, 2L);
    }
}
