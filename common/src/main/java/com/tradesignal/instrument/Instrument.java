package com.tradesignal.instrument;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a Kite instruments dump ({@code GET /instruments}), minus {@code last_price}, which is a stale snapshot
 * from the time the dump was generated and must not be mistaken for a price.
 *
 * <p>{@code token} ({@code instrument_token}) is what the tick feed carries, so it is the lookup key at run time.
 * It is <em>not</em> a stable identity: exchanges reuse tokens after a contract expires. Anything persisted across
 * days (state, files, configuration) should name an instrument by {@link #key()} ({@code exchange:tradingsymbol})
 * and resolve the token again from the day's dump.
 *
 * @param token Kite {@code instrument_token} (what ticks and subscriptions use)
 * @param exchangeToken the exchange's own token ({@code exchange_token}); 0 if the dump left it blank
 * @param tradingSymbol {@code tradingsymbol}, e.g. {@code NIFTY26AUGFUT} or {@code NIFTY 50}
 * @param name {@code name}: for derivatives the underlying ({@code NIFTY}, {@code BANKNIFTY}, {@code SENSEX}); for
 *     equities the company name; never null, empty if blank in the dump
 * @param exchange {@code exchange}, e.g. {@code NSE}, {@code NFO}, {@code BFO}
 * @param segment {@code segment}, e.g. {@code NFO-FUT}, {@code BFO-OPT}, {@code INDICES}
 * @param type what kind of instrument this is (see {@link InstrumentType#fromDump})
 * @param expiry the expiry date of a derivative; null for indices and equities
 * @param strike option strike; 0 for anything else
 * @param tickSize minimum price step; 0 if the dump left it blank
 * @param lotSize contract multiplier; read it from the dump every day, it changes about twice a year
 */
public record Instrument(long token, long exchangeToken, String tradingSymbol, String name, String exchange,
                         String segment, InstrumentType type, LocalDate expiry, double strike, double tickSize,
                         int lotSize) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Instrument {
        Objects.requireNonNull(tradingSymbol, "tradingSymbol");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(type, "type");
        if (name == null) {
            name = "";
        }
    }

    /**
     * The underlying this instrument belongs to, in the naming the dump's {@code name} column uses for derivatives.
     * <ul>
     *   <li>derivatives and anything else: the {@code name} column ({@code NIFTY}, {@code BANKNIFTY},
     *       {@code SENSEX}, {@code NIFTYNXT50}, ...); null if the dump left it blank (old dumps do for options);</li>
     *   <li>the well-known index tokens: {@code NIFTY}, {@code BANKNIFTY}, {@code SENSEX} (their own dump name is
     *       {@code NIFTY 50} / {@code NIFTY BANK}, which no derivative uses); other indices: their {@code name};</li>
     *   <li>equities: the trading symbol, which is what their derivatives carry in {@code name}.</li>
     * </ul>
     * This lets an index token, its futures and its options be grouped under one key.
     */
    public String underlying() {
        if (type == InstrumentType.INDEX) {
            String wellKnown = InstrumentCatalog.indexUnderlying(token).orElse(null);
            if (wellKnown != null) {
                return wellKnown;
            }
        } else if (type == InstrumentType.EQ) {
            return tradingSymbol;
        }
        return name.isEmpty() ? null : name;
    }

    /**
     * {@code exchange:tradingsymbol}, e.g. {@code NFO:NIFTY26AUGFUT} or {@code NSE:NIFTY 50}: Kite's own notation and
     * the identity to persist, because tokens are reused after expiry.
     */
    public String key() {
        return exchange + ":" + tradingSymbol;
    }
}
