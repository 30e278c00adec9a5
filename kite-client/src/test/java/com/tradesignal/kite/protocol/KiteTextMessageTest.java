package com.tradesignal.kite.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignal.kite.protocol.KiteTextMessage.Type;
import org.junit.jupiter.api.Test;

class KiteTextMessageTest {

    @Test
    void anErrorMessageCarriesItsText() {
        KiteTextMessage m = KiteTextMessage.parse("{\"type\":\"error\",\"data\":\"Invalid token\"}");
        assertThat(m.type()).isEqualTo(Type.ERROR);
        assertThat(m.rawType()).isEqualTo("error");
        assertThat(m.message()).isEqualTo("Invalid token");
    }

    @Test
    void anOrderPostbackKeepsItsDataObject() {
        KiteTextMessage m = KiteTextMessage.parse(
                "{\"type\":\"order\",\"data\":{\"order_id\":\"151220000000000\",\"status\":\"COMPLETE\"}}");
        assertThat(m.type()).isEqualTo(Type.ORDER);
        assertThat(m.message()).isNull();
        assertThat(m.orderField("order_id")).isEqualTo("151220000000000");
        assertThat(m.orderField("status")).isEqualTo("COMPLETE");
        assertThat(m.orderField("missing")).isNull();
    }

    @Test
    void aBrokerMessageIsRecognised() {
        KiteTextMessage m = KiteTextMessage.parse("{\"type\":\"message\",\"data\":\"Market closes early\"}");
        assertThat(m.type()).isEqualTo(Type.MESSAGE);
        assertThat(m.message()).isEqualTo("Market closes early");
    }

    @Test
    void anUnknownTypeIsKeptAsOther() {
        KiteTextMessage m = KiteTextMessage.parse("{\"type\":\"instruments_meta\",\"data\":{\"count\":1}}");
        assertThat(m.type()).isEqualTo(Type.OTHER);
        assertThat(m.rawType()).isEqualTo("instruments_meta");
        assertThat(m.data().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsCountedAsMalformedWithoutThrowing() {
        KiteTextMessage.Parser parser = new KiteTextMessage.Parser();
        assertThat(parser.parse("{\"type\":\"error\",").type()).isEqualTo(Type.MALFORMED);
        assertThat(parser.parse("[1,2]").type()).isEqualTo(Type.MALFORMED);
        assertThat(parser.parse("").type()).isEqualTo(Type.MALFORMED);
        assertThat(parser.parse(null).type()).isEqualTo(Type.MALFORMED);
        parser.parse("{\"type\":\"error\",\"data\":\"x\"}");
        assertThat(parser.malformed()).isEqualTo(4);
        assertThat(parser.count(Type.ERROR)).isEqualTo(1);
    }
}
