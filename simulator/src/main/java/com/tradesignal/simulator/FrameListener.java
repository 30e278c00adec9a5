package com.tradesignal.simulator;

import com.tradesignal.kite.protocol.DecodedTick;

import java.util.List;

/**
 * Told of every tick frame the simulator is about to hand to a socket, with the ticks it carries (as the receiver
 * will decode them) and {@link System#nanoTime()} at that moment. Benchmarks use it to time a tick from the moment
 * it leaves the simulator; a frame that is one of several for a step gets its own call.
 *
 * <p>It runs on the simulator's market thread, inside the step that sends to every socket, so it must be quick and
 * must not block or keep the list (it is a view of the step's own list).
 */
@FunctionalInterface
public interface FrameListener {
    void onFrameSent(List<DecodedTick> ticks, long sentNanos);
}
