package com.tradesignal.publisher.kafka;

import com.tradesignal.publisher.market.PriceTick;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceTickJsonTest {

    @Test
    void aPriceSurvivesTheRoundTripIncludingAMissingPreviousCloseAndSymbol() {
        PriceTick index = new PriceTick("NIFTY", PriceTick.Kind.INDEX, "NIFTY 50", 256265, 26012.35, 25950.1,
                1795751100000L, 1795751100412L);
        PriceTick future = new PriceTick("SENSEX", PriceTick.Kind.FUTURE, null, 1234, 82000.05, Double.NaN, 1795751100000L, 0);

        assertThat(PriceTickJson.toJson(index)).isEqualTo("{\"underlying\":\"NIFTY\",\"kind\":\"INDEX\",\"symbol\":\"NIFTY 50\","
                + "\"token\":256265,\"last_price\":26012.35,\"previous_close\":25950.1,\"exchange_time\":1795751100000,"
                + "\"received_wall\":1795751100412}");
        assertThat(roundTrip(index)).isEqualTo(index);
        assertThat(PriceTickJson.toJson(future)).contains("\"symbol\":null", "\"previous_close\":null");
        assertThat(roundTrip(future)).isEqualTo(future);
    }

    @Test
    void aValueThatIsNotAPriceIsRejectedWithTheReason() {
        assertThatThrownBy(() -> parse("{not json")).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> parse("[1]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> parse("{\"underlying\":\"NIFTY\",\"kind\":\"OPTION\"}")).hasMessageContaining("INDEX or FUTURE");
        assertThatThrownBy(() -> parse("{\"underlying\":\"NIFTY\",\"kind\":\"INDEX\",\"token\":1,\"last_price\":\"x\"}"))
                .hasMessage("last_price is missing or not a number");
    }

    private static PriceTick roundTrip(PriceTick p) {
        return parse(PriceTickJson.toJson(p));
    }

    private static PriceTick parse(String json) {
        return PriceTickJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
