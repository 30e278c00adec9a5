package com.tradesignal.simulator;

import com.tradesignal.kite.protocol.DecodedTick;
import com.tradesignal.kite.protocol.KiteFrameEncoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The malformed frames of the {@code sendMalformedFrames} fault, in the three ways a binary frame can be broken, taken
 * in turn: a packet count larger than the packets present, a last packet cut short (its length runs past the end of
 * the frame) and a packet of a size no Kite layout has. A robust client counts each and keeps going.
 */
final class MalformedFrames {
    /** A packet size no Kite layout has (8, 28, 32, 44 and 184 are the known ones). */
    static final int UNKNOWN_SIZE = 13;

    private MalformedFrames() {
    }

    /** The {@code n}-th malformed frame (0-based) carrying {@code ticks} (may be empty). */
    static byte[] make(int n, List<DecodedTick> ticks) {
        byte[] good = ticks.isEmpty() ? KiteFrameEncoder.frameOfBodies(List.of(new byte[UNKNOWN_SIZE])) : KiteFrameEncoder.encodeFrame(ticks);
        return switch (Math.floorMod(n, 3)) {
            case 0 -> {
                byte[] bad = good.clone();
                int count = ((bad[0] & 0xFF) << 8 | (bad[1] & 0xFF)) + 2;
                bad[0] = (byte) (count >>> 8);
                bad[1] = (byte) count;
                yield bad;
            }
            case 1 -> Arrays.copyOf(good, good.length - 3);
            default -> {
                List<byte[]> bodies = new ArrayList<>();
                for (DecodedTick t : ticks) {
                    bodies.add(KiteFrameEncoder.encodePacket(t));
                }
                bodies.add(new byte[UNKNOWN_SIZE]);
                yield KiteFrameEncoder.frameOfBodies(bodies);
            }
        };
    }
}
