package com.tradesignal.publisher.auth;

import com.tradesignal.kite.feed.FeedControlFile;
import com.tradesignal.kite.feed.FeedStatusFiles;
import com.tradesignal.kite.feed.StateDirectory;
import com.tradesignal.market.FeedSchedule;
import io.javalin.config.JavalinConfig;

import java.util.Map;

/**
 * The operator's switch over HTTP: {@code POST /api/feed/start} (connect now, whatever the calendar says),
 * {@code /stop} (disconnect and stay off), {@code /auto} (follow the calendar); {@code GET /api/feed/status} lists
 * every connection's status. The feeds poll the switch file about once a second.
 */
public final class FeedControlRoutes {
    private final StateDirectory state;

    public FeedControlRoutes(StateDirectory state) {
        this.state = state;
    }

    public void routes(JavalinConfig cfg) {
        FeedControlFile control = new FeedControlFile(state.controlFile());
        cfg.routes.post("/api/feed/start", ctx -> {
            control.write(FeedSchedule.Override.FORCE_ON, "publisher");
            ctx.json(Map.of("override", "FORCE_ON"));
        });
        cfg.routes.post("/api/feed/stop", ctx -> {
            control.write(FeedSchedule.Override.FORCE_OFF, "publisher");
            ctx.json(Map.of("override", "FORCE_OFF"));
        });
        cfg.routes.post("/api/feed/auto", ctx -> {
            control.write(FeedSchedule.Override.NONE, "publisher");
            ctx.json(Map.of("override", "NONE"));
        });
        cfg.routes.get("/api/feed/status", ctx -> ctx.json(Map.of("override", control.read().name(),
                "feeds", FeedStatusFiles.readAll(state.statusDirectory()))));
    }
}
