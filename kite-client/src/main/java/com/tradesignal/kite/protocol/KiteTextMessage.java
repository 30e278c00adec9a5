package com.tradesignal.kite.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.Map;

/**
 * A JSON text message from the Kite server: {@code {"type":"error","data":"..."}},
 * {@code {"type":"order","data":{...}}} (order postback) or {@code {"type":"message","data":...}} (broker alert).
 * Unknown types are kept as {@link Type#OTHER}; text that is not a JSON object is {@link Type#MALFORMED}.
 * {@link #parse(String)} never throws.
 *
 * @param type    the kind of message
 * @param rawType the {@code type} string as sent (null when absent or malformed)
 * @param message {@code data} when it is a string (the error text, an alert), else null
 * @param data    the {@code data} node as sent (null when absent or malformed)
 * @param raw     the text as received
 */
public record KiteTextMessage(Type type, String rawType, String message, JsonNode data, String raw) {

    public enum Type { ERROR, ORDER, MESSAGE, OTHER, MALFORMED }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses one text message; never throws. */
    public static KiteTextMessage parse(String text) {
        if (text == null) {
            return new KiteTextMessage(Type.MALFORMED, null, null, null, null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (Exception e) {
            return new KiteTextMessage(Type.MALFORMED, null, null, null, text);
        }
        if (root == null || !root.isObject()) {
            return new KiteTextMessage(Type.MALFORMED, null, null, null, text);
        }
        JsonNode typeNode = root.get("type");
        String rawType = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        JsonNode data = root.get("data");
        String message = data != null && data.isTextual() ? data.asText() : null;
        Type type = rawType == null ? Type.OTHER : switch (rawType) {
            case "error" -> Type.ERROR;
            case "order" -> Type.ORDER;
            case "message" -> Type.MESSAGE;
            default -> Type.OTHER;
        };
        return new KiteTextMessage(type, rawType, message, data, text);
    }

    /** A field of an order postback's data ({@code order_id}, {@code status}, ...), or null. */
    public String orderField(String name) {
        if (data == null || !data.isObject()) return null;
        JsonNode v = data.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Parses text messages and counts them by type, malformed ones included. Not thread-safe. */
    public static final class Parser {
        private final Map<Type, Long> counts = new EnumMap<>(Type.class);

        public KiteTextMessage parse(String text) {
            KiteTextMessage m = KiteTextMessage.parse(text);
            counts.merge(m.type(), 1L, Long::sum);
            return m;
        }

        public long count(Type type) {
            return counts.getOrDefault(type, 0L);
        }

        public long malformed() {
            return count(Type.MALFORMED);
        }
    }
}
