package com.tradesignal.kite.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decoding of one Kite binary packet body (no frame header). All integers are big-endian; the layout is chosen by
 * the packet length ({@link PacketKind#forLength(int)}):
 *
 * <pre>
 *   8  LTP          0 token, 4 LTP
 *  28  index quote  0 token, 4 LTP, 8 high, 12 low, 16 open, 20 close, 24 price change   (H, L, O, C!)
 *  32  index full   as 28 + 28 exchange timestamp
 *  44  quote        0 token, 4 LTP, 8 last qty, 12 avg price, 16 volume, 20 buy qty, 24 sell qty,
 *                   28 open, 32 high, 36 low, 40 close                                    (O, H, L, C)
 * 184  full         as 44 + 44 last trade time, 48 OI, 52 OI day high, 56 OI day low, 60 exchange timestamp,
 *                   64..184 depth: 10 x (qty int32, price int32, orders int16, 2 bytes padding), 5 bids then 5 asks
 * </pre>
 *
 * Timestamps are epoch seconds and are decoded to millis; 0 means absent. Prices are signed int32 divided by
 * {@link #priceDivisor(long)}; token, quantities, OI and timestamps are read unsigned (as Python and Go do).
 */
public final class KitePacket {
    public static final int SEGMENT_CDS = 3;
    public static final int SEGMENT_BCD = 6;
    public static final int SEGMENT_INDICES = 9;
    public static final int DEPTH_LEVELS = 5;
    public static final int DEPTH_OFFSET = 64;
    public static final int DEPTH_ENTRY_BYTES = 12;

    private KitePacket() {
    }

    /**
     * The price divisor for a token's segment ({@code token & 0xFF}): 10,000,000 for CDS (3), 10,000 for BCD (6),
     * 100 for everything else. This is what the official Java, Python and Go clients do.
     *
     * <p>Note on NCO (segment 12): a third-party Rust port divides NCO prices by 10,000; no official client does,
     * and it is not verified against live data. We follow the official clients (÷100). Java's index parser
     * hard-codes ÷100; indices are segment 9 so the result is the same.
     */
    public static double priceDivisor(long token) {
        int segment = (int) (token & 0xFF);
        return switch (segment) {
            case SEGMENT_CDS -> 10_000_000.0;
            case SEGMENT_BCD -> 10_000.0;
            default -> 100.0;
        };
    }

    /** Whether {@code length} is one of the five packet lengths Kite sends. */
    public static boolean isKnownLength(int length) {
        return PacketKind.forLength(length) != null;
    }

    /**
     * Decodes a whole packet body.
     *
     * @throws IllegalArgumentException when the length is not a known packet length
     */
    public static DecodedTick decode(byte[] body) {
        return decode(ByteBuffer.wrap(body), 0, body.length);
    }

    /**
     * Decodes the packet of {@code length} bytes at absolute {@code offset} of {@code buf}; the buffer's position,
     * limit and byte order are not changed.
     *
     * @throws IllegalArgumentException  when the length is not a known packet length
     * @throws IndexOutOfBoundsException when the packet runs past the buffer's limit
     */
    public static DecodedTick decode(ByteBuffer buf, int offset, int length) {
        PacketKind kind = PacketKind.forLength(length);
        if (kind == null) {
            throw new IllegalArgumentException("unknown Kite packet length " + length);
        }
        if (offset < 0 || offset + length > buf.limit()) {
            throw new IndexOutOfBoundsException("packet [" + offset + ", " + (offset + length)
                    + ") runs past the buffer limit " + buf.limit());
        }
        ByteBuffer b = buf.duplicate().order(ByteOrder.BIG_ENDIAN);
        long token = u32(b, offset);
        double div = priceDivisor(token);
        double ltp = price(b, offset + 4, div);
        double nan = DecodedTick.ABSENT_PRICE;
        long absent = DecodedTick.ABSENT_TIME;
        switch (kind) {
            case LTP:
                return DecodedTick.ltp(token, ltp);
            case INDEX_QUOTE:
            case INDEX_FULL: {
                double high = price(b, offset + 8, div);
                double low = price(b, offset + 12, div);
                double open = price(b, offset + 16, div);
                double close = price(b, offset + 20, div);
                double change = price(b, offset + 24, div);
                long ts = kind == PacketKind.INDEX_FULL ? time(b, offset + 28) : absent;
                return new DecodedTick(kind, token, ltp, 0, nan, 0, 0, 0, open, high, low, close, change,
                        absent, 0, 0, 0, ts, List.of(), List.of());
            }
            default: {
                long lastQty = u32(b, offset + 8);
                double avg = price(b, offset + 12, div);
                long volume = u32(b, offset + 16);
                long buyQty = u32(b, offset + 20);
                long sellQty = u32(b, offset + 24);
                double open = price(b, offset + 28, div);
                double high = price(b, offset + 32, div);
                double low = price(b, offset + 36, div);
                double close = price(b, offset + 40, div);
                if (kind == PacketKind.QUOTE) {
                    return new DecodedTick(kind, token, ltp, lastQty, avg, volume, buyQty, sellQty, open, high, low,
                            close, nan, absent, 0, 0, 0, absent, List.of(), List.of());
                }
                long ltt = time(b, offset + 44);
                long oi = u32(b, offset + 48);
                long oiHigh = u32(b, offset + 52);
                long oiLow = u32(b, offset + 56);
                long ts = time(b, offset + 60);
                List<DepthLevel> bids = depth(b, offset + DEPTH_OFFSET, div);
                List<DepthLevel> asks = depth(b, offset + DEPTH_OFFSET + DEPTH_LEVELS * DEPTH_ENTRY_BYTES, div);
                return new DecodedTick(kind, token, ltp, lastQty, avg, volume, buyQty, sellQty, open, high, low,
                        close, nan, ltt, oi, oiHigh, oiLow, ts, bids, asks);
            }
        }
    }

    private static List<DepthLevel> depth(ByteBuffer b, int at, double div) {
        List<DepthLevel> levels = new ArrayList<>(DEPTH_LEVELS);
        for (int i = 0; i < DEPTH_LEVELS; i++) {
            int p = at + i * DEPTH_ENTRY_BYTES;
            levels.add(new DepthLevel(u32(b, p), price(b, p + 4, div), Short.toUnsignedInt(b.getShort(p + 8))));
        }
        return levels;
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }

    private static double price(ByteBuffer b, int at, double div) {
        return b.getInt(at) / div;
    }

    private static long time(ByteBuffer b, int at) {
        long seconds = u32(b, at);
        return seconds == 0 ? DecodedTick.ABSENT_TIME : seconds * 1000L;
    }
}
