package com.tradesignal.kite.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradesignal.kite.protocol.KiteClientMessage.Action;
import com.tradesignal.kite.protocol.KiteClientMessage.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class KiteClientMessageTest {

    @Test
    void subscribeSendsTokensAsJsonNumbers() {
        assertThat(KiteClientMessage.subscribe(List.of(256265L, 408065L)).toJson())
                .isEqualTo("{\"a\":\"subscribe\",\"v\":[256265,408065]}");
    }

    @Test
    void unsubscribeHasTheSameShape() {
        assertThat(KiteClientMessage.unsubscribe(List.of(256265L)).toJson())
                .isEqualTo("{\"a\":\"unsubscribe\",\"v\":[256265]}");
    }

    @Test
    void modeSendsTheModeNameThenTheTokens() {
        assertThat(KiteClientMessage.mode(Mode.FULL, List.of(256265L, 260105L)).toJson())
                .isEqualTo("{\"a\":\"mode\",\"v\":[\"full\",[256265,260105]]}");
    }

    @Test
    void everyMessageParsesBackToItself() {
        for (KiteClientMessage m : List.of(KiteClientMessage.subscribe(List.of(1L, 2L)),
                KiteClientMessage.unsubscribe(List.of()), KiteClientMessage.mode(Mode.LTP, List.of(3L)),
                KiteClientMessage.mode(Mode.QUOTE, List.of(4L, 5L)))) {
            assertThat(KiteClientMessage.parse(m.toJson())).isEqualTo(m);
        }
    }

    @Test
    void theSimulatorParsesWhatARealClientSends() {
        KiteClientMessage m = KiteClientMessage.parse("{ \"a\": \"mode\", \"v\": [\"full\", [408065]] }");
        assertThat(m.action()).isEqualTo(Action.MODE);
        assertThat(m.mode()).isEqualTo(Mode.FULL);
        assertThat(m.tokens()).containsExactly(408065L);
    }

    @Test
    void stringTokensAndBadShapesAreRejected() {
        assertThatThrownBy(() -> KiteClientMessage.parse("{\"a\":\"subscribe\",\"v\":[\"408065\"]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON numbers");
        assertThatThrownBy(() -> KiteClientMessage.parse("{\"a\":\"mode\",\"v\":[\"depth\",[1]]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth");
        assertThatThrownBy(() -> KiteClientMessage.parse("{\"a\":\"mode\",\"v\":[1]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KiteClientMessage.parse("{\"a\":\"ping\",\"v\":[]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KiteClientMessage.parse("not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
