package com.tradesignal.cli;

import com.tradesignal.sim.TickCsvWriter;
import com.tradesignal.source.replay.files.TickFiles;
import com.tradesignal.tick.Tick;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm-up input for {@code replay --history}: earlier tick files as they are, and one-minute candle CSV files turned
 * into ticks that reproduce each candle exactly (open at :00, low and high at :20 and :40, close at :59, cumulative
 * volume rising by the candle's volume), so the job warms its state through the same path as live data.
 *
 * <p>Candle CSV: a header row with {@code instrument_token}, {@code timestamp} (the candle's START, ISO-8601 with
 * offset, Kite's {@code 2017-12-15T09:15:00+0530} form included), {@code open}, {@code high}, {@code low},
 * {@code close}, optional {@code volume}, {@code oi} and {@code tradingsymbol}. Kite's historical API returns
 * exactly these values. Rows may come in any order (one instrument after another, say); they are sorted by time.
 */
final class HistoryFiles {
    private static final DateTimeFormatter OFFSET_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm[:ss]").appendPattern("[XXX][XX]").toFormatter(Locale.ROOT);

    private HistoryFiles() {}

    /** The tick files to replay before the session: tick files unchanged, candle files converted into {@code workDir}. */
    static List<Path> prepare(List<Path> paths, Path workDir) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> files = TickFiles.expand(paths);
        for (Path f : files) {
            if (isCandleCsv(f)) {
                Files.createDirectories(workDir);
                Path converted = workDir.resolve("history-" + out.size() + "-" + f.getFileName() + (f.toString().endsWith(".csv") ? "" : ".csv"));
                convert(f, converted);
                out.add(converted);
            } else {
                out.add(f);
            }
        }
        return out;
    }

    static boolean isCandleCsv(Path f) throws IOException {
        if (!f.getFileName().toString().endsWith(".csv")) return false;
        try (BufferedReader r = Files.newBufferedReader(f)) {
            String header = r.readLine();
            if (header == null) return false;
            List<String> cols = List.of(header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace(" ", "").split(","));
            return cols.contains("open") && cols.contains("close") && !cols.contains("last_price");
        }
    }

    private static void convert(Path candles, Path ticks) throws IOException {
        record Row(long token, long start, double open, double high, double low, double close, long volume, long oi, String symbol) {}
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(candles)) {
            String[] header = r.readLine().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace(" ", "").split(",");
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) col.put(header[i], i);
            for (String required : List.of("instrument_token", "timestamp", "open", "high", "low", "close")) {
                if (!col.containsKey(required)) {
                    throw new IllegalArgumentException(candles + ":1: field '" + required + "': missing required column");
                }
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != header.length) {
                    throw new IllegalArgumentException(candles + ":" + lineNo + ": row has " + f.length + " cells but the header has " + header.length);
                }
                long token = (long) number(candles, lineNo, f, col, "instrument_token");
                long start = time(candles, lineNo, f[col.get("timestamp")]);
                double open = number(candles, lineNo, f, col, "open");
                double high = number(candles, lineNo, f, col, "high");
                double low = number(candles, lineNo, f, col, "low");
                double close = number(candles, lineNo, f, col, "close");
                long volume = col.containsKey("volume") && !f[col.get("volume")].isEmpty() ? (long) number(candles, lineNo, f, col, "volume") : 0;
                long oi = col.containsKey("oi") && !f[col.get("oi")].isEmpty() ? (long) number(candles, lineNo, f, col, "oi") : 0;
                String symbol = col.containsKey("tradingsymbol") ? f[col.get("tradingsymbol")] : null;
                rows.add(new Row(token, start, open, high, low, close, volume, oi, symbol == null || symbol.isEmpty() ? null : symbol));
            }
        }
        // A candle file may list one instrument after another; the replay needs time order across them.
        rows.sort(java.util.Comparator.comparingLong(Row::start));
        Map<Long, Long> cumulative = new HashMap<>();
        Map<Long, Long> day = new HashMap<>();
        List<Tick> out = new ArrayList<>(rows.size() * 4);
        {
            for (Row row : rows) {
                long token = row.token();
                long start = row.start();
                double open = row.open(), high = row.high(), low = row.low(), close = row.close();
                long volume = row.volume(), oi = row.oi();
                String symbol = row.symbol();
                long d = Math.floorDiv(start + 19_800_000L, 86_400_000L);
                if (!Long.valueOf(d).equals(day.put(token, d))) cumulative.put(token, 0L);
                long before = cumulative.get(token);
                long after = before + volume;
                cumulative.put(token, after);
                boolean rising = close >= open;
                double[][] shape = {{0, open, before}, {20, rising ? low : high, before + volume / 3},
                        {40, rising ? high : low, before + 2 * volume / 3}, {59, close, after}};
                for (double[] t : shape) {
                    out.add(Tick.builder(token, start + (long) t[0] * 1000, t[1]).volume((long) t[2]).openInterest(oi)
                            .tradingSymbol(symbol).build());
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(t -> t.exchangeTime)); // stable: each candle's ticks keep their order
        try (TickCsvWriter w = TickCsvWriter.open(ticks)) {
            w.writeAll(out);
        }
    }

    private static double number(Path file, int line, String[] f, Map<String, Integer> col, String field) {
        String v = f[col.get(field)].trim();
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ": field '" + field + "': '" + v + "' is not a number");
        }
    }

    private static long time(Path file, int line, String v) {
        try {
            return OffsetDateTime.parse(v.trim(), OFFSET_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ":" + line + ": field 'timestamp': '" + v + "' is not an ISO-8601 time with offset");
        }
    }
}
