package com.tradesignal.kite.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Encodes {@link DecodedTick} values into Kite binary packets and frames, the exact inverse of {@link KitePacket}
 * and {@link KiteFrameDecoder} (for the Kite-protocol simulator). The layout is the tick's {@link PacketKind}.
 *
 * <p>Absent values are written as 0 (NaN prices, {@link DecodedTick#ABSENT_TIME} times); prices are
 * {@code Math.round(price × divisor)}; times are written as epoch seconds (millis / 1000). Depth padding is 0.
 * A full tick with fewer than 5 levels per side is padded with empty levels.
 *
 * @throws IllegalArgumentException (from every method) when a value does not fit its wire field
 */
public final class KiteFrameEncoder {
    /** Maximum packets in one frame (the count is an unsigned int16). */
    public static final int MAX_PACKETS_PER_FRAME = 0xFFFF;

    private KiteFrameEncoder() {
    }

    /** The 1-byte heartbeat message. */
    public static byte[] heartbeat() {
        return new byte[] {0};
    }

    /** One packet body (no length header) in the tick's layout. */
    public static byte[] encodePacket(DecodedTick t) {
        PacketKind kind = t.kind();
        ByteBuffer b = ByteBuffer.allocate(kind.length()).order(ByteOrder.BIG_ENDIAN);
        double div = KitePacket.priceDivisor(t.token());
        b.putInt(u32(t.token(), "token"));
        b.putInt(price(t.lastPrice(), div, "last_price"));
        switch (kind) {
            case LTP:
                break;
            case INDEX_QUOTE:
            case INDEX_FULL:
                b.putInt(price(t.high(), div, "high"));
                b.putInt(price(t.low(), div, "low"));
                b.putInt(price(t.open(), div, "open"));
                b.putInt(price(t.close(), div, "close"));
                b.putInt(price(t.priceChange(), div, "price change"));
                if (kind == PacketKind.INDEX_FULL) {
                    b.putInt(seconds(t.exchangeTime(), "timestamp"));
                }
                break;
            default:
                b.putInt(u32(t.lastQuantity(), "last_quantity"));
                b.putInt(price(t.averagePrice(), div, "average_price"));
                b.putInt(u32(t.volume(), "volume"));
                b.putInt(u32(t.buyQuantity(), "buy_quantity"));
                b.putInt(u32(t.sellQuantity(), "sell_quantity"));
                b.putInt(price(t.open(), div, "open"));
                b.putInt(price(t.high(), div, "high"));
                b.putInt(price(t.low(), div, "low"));
                b.putInt(price(t.close(), div, "close"));
                if (kind == PacketKind.FULL) {
                    b.putInt(seconds(t.lastTradeTime(), "last_trade_time"));
                    b.putInt(u32(t.openInterest(), "oi"));
                    b.putInt(u32(t.oiDayHigh(), "oi_day_high"));
                    b.putInt(u32(t.oiDayLow(), "oi_day_low"));
                    b.putInt(seconds(t.exchangeTime(), "timestamp"));
                    putDepth(b, t.bids(), div, "bids");
                    putDepth(b, t.asks(), div, "asks");
                }
        }
        if (b.hasRemaining()) {
            throw new IllegalStateException("encoded " + b.position() + " of " + kind.length() + " bytes");
        }
        return b.array();
    }

    /** A frame holding the ticks' packets: count, then (length, body) per tick. */
    public static byte[] encodeFrame(Collection<DecodedTick> ticks) {
        List<byte[]> bodies = new ArrayList<>(ticks.size());
        for (DecodedTick t : ticks) {
            bodies.add(encodePacket(t));
        }
        return frameOfBodies(bodies);
    }

    /** A frame holding the given ticks. */
    public static byte[] encodeFrame(DecodedTick... ticks) {
        return encodeFrame(List.of(ticks));
    }

    /** A frame of raw packet bodies (any bytes; useful to build malformed test frames too). */
    public static byte[] frameOfBodies(List<byte[]> bodies) {
        if (bodies.size() > MAX_PACKETS_PER_FRAME) {
            throw new IllegalArgumentException(bodies.size() + " packets do not fit one frame");
        }
        int size = 2;
        for (byte[] body : bodies) {
            if (body.length > 0xFFFF) {
                throw new IllegalArgumentException("packet of " + body.length + " bytes is too long");
            }
            size += 2 + body.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) bodies.size());
        for (byte[] body : bodies) {
            b.putShort((short) body.length);
            b.put(body);
        }
        return b.array();
    }

    private static void putDepth(ByteBuffer b, List<DepthLevel> levels, double div, String side) {
        if (levels.size() > KitePacket.DEPTH_LEVELS) {
            throw new IllegalArgumentException(side + ": " + levels.size() + " levels, at most "
                    + KitePacket.DEPTH_LEVELS);
        }
        for (int i = 0; i < KitePacket.DEPTH_LEVELS; i++) {
            DepthLevel l = i < levels.size() ? levels.get(i) : DepthLevel.EMPTY;
            b.putInt(u32(l.quantity(), side, " quantity"));
            b.putInt(price(l.price(), div, side, " price"));
            if (l.orders() < 0 || l.orders() > 0xFFFF) {
                throw new IllegalArgumentException(side + " orders " + l.orders() + " do not fit 16 bits");
            }
            b.putShort((short) l.orders());
            b.putShort((short) 0);
        }
    }

    private static int u32(long v, String field) {
        return u32(v, field, "");
    }

    // The field's name comes in two parts, joined only for the error: the simulator encodes every depth level of
    // every tick it sends, and building "bids quantity" there each time showed in its profile.
    private static int u32(long v, String field, String suffix) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + suffix + " " + v + " does not fit an unsigned 32-bit field");
        }
        return (int) v;
    }

    private static int price(double p, double div, String field) {
        return price(p, div, field, "");
    }

    private static int price(double p, double div, String field, String suffix) {
        if (Double.isNaN(p)) {
            return 0;
        }
        long raw = Math.round(p * div);
        if (raw < Integer.MIN_VALUE || raw > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + suffix + " " + p + " does not fit a 32-bit price field");
        }
        return (int) raw;
    }

    private static int seconds(long millis, String field) {
        if (millis == DecodedTick.ABSENT_TIME) {
            return 0;
        }
        return u32(Math.floorDiv(millis, 1000L), field);
    }
}
