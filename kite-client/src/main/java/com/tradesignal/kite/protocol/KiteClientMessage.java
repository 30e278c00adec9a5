package com.tradesignal.kite.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A client → server JSON text message: {@code {"a":"subscribe","v":[tokens]}},
 * {@code {"a":"unsubscribe","v":[tokens]}} or {@code {"a":"mode","v":["full",[tokens]]}}. Tokens are JSON numbers
 * (the real server silently ignores string tokens, so {@link #parse(String)} rejects them).
 *
 * @param action what the client asks
 * @param mode   the requested mode for {@link Action#MODE}, else null
 * @param tokens instrument tokens
 */
public record KiteClientMessage(Action action, Mode mode, List<Long> tokens) {

    public enum Action {
        SUBSCRIBE("subscribe"), UNSUBSCRIBE("unsubscribe"), MODE("mode");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public enum Mode {
        LTP, QUOTE, FULL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode ofWire(String s) {
            for (Mode m : values()) {
                if (m.wire().equals(s)) return m;
            }
            throw new IllegalArgumentException("unknown mode '" + s + "'");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public KiteClientMessage {
        if (action == null) throw new IllegalArgumentException("action is required");
        if ((action == Action.MODE) != (mode != null)) {
            throw new IllegalArgumentException("a mode is required for, and only for, the mode action");
        }
        tokens = List.copyOf(tokens);
    }

    public static KiteClientMessage subscribe(Collection<Long> tokens) {
        return new KiteClientMessage(Action.SUBSCRIBE, null, List.copyOf(tokens));
    }

    public static KiteClientMessage unsubscribe(Collection<Long> tokens) {
        return new KiteClientMessage(Action.UNSUBSCRIBE, null, List.copyOf(tokens));
    }

    public static KiteClientMessage mode(Mode mode, Collection<Long> tokens) {
        return new KiteClientMessage(Action.MODE, mode, List.copyOf(tokens));
    }

    /** The JSON text to send. */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("a", action.wire());
        ArrayNode tokenArray = MAPPER.createArrayNode();
        tokens.forEach(tokenArray::add);
        if (action == Action.MODE) {
            root.putArray("v").add(mode.wire()).add(tokenArray);
        } else {
            root.set("v", tokenArray);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a client message (the simulator's side).
     *
     * @throws IllegalArgumentException when the text is not valid JSON or not a well-formed client message
     */
    public static KiteClientMessage parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object: " + text);
        JsonNode a = root.get("a");
        JsonNode v = root.get("v");
        if (a == null || !a.isTextual()) throw new IllegalArgumentException("missing action 'a': " + text);
        if (v == null || !v.isArray()) throw new IllegalArgumentException("missing array 'v': " + text);
        return switch (a.asText()) {
            case "subscribe" -> subscribe(tokens(v));
            case "unsubscribe" -> unsubscribe(tokens(v));
            case "mode" -> {
                if (v.size() != 2 || !v.get(0).isTextual() || !v.get(1).isArray()) {
                    throw new IllegalArgumentException("mode needs [\"ltp|quote|full\", [tokens]]: " + text);
                }
                yield mode(Mode.ofWire(v.get(0).asText()), tokens(v.get(1)));
            }
            default -> throw new IllegalArgumentException("unknown action '" + a.asText() + "'");
        };
    }

    private static List<Long> tokens(JsonNode array) {
        List<Long> out = new ArrayList<>(array.size());
        for (JsonNode t : array) {
            if (!t.isIntegralNumber() || t.asLong() < 0) {
                throw new IllegalArgumentException("tokens must be non-negative JSON numbers, got " + t);
            }
            out.add(t.asLong());
        }
        return out;
    }
}
