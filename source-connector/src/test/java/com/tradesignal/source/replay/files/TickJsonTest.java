package com.tradesignal.source.replay.files;

import com.tradesignal.tick.Tick;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickJsonTest {

    @Test
    void aFullTickRoundTripsThroughTheJournalLine() {
        Tick t = Tick.builder(13238786, 1_795_751_103_250L, 25101.5).lastQuantity(75).averagePrice(25090.12).volume(123_450)
                .buyQuantity(900).sellQuantity(1200).openInterest(10_500_000).dayOhlc(25050, 25120, 25010, 25000.5)
                .lastTradeTime(1_795_751_102_000L).tradingSymbol("NIFTY26DECFUT").build();
        byte[] line = TickJson.encode(t);
        assertThat(new String(line, StandardCharsets.UTF_8)).startsWith("{\"instrument_token\":13238786,\"timestamp\":\"2026-11-27T09:15:03.25+05:30\"")
                .contains("\"ohlc\":{\"open\":25050.0");
        Tick back = new TickJson("ticks-0").parse(line, 7);
        assertThat(back).isEqualTo(t);
    }

    @Test
    void anIndexTickWithoutOptionalFieldsRoundTrips() {
        Tick t = Tick.builder(256265, 1_795_751_100_000L, 25000.15).build();
        assertThat(new String(TickJson.encode(t), StandardCharsets.UTF_8))
                .isEqualTo("{\"instrument_token\":256265,\"timestamp\":\"2026-11-27T09:15:00+05:30\",\"last_price\":25000.15}");
        assertThat(new TickJson("ticks-0").parse(TickJson.encode(t), 1)).isEqualTo(t);
    }

    @Test
    void aMalformedLineNamesTheSourcePositionAndField() {
        byte[] bad = "{\"instrument_token\":256265,\"timestamp\":\"2026-11-27T09:15:00+05:30\",\"last_price\":\"abc\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new TickJson("ticks-2").parse(bad, 4711))
                .isInstanceOf(TickFormatException.class)
                .hasMessageContaining("ticks-2").hasMessageContaining("4711").hasMessageContaining("last_price");
    }
}
