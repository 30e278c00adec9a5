package com.tradesignal.simulator;

import com.tradesignal.kite.protocol.KiteClientMessage;
import com.tradesignal.kite.protocol.KiteClientMessage.Mode;
import io.javalin.websocket.WsContext;

import java.util.HashMap;
import java.util.Map;

/**
 * One client's ticker socket: which tokens it subscribed, in which mode (Kite's default after {@code subscribe} is
 * quote), when it was last sent anything (for heartbeats), and how many malformed frames it still has to get.
 */
final class TickerConnection {
    final WsContext ws;
    private final Map<Long, Mode> modes = new HashMap<>();
    long lastSentWall = System.currentTimeMillis();
    int malformedToSend;

    TickerConnection(WsContext ws) {
        this.ws = ws;
    }

    synchronized void apply(KiteClientMessage m) {
        switch (m.action()) {
            case SUBSCRIBE -> m.tokens().forEach(t -> modes.putIfAbsent(t, Mode.QUOTE));
            case UNSUBSCRIBE -> m.tokens().forEach(modes::remove);
            case MODE -> m.tokens().forEach(t -> {
                if (modes.containsKey(t)) {
                    modes.put(t, m.mode());
                }
            });
        }
    }

    synchronized Mode modeOf(long token) {
        return modes.get(token);
    }

    synchronized int subscribed() {
        return modes.size();
    }
}
