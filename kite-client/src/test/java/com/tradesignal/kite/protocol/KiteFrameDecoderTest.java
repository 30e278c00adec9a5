package com.tradesignal.kite.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KiteFrameDecoderTest {
    private final KiteFrameDecoder decoder = new KiteFrameDecoder();
    private final byte[] full = KiteFixtures.packet("ticker_full.packet");
    private final byte[] quote = KiteFixtures.packet("ticker_quote.packet");
    private final byte[] ltp = KiteFrameEncoder.encodePacket(DecodedTick.ltp(256265L, 18000.5));

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) b.put(p);
        return b.array();
    }

    @Test
    void aFrameWithTwoPacketsYieldsBothTicksInOrder() {
        KiteFrameDecoder.Result r = decoder.decode(KiteFixtures.frame(full, quote));
        assertThat(r.ticks()).extracting(DecodedTick::kind).containsExactly(PacketKind.FULL, PacketKind.QUOTE);
        assertThat(r.ticks()).extracting(DecodedTick::lastPrice).containsExactly(1573.7, 1573.15);
        assertThat(r.isClean()).isTrue();
        assertThat(r.heartbeats()).isZero();
    }

    @Test
    void aOneByteMessageIsAHeartbeatAndNotMalformed() {
        KiteFrameDecoder.Result r = decoder.decode(new byte[] {0x7f});
        assertThat(r.isHeartbeat()).isTrue();
        assertThat(r.ticks()).isEmpty();
        assertThat(r.isClean()).isTrue();
        assertThat(decoder.totalHeartbeats()).isEqualTo(1);
    }

    @Test
    void anEmptyMessageIsAMalformedFrame() {
        KiteFrameDecoder.Result r = decoder.decode(new byte[0]);
        assertThat(r.ticks()).isEmpty();
        assertThat(r.malformedFrames()).isEqualTo(1);
        assertThat(r.heartbeats()).isZero();
    }

    @Test
    void aFrameWithCountZeroIsWellFormedAndEmpty() {
        KiteFrameDecoder.Result r = decoder.decode(new byte[] {0, 0});
        assertThat(r.ticks()).isEmpty();
        assertThat(r.isClean()).isTrue();
    }

    @Test
    void aTruncatedLengthHeaderKeepsThePacketsBeforeIt() {
        byte[] frame = KiteFixtures.frame(full, ltp);
        frame[1] = 3; // claims three packets
        byte[] truncated = concat(frame, new byte[] {0}); // one byte of the third length header
        KiteFrameDecoder.Result r = decoder.decode(truncated);
        assertThat(r.ticks()).extracting(DecodedTick::kind).containsExactly(PacketKind.FULL, PacketKind.LTP);
        assertThat(r.malformedFrames()).isEqualTo(1);
        assertThat(r.malformedPackets()).isZero();
    }

    @Test
    void aLengthRunningPastTheEndLosesOnlyThatPacketAndWhatFollows() {
        byte[] frame = KiteFixtures.frame(quote, full);
        byte[] cut = Arrays.copyOf(frame, frame.length - 10);
        KiteFrameDecoder.Result r = decoder.decode(cut);
        assertThat(r.ticks()).extracting(DecodedTick::kind).containsExactly(PacketKind.QUOTE);
        assertThat(r.malformedPackets()).isEqualTo(1);
        assertThat(r.malformedFrames()).isEqualTo(1);
    }

    @Test
    void anUnknownPacketLengthIsSkippedAndThePacketsAroundItStillDecode() {
        byte[] frame = KiteFrameEncoder.frameOfBodies(List.of(quote, new byte[50], full, new byte[0], ltp));
        KiteFrameDecoder.Result r = decoder.decode(frame);
        assertThat(r.ticks()).extracting(DecodedTick::kind)
                .containsExactly(PacketKind.QUOTE, PacketKind.FULL, PacketKind.LTP);
        assertThat(r.malformedPackets()).isEqualTo(2);
        assertThat(r.malformedFrames()).isZero();
    }

    @Test
    void trailingBytesAfterTheDeclaredPacketsMarkTheFrameButKeepItsTicks() {
        byte[] frame = concat(KiteFixtures.frame(ltp), new byte[] {1, 2, 3});
        KiteFrameDecoder.Result r = decoder.decode(frame);
        assertThat(r.ticks()).hasSize(1);
        assertThat(r.malformedFrames()).isEqualTo(1);
    }

    @Test
    void noMessageEverThrowsAndTotalsAccumulate() {
        byte[] good = KiteFixtures.frame(full, quote);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] m = Arrays.copyOf(good, random.nextInt(good.length + 1));
            if (m.length > 2 && random.nextBoolean()) m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            decoder.decode(m);
        }
        decoder.decode((byte[]) null);
        assertThat(decoder.totalMalformedFrames()).isPositive();
        assertThat(decoder.totalTicks()).isPositive();
    }

    @Test
    void theBufferPositionIsLeftAlone() {
        ByteBuffer b = ByteBuffer.wrap(concat(new byte[] {9, 9}, KiteFixtures.frame(ltp)));
        b.position(2);
        KiteFrameDecoder.Result r = decoder.decode(b);
        assertThat(r.ticks()).hasSize(1);
        assertThat(r.isClean()).isTrue();
        assertThat(b.position()).isEqualTo(2);
    }
}
