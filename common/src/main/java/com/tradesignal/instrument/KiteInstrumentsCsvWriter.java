package com.tradesignal.instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Writes instruments back as a Kite instruments dump: the 12 columns of {@code GET /instruments}, header row first,
 * in Kite's column order, so that what is cached on disk is the format everybody knows and {@link InstrumentCatalog#load}
 * reads it back to equal instruments.
 *
 * <p>What cannot come back exactly, by design: {@code last_price} is written as {@code 0.0} ({@link Instrument} drops
 * it, a dump's price is stale anyway); an {@link InstrumentType#INDEX} is written as {@code EQ} in its {@code INDICES}
 * segment, which is how Kite lists index rows; {@link InstrumentType#OTHER} is written as {@code OTHER}. Lines end in
 * LF. A field with a comma, quote or line break is quoted with {@code ""} for a quote, as the reader expects.
 */
public final class KiteInstrumentsCsvWriter {
    /** Kite's column order. */
    public static final List<String> COLUMNS = List.of(KiteInstrumentsCsv.INSTRUMENT_TOKEN,
            KiteInstrumentsCsv.EXCHANGE_TOKEN, KiteInstrumentsCsv.TRADINGSYMBOL, KiteInstrumentsCsv.NAME, "last_price",
            KiteInstrumentsCsv.EXPIRY, KiteInstrumentsCsv.STRIKE, KiteInstrumentsCsv.TICK_SIZE,
            KiteInstrumentsCsv.LOT_SIZE, KiteInstrumentsCsv.INSTRUMENT_TYPE, KiteInstrumentsCsv.SEGMENT,
            KiteInstrumentsCsv.EXCHANGE);

    private KiteInstrumentsCsvWriter() {
    }

    /** The whole dump as one string (a 40,000-row NFO+BFO dump is about 3 MB). */
    public static String toCsv(Collection<Instrument> instruments) {
        StringBuilder out = new StringBuilder(64 + instruments.size() * 80);
        write(instruments, out);
        return out.toString();
    }

    /** Writes the header and one row per instrument, in the collection's order. */
    public static void write(Collection<Instrument> instruments, Appendable out) {
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(out, "out");
        try {
            out.append(String.join(",", COLUMNS)).append('\n');
            for (Instrument i : instruments) {
                out.append(Long.toString(i.token())).append(',')
                        .append(Long.toString(i.exchangeToken())).append(',')
                        .append(field(i.tradingSymbol())).append(',')
                        .append(field(i.name())).append(',')
                        .append("0.0").append(',')
                        .append(i.expiry() == null ? "" : i.expiry().toString()).append(',')
                        .append(decimal(i.strike())).append(',')
                        .append(decimal(i.tickSize())).append(',')
                        .append(Integer.toString(i.lotSize())).append(',')
                        .append(dumpType(i.type())).append(',')
                        .append(field(i.segment())).append(',')
                        .append(field(i.exchange())).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write instruments CSV", e);
        }
    }

    /** The {@code instrument_type} column: Kite lists indices as EQ (the INDICES segment makes them indices). */
    private static String dumpType(InstrumentType type) {
        return type == InstrumentType.INDEX ? "EQ" : type.name();
    }

    /**
     * Plain notation with at least one decimal, as Kite writes it ({@code 24500.0}, {@code 0.05}): a strike of
     * 10,000,000 must not become {@code 1.0E7}.
     */
    private static String decimal(double value) {
        String plain = BigDecimal.valueOf(value).toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
