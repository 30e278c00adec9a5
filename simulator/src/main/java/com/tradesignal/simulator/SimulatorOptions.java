package com.tradesignal.simulator;

import com.tradesignal.market.MarketCalendar;
import com.tradesignal.market.MarketClock;
import com.tradesignal.market.MarketTime;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./tradesignal simulate}, parsed into a {@link KiteSimulator.Builder}:
 * <pre>
 *   --host 127.0.0.1  --port 8600  --speed 1  --date yyyy-MM-dd  --start HH:mm[:ss]
 *   --api-key sim_api_key  --api-secret sim_api_secret  --redirect-url URL
 *   --ticks-per-second 2  --seed 42  --replay FILE (repeatable)
 * </pre>
 * Without {@code --date} the market day is today (IST) or, if today has no session, the most recent day that had
 * one, so a demo on a Sunday still shows a market. Without {@code --start} the clock starts at 09:14:30, just
 * before the open.
 *
 * @param date null for the default described above
 */
public record SimulatorOptions(String host, int port, double speed, LocalDate date, LocalTime start, String apiKey,
                               String apiSecret, String redirectUrl, double ticksPerSecond, long seed,
                               List<Path> replay) {
    public static final int DEFAULT_PORT = 8600;

    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", DEFAULT_PORT, 1.0, null, LocalTime.of(9, 14, 30), "sim_api_key",
                "sim_api_secret", "http://127.0.0.1:8000/api/auth/callback", 2.0, 42, List.of());
    }

    /** Parses {@code --name value} pairs; unknown options and missing values are errors with a usage message. */
    public static SimulatorOptions parse(String... args) {
        SimulatorOptions o = defaults();
        String host = o.host;
        int port = o.port;
        double speed = o.speed;
        LocalDate date = null;
        LocalTime start = o.start;
        String apiKey = o.apiKey;
        String apiSecret = o.apiSecret;
        String redirectUrl = o.redirectUrl;
        double ticksPerSecond = o.ticksPerSecond;
        long seed = o.seed;
        List<Path> replay = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + usage());
            }
            String v = args[++i];
            try {
                switch (name) {
                    case "--host" -> host = v;
                    case "--port" -> port = Integer.parseInt(v);
                    case "--speed" -> speed = Double.parseDouble(v);
                    case "--date" -> date = LocalDate.parse(v);
                    case "--start" -> start = LocalTime.parse(v.length() == 4 ? "0" + v : v);
                    case "--api-key" -> apiKey = v;
                    case "--api-secret" -> apiSecret = v;
                    case "--redirect-url" -> redirectUrl = v;
                    case "--ticks-per-second" -> ticksPerSecond = Double.parseDouble(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--replay" -> replay.add(Path.of(v));
                    default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
                }
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().contains("usage")) {
                    throw e;
                }
                throw new IllegalArgumentException("bad value for " + name + ": " + v + "\n" + usage(), e);
            }
        }
        if (!(speed > 0) || port < 0 || port > 65535) {
            throw new IllegalArgumentException("--speed must be positive and --port in [0, 65535]\n" + usage());
        }
        return new SimulatorOptions(host, port, speed, date, start, apiKey, apiSecret, redirectUrl, ticksPerSecond,
                seed, List.copyOf(replay));
    }

    public static String usage() {
        return "usage: simulate [--host 127.0.0.1] [--port 8600] [--speed 1] [--date yyyy-MM-dd] [--start HH:mm]"
                + " [--api-key K] [--api-secret S] [--redirect-url URL] [--ticks-per-second 2] [--seed 42]"
                + " [--replay candles.csv]...";
    }

    /** The market day: {@link #date} or the default (today, else the last day with a session). */
    public LocalDate marketDate(MarketCalendar calendar, long nowMillis) {
        if (date != null) {
            return date;
        }
        LocalDate d = MarketTime.istDate(nowMillis);
        for (int i = 0; i < 15 && calendar.sessionOn(d).isEmpty(); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** A builder with these options (market clock starting now at {@link #start} of {@link #marketDate}). */
    public KiteSimulator.Builder toBuilder() {
        MarketCalendar calendar = MarketCalendar.defaults();
        LocalDate day = marketDate(calendar, System.currentTimeMillis());
        return KiteSimulator.builder().host(host).port(port).calendar(calendar)
                .clock(MarketClock.simulated(day.atTime(start).toInstant(MarketTime.IST), speed))
                .apiKey(apiKey).apiSecret(apiSecret).redirectUrl(redirectUrl).ticksPerSecond(ticksPerSecond)
                .seed(seed).replayCandles(replay);
    }
}
