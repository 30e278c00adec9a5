package com.tradesignal.publisher.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignal.publisher.market.PriceTick;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A {@link PriceTick} as the value of a {@link Topics#PRICES} record, written by the job's Kafka sink and read by the
 * publisher:
 * <pre>{"underlying":"NIFTY","kind":"INDEX","symbol":"NIFTY 50","token":256265,"last_price":26012.35,
 *  "previous_close":25950.1,"exchange_time":1795751100000,"received_wall":1795751100412}</pre>
 * {@code previous_close} and {@code symbol} are null when the tick had none; times are epoch millis.
 */
public final class PriceTickJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private PriceTickJson() {}

    public static String toJson(PriceTick p) {
        StringWriter out = new StringWriter(200);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("underlying", p.underlying());
            g.writeStringField("kind", p.kind().name());
            g.writeStringField("symbol", p.symbol());
            g.writeNumberField("token", p.token());
            g.writeNumberField("last_price", p.lastPrice());
            g.writeFieldName("previous_close");
            if (Double.isFinite(p.previousClose())) {
                g.writeNumber(p.previousClose());
            } else {
                g.writeNull();
            }
            g.writeNumberField("exchange_time", p.exchangeTime());
            g.writeNumberField("received_wall", p.receivedWall());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException when the JSON is not a price of this shape */
    public static PriceTick parse(byte[] json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        PriceTick.Kind kind;
        try {
            kind = PriceTick.Kind.valueOf(text(n, "kind"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be INDEX or FUTURE, not " + n.get("kind"));
        }
        JsonNode symbol = n.get("symbol");
        JsonNode previousClose = n.get("previous_close");
        JsonNode receivedWall = n.get("received_wall");
        return new PriceTick(text(n, "underlying"), kind, symbol == null || symbol.isNull() ? null : symbol.asText(),
                whole(n, "token"), number(n, "last_price"),
                previousClose == null || previousClose.isNull() ? Double.NaN : previousClose.asDouble(),
                whole(n, "exchange_time"), receivedWall != null && receivedWall.canConvertToLong() ? receivedWall.asLong() : 0);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException(field + " is missing or not a string");
        return v.asText();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) throw new IllegalArgumentException(field + " is missing or not a number");
        return v.asDouble();
    }

    private static long whole(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber()) throw new IllegalArgumentException(field + " is missing or not a whole number");
        return v.asLong();
    }
}
