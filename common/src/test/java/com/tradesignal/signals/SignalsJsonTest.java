package com.tradesignal.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SignalsJsonTest {

    @Test
    void signals_are_written_by_name_in_order_with_lowercase_votes_and_reasons() throws Exception {
        List<SignalVote> votes = SignalEngine.evaluate(SignalEngineTest.allBullish().rsi14(Double.NaN).build());
        JsonNode json = new ObjectMapper().readTree(SignalsJson.toJson(votes, Verdict.of(votes)));

        List<String> keys = new ArrayList<>();
        json.get("signals").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(SignalEngine.SIGNAL_NAMES);
        assertThat(json.at("/signals/ema_trend/vote").asText()).isEqualTo("bullish");
        assertThat(json.at("/signals/rsi/vote").asText()).isEqualTo("neutral");
        assertThat(json.at("/signals/rsi/reason").asText()).isEqualTo("RSI(14) not available yet (warming up)");
        assertThat(json.at("/signals/vwap_position/reason").asText()).contains("+1σ");
    }

    @Test
    void the_verdict_is_written_with_counts_direction_confidence_and_summary() throws Exception {
        Verdict verdict = Verdict.of(9, 2, 2);
        String text = SignalsJson.toJson(List.of(), verdict);
        assertThat(text).isEqualTo("{\"signals\":{},\"verdict\":{\"bullish\":9,\"bearish\":2,\"neutral\":2,"
                + "\"direction\":\"bullish\",\"confidence\":0.54,\"summary\":\"9 of 13 bullish\"}}");
    }

    @Test
    void vote_labels_round_trip() {
        for (Vote v : Vote.values()) {
            assertThat(Vote.fromLabel(v.label())).isEqualTo(v);
            assertThat(Vote.ofSign(v.sign())).isEqualTo(v);
        }
    }
}
