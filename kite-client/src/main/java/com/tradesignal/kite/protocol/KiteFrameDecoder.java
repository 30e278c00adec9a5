package com.tradesignal.kite.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits and decodes one binary WebSocket message: {@code int16 N}, then N × ({@code int16 length}, body), all
 * big-endian and unsigned. A 1-byte message is a heartbeat. It never throws on bad input: the reader thread must
 * not die on one bad frame.
 *
 * <p>What is recoverable from a malformed message:
 * <ul>
 *   <li><b>unknown packet length</b> (e.g. 50, or 0): the length header itself is intact, so that packet is skipped
 *       (counted in {@link Result#malformedPackets()}) and the following packets still decode;</li>
 *   <li><b>a length that runs past the end</b> of the message: the packet is lost (malformed packet) and, since
 *       nothing after it can be located, so is the rest of the frame (malformed frame); packets before it are kept;</li>
 *   <li><b>truncated header</b> (fewer than 2 bytes left for a packet's length, while the count says more packets
 *       follow): the packets decoded so far are kept, the frame is counted malformed;</li>
 *   <li><b>trailing bytes</b> after the N declared packets: the N packets are kept, the frame is counted malformed;</li>
 *   <li><b>empty message</b> (0 bytes): malformed frame, nothing decoded.</li>
 * </ul>
 * A frame with count 0 and nothing else is well-formed and empty.
 *
 * <p>One instance also keeps running totals ({@link #totalTicks()}, ...); it is not thread-safe.
 */
public final class KiteFrameDecoder {

    /**
     * What one message held.
     *
     * @param ticks            the packets decoded, in frame order
     * @param heartbeats       1 when the message was a heartbeat, else 0
     * @param malformedPackets packets skipped (unknown length, or body running past the end)
     * @param malformedFrames  1 when the message's framing was broken (empty, truncated header, length past the
     *                         end, trailing bytes), else 0
     */
    public record Result(List<DecodedTick> ticks, int heartbeats, int malformedPackets, int malformedFrames) {
        public Result {
            ticks = List.copyOf(ticks);
        }

        public boolean isHeartbeat() {
            return heartbeats > 0;
        }

        public boolean isClean() {
            return malformedPackets == 0 && malformedFrames == 0;
        }
    }

    private static final Result HEARTBEAT = new Result(List.of(), 1, 0, 0);

    private long totalTicks;
    private long totalHeartbeats;
    private long totalMalformedPackets;
    private long totalMalformedFrames;

    /** Decodes one binary message held in a byte array. */
    public Result decode(byte[] message) {
        return decode(message == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(message));
    }

    /**
     * Decodes the bytes between {@code message}'s position and limit. The buffer's position is not changed.
     */
    public Result decode(ByteBuffer message) {
        Result r = decodeStateless(message);
        totalTicks += r.ticks().size();
        totalHeartbeats += r.heartbeats();
        totalMalformedPackets += r.malformedPackets();
        totalMalformedFrames += r.malformedFrames();
        return r;
    }

    /** Decodes one message without touching any counters. */
    public static Result decodeStateless(ByteBuffer message) {
        if (message == null) {
            return new Result(List.of(), 0, 0, 1);
        }
        ByteBuffer b = message.slice().order(ByteOrder.BIG_ENDIAN);
        int size = b.remaining();
        if (size == 0) {
            return new Result(List.of(), 0, 0, 1);
        }
        if (size == 1) {
            return HEARTBEAT;
        }
        int count = Short.toUnsignedInt(b.getShort(0));
        List<DecodedTick> ticks = new ArrayList<>(Math.min(count, 512));
        int malformedPackets = 0;
        int pos = 2;
        for (int i = 0; i < count; i++) {
            if (size - pos < 2) {
                // truncated length header: the rest of the declared packets cannot be found
                return new Result(ticks, 0, malformedPackets, 1);
            }
            int length = Short.toUnsignedInt(b.getShort(pos));
            pos += 2;
            if (length > size - pos) {
                // length runs past the end: this body and everything after it are lost
                return new Result(ticks, 0, malformedPackets + 1, 1);
            }
            if (KitePacket.isKnownLength(length)) {
                try {
                    ticks.add(KitePacket.decode(b, pos, length));
                } catch (RuntimeException e) {
                    malformedPackets++;
                }
            } else {
                malformedPackets++; // unknown length: skip it, the next length header is still where it says
            }
            pos += length;
        }
        int malformedFrames = pos == size ? 0 : 1; // trailing bytes after the declared packets
        return new Result(ticks, 0, malformedPackets, malformedFrames);
    }

    public long totalTicks() {
        return totalTicks;
    }

    public long totalHeartbeats() {
        return totalHeartbeats;
    }

    public long totalMalformedPackets() {
        return totalMalformedPackets;
    }

    public long totalMalformedFrames() {
        return totalMalformedFrames;
    }
}
