package com.tradesignal.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradesignal.instrument.Instrument;
import com.tradesignal.instrument.InstrumentCatalog;
import com.tradesignal.instrument.InstrumentType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PutCallRatioTest {

    private static final LocalDate EXPIRY = LocalDate.of(2026, 8, 18);

    /**
     * Strikes 24,000..25,000 every 50 (21 strikes); CE token = strike, PE token = strike + 1.
     * CE OI = 1,000 + (strike − 24,000) grows with the strike, PE OI = 1,000 + (25,000 − strike) shrinks with it.
     */
    private static PutCallRatio smallChain() {
        PutCallRatio chain = new PutCallRatio(EXPIRY);
        for (int strike = 24_000; strike <= 25_000; strike += 50) {
            chain.register(strike, strike, InstrumentType.CE);
            chain.register(strike + 1, strike, InstrumentType.PE);
            chain.updateOi(strike, 1_000 + (strike - 24_000));
            chain.updateOi(strike + 1, 1_000 + (25_000 - strike));
        }
        return chain;
    }

    @Test
    void pcr_is_put_oi_over_call_oi_within_n_strikes_of_atm() {
        PutCallRatio chain = smallChain();
        // price 24,510: ATM 24,500, ±2 strikes = 24,400..24,600
        // CE = 5*1000 + (400+450+500+550+600) = 7,500; PE = 5*1000 + (600+550+500+450+400) = 7,500
        PutCallRatio.Window w = chain.window(24_510, 50, 2);
        assertThat(w).isEqualTo(new PutCallRatio.Window(24_500, 24_400, 24_600, 5, 5, 7_500, 7_500));
        assertThat(chain.pcr(24_510, 50, 2)).isEqualTo(1.0);
    }

    @Test
    void the_window_re_centres_when_the_price_moves_by_several_strikes() {
        PutCallRatio chain = smallChain();
        // down 6 strikes to 24,190: ATM 24,200, window 24,100..24,300: CE 5,000 + 1,000; PE 5,000 + 4,000
        assertThat(chain.atmStrike(24_190)).isEqualTo(24_200);
        assertThat(chain.pcr(24_190, 50, 2)).isEqualTo(9_000 / 6_000.0);
        // up to 24,820: ATM 24,800, window 24,700..24,900: CE 5,000 + 4,000; PE 5,000 + 1,000
        assertThat(chain.atmStrike(24_820)).isEqualTo(24_800);
        assertThat(chain.pcr(24_820, 50, 2)).isEqualTo(6_000 / 9_000.0);
        // back at 24,510 the number is the same as before: nothing is remembered about old windows
        assertThat(chain.pcr(24_510, 50, 2)).isEqualTo(1.0);
    }

    @Test
    void atm_is_the_nearest_listed_strike_and_the_higher_one_on_a_tie() {
        PutCallRatio chain = smallChain();
        assertThat(chain.atmStrike(24_524.95)).isEqualTo(24_500);
        assertThat(chain.atmStrike(24_525)).isEqualTo(24_550);
        assertThat(chain.atmStrike(23_000)).isEqualTo(24_000);
        assertThat(chain.atmStrike(26_000)).isEqualTo(25_000);
        assertThat(chain.atmStrike(Double.NaN)).isNaN();
    }

    @Test
    void at_the_edge_of_the_chain_the_window_holds_only_the_listed_strikes() {
        PutCallRatio.Window w = smallChain().window(23_900, 50, 2);
        assertThat(w.atmStrike()).isEqualTo(24_000);
        assertThat(w.calls()).isEqualTo(3);                    // 24,000, 24,050, 24,100
        assertThat(w.callOi()).isEqualTo(3_000 + 0 + 50 + 100);
        assertThat(w.putOi()).isEqualTo(3_000 + 1_000 + 950 + 900);
    }

    @Test
    void the_default_window_is_ten_strikes_each_side() {
        PutCallRatio chain = smallChain();
        assertThat(PutCallRatio.DEFAULT_STRIKES_EACH_SIDE).isEqualTo(10);
        assertThat(chain.pcr(24_500, 50)).isEqualTo(chain.pcr(24_500, 50, 10));
        assertThat(chain.window(24_500, 50, 10).calls()).isEqualTo(21);
    }

    @Test
    void pcr_is_nan_without_call_oi_or_without_puts_or_for_an_empty_chain() {
        assertThat(new PutCallRatio(EXPIRY).pcr(24_500, 50)).isNaN();

        PutCallRatio noCallOi = new PutCallRatio(EXPIRY);
        noCallOi.register(1, 24_500, InstrumentType.CE);
        noCallOi.register(2, 24_500, InstrumentType.PE);
        noCallOi.updateOi(2, 5_000);
        assertThat(noCallOi.pcr(24_500, 50)).as("call OI not known yet").isNaN();
        noCallOi.updateOi(1, 0);
        assertThat(noCallOi.pcr(24_500, 50)).as("call OI is 0").isNaN();
        noCallOi.updateOi(1, 4_000);
        assertThat(noCallOi.pcr(24_500, 50)).isEqualTo(1.25);

        PutCallRatio callsOnly = new PutCallRatio(EXPIRY);
        callsOnly.register(1, 24_500, InstrumentType.CE);
        callsOnly.updateOi(1, 4_000);
        assertThat(callsOnly.pcr(24_500, 50)).as("no put in the window").isNaN();
    }

    @Test
    void contracts_count_only_once_their_first_oi_arrived() {
        PutCallRatio chain = new PutCallRatio(EXPIRY);
        chain.register(1, 24_500, InstrumentType.CE);
        chain.register(2, 24_500, InstrumentType.PE);
        chain.register(3, 24_550, InstrumentType.CE);
        chain.updateOi(1, 4_000);
        chain.updateOi(2, 6_000);
        assertThat(chain.window(24_500, 50, 1).calls()).isEqualTo(1);
        assertThat(chain.pcr(24_500, 50, 1)).isEqualTo(1.5);
        assertThat(chain.updateOi(99, 1_000)).as("not in the chain").isFalse();
    }

    @Test
    void registration_keeps_one_contract_per_strike_and_type_and_stays_bounded() {
        PutCallRatio chain = new PutCallRatio(EXPIRY, 2);
        chain.register(1, 24_500, InstrumentType.CE);
        chain.register(1, 24_500, InstrumentType.CE);          // same contract again: fine
        assertThat(chain.size()).isEqualTo(1);
        assertThatThrownBy(() -> chain.register(2, 24_500, InstrumentType.CE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one expiry");
        assertThatThrownBy(() -> chain.register(1, 24_550, InstrumentType.CE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.register(3, 24_500, InstrumentType.FUT))
                .isInstanceOf(IllegalArgumentException.class);
        chain.register(2, 24_500, InstrumentType.PE);
        assertThatThrownBy(() -> chain.register(4, 24_550, InstrumentType.PE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("full");
        assertThatThrownBy(() -> chain.updateOi(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.pcr(24_500, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_option_of_another_expiry_is_refused() {
        PutCallRatio chain = new PutCallRatio(EXPIRY);
        Instrument nextWeek = new Instrument(1L, 1L, "NIFTY2682524500CE", "NIFTY", "NFO", "NFO-OPT",
                InstrumentType.CE, LocalDate.of(2026, 8, 25), 24_500, 0.05, 65);
        assertThatThrownBy(() -> chain.register(nextWeek)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-08-25");
    }

    @Test
    void a_real_nifty_chain_of_the_nearest_expiry_from_the_2026_08_18_dump() {
        InstrumentCatalog dump = InstrumentCatalog.load(
                com.tradesignal.testing.SharedFixtures.fixture("kite-instruments-nfo-bfo-2026-08-18.csv"));
        Collection<Instrument> all = dump.all();
        LocalDate tradingDay = LocalDate.of(2026, 8, 18);

        LocalDate expiry = PutCallRatio.nearestExpiry(all, "NIFTY", tradingDay).orElseThrow();
        assertThat(expiry).as("on its expiry day the weekly contract is still the nearest").isEqualTo(tradingDay);
        assertThat(PutCallRatio.nearestExpiry(all, "NIFTY", tradingDay.plusDays(1))).contains(LocalDate.of(2026, 8, 25));

        PutCallRatio chain = PutCallRatio.forChain(all, "NIFTY", expiry);
        List<Instrument> options = all.stream()
                .filter(i -> i.type().isOption() && "NIFTY".equals(i.name()) && expiry.equals(i.expiry()))
                .collect(Collectors.toList());
        assertThat(chain.size()).isEqualTo(options.size()).isEqualTo(210);   // 105 strikes x CE/PE
        assertThat(chain.strikes()).isEqualTo(105);
        assertThat(chain.expiry()).isEqualTo(expiry);

        // Made-up OI in shares (lot 65): call writers stack up above the market, put writers below it.
        for (Instrument o : options) {
            chain.updateOi(o.token(), madeUpOi(o));
        }
        double spot = 24_612.35;
        assertThat(chain.atmStrike(spot)).isEqualTo(24_600);
        PutCallRatio.Window w = chain.window(spot, 50, 10);
        assertThat(w.lowStrike()).isEqualTo(24_100);
        assertThat(w.highStrike()).isEqualTo(25_100);
        assertThat(w.calls()).isEqualTo(21);
        assertThat(w.puts()).isEqualTo(21);

        // independently: sum over the dump's rows in the window
        long ce = 0;
        long pe = 0;
        for (Instrument o : options) {
            if (o.strike() >= 24_100 && o.strike() <= 25_100) {
                if (o.type() == InstrumentType.CE) {
                    ce += madeUpOi(o);
                } else {
                    pe += madeUpOi(o);
                }
            }
        }
        assertThat(w.callOi()).isEqualTo(ce).isEqualTo(5_343_000);   // also summed by hand from the CSV
        assertThat(w.putOi()).isEqualTo(pe).isEqualTo(5_733_000);
        assertThat(chain.pcr(spot, 50)).isCloseTo(5_733_000 / 5_343_000.0, within(1e-12));   // 1.07: neutral
        assertThat(SignalEngine.pcr(MarketSnapshot.builder().pcr(chain.pcr(spot, 50)).build()).reason())
                .isEqualTo("PCR 1.07 between 0.8 and 1.2");

        // the market rallies 300 points: the window follows it into the call-heavy strikes
        assertThat(chain.atmStrike(spot + 300)).isEqualTo(24_900);
        assertThat(chain.window(spot + 300, 50, 10).lowStrike()).isEqualTo(24_400);
        assertThat(chain.pcr(spot + 300, 50)).isCloseTo(4_108_000 / 6_045_000.0, within(1e-12));   // 0.68

        // options of other underlyings and expiries were left out
        assertThat(all.stream().filter(i -> i.type().isOption() && "BANKNIFTY".equals(i.name())).findFirst()
                .map(i -> chain.contains(i.token()))).contains(false);
    }

    /**
     * CE OI peaks at 24,900 (300 points above the market), PE OI at 24,400 (200 below), 6,000 lots at the peak,
     * 300 lots fewer per strike away from it, at least 200 lots; in shares (lots x lot size 65).
     */
    private static long madeUpOi(Instrument o) {
        double peak = o.type() == InstrumentType.CE ? 24_900 : 24_400;
        double steps = Math.abs(o.strike() - peak) / 50.0;
        long lots = Math.max(200, 6_000 - Math.round(steps * 300));
        return lots * o.lotSize();
    }

    @Test
    void state_round_trips_through_data_output_and_copies_independently() throws IOException {
        PutCallRatio chain = smallChain();
        chain.register(99, 25_050, InstrumentType.CE);          // registered, no OI yet
        PutCallRatio back = roundTrip(chain);
        assertThat(back).isEqualTo(chain).hasSameHashCodeAs(chain);
        assertThat(back.pcr(24_510, 50, 2)).isEqualTo(1.0);
        assertThat(back.expiry()).isEqualTo(EXPIRY);

        PutCallRatio copy = chain.copy();
        assertThat(copy).isEqualTo(chain);
        copy.updateOi(24_500, 1_000_000);
        assertThat(chain.pcr(24_510, 50, 2)).isEqualTo(1.0);
        assertThat(copy).isNotEqualTo(chain);

        PutCallRatio noExpiry = new PutCallRatio(null, 10);
        assertThat(roundTrip(noExpiry)).isEqualTo(noExpiry);
    }

    private static PutCallRatio roundTrip(PutCallRatio p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.writeTo(new DataOutputStream(bytes));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        PutCallRatio back = PutCallRatio.readFrom(in);
        assertThat(in.available()).isZero();
        return back;
    }
}
