package com.tradesignal.source.replay.files;

import com.tradesignal.tick.Tick;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recorded tick files: which paths are tick files, expanding user-given paths into the list to read, and a quick
 * estimate of the time span they cover.
 *
 * <h2>Formats</h2>
 * Both formats use the field names of Kite's tick JSON. Required: {@code instrument_token}, {@code timestamp}
 * (also accepted: {@code exchange_timestamp}) and {@code last_price}. Optional: {@code tradingsymbol},
 * {@code last_quantity}, {@code average_price}, {@code volume} (cumulative for the day), {@code buy_quantity},
 * {@code sell_quantity}, {@code oi}, {@code last_trade_time}, and the day OHLC as {@code open}, {@code high},
 * {@code low}, {@code close} (or {@code ohlc.open}, ...). pykiteconnect's names ({@code last_traded_quantity},
 * {@code average_traded_price}, {@code volume_traded}, {@code total_buy_quantity}, {@code total_sell_quantity})
 * are accepted too. Anything else is ignored; an absent or empty optional value is absent in the tick.
 * <ul>
 *   <li>{@code *.csv}: a header row naming the columns, in any order; one tick per row; cells may be quoted
 *       ({@code "NIFTY 50"}, {@code ""} for a quote) but a row is always one line.</li>
 *   <li>{@code *.jsonl}, {@code *.ndjson}: one JSON object per line; numbers as JSON numbers or numeric strings;
 *       day OHLC flat or nested as Kite sends it ({@code "ohlc":{"open":..}}).</li>
 *   <li>Any of these may be gzipped ({@code .gz} suffix). Blank lines are skipped.</li>
 * </ul>
 *
 * <h2>Timestamps</h2>
 * ISO-8601 with an offset ({@code 2022-12-01T09:15:03+05:30}, {@code 2022-12-01T03:45:03Z}, Kite's
 * {@code 2017-12-15T09:15:00+0530}; fractional seconds allowed); a timestamp <em>without</em> an offset
 * ({@code 2022-12-01 09:15:03} or {@code 2022-12-01T09:15:03}) is taken as IST, because that is how Kite's own
 * clients print the exchange's times; or an integer epoch: below 100,000,000,000 it is seconds, otherwise
 * milliseconds.
 */
public final class TickFiles {
    private TickFiles() {}

    /** Whether the name is a recognised tick file: {@code *.csv}, {@code *.jsonl}, {@code *.ndjson}, each optionally {@code .gz}. */
    public static boolean isTickFile(Path file) {
        return kind(file) != null;
    }

    static boolean isGzip(Path file) {
        return lowerName(file).endsWith(".gz");
    }

    /** @throws IllegalArgumentException if the name is not a recognised tick file */
    static boolean isCsv(Path file) {
        String kind = kind(file);
        if (kind == null) {
            throw notATickFile(file);
        }
        return kind.equals("csv");
    }

    private static String kind(Path file) {
        String name = lowerName(file);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) return "csv";
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
        return null;
    }

    private static String lowerName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException notATickFile(Path file) {
        return new IllegalArgumentException("not a tick file (expected .csv, .jsonl or .ndjson, optionally .gz): "
                + file);
    }

    /**
     * The files to read, in order: each path given in turn; a directory contributes its tick files, recursively,
     * sorted by path, skipping hidden files and directories (names starting with a dot) and files of other types;
     * a file given explicitly must be a tick file. A file reached twice is read once, at its first place.
     *
     * @throws IllegalArgumentException if a path does not exist, a file given explicitly is not a tick file, or no
     *                                  tick file is found at all
     * @throws UncheckedIOException     if a directory cannot be listed
     */
    public static List<Path> expand(List<Path> paths) {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("no tick files or directories given");
        }
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("no such file or directory: " + p);
            }
            if (Files.isDirectory(p)) {
                for (Path f : listDirectory(p)) {
                    if (seen.add(identity(f))) files.add(f);
                }
            } else {
                if (!isTickFile(p)) {
                    throw notATickFile(p);
                }
                if (seen.add(identity(p))) files.add(p);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no tick files (*.csv, *.jsonl, *.ndjson, optionally .gz) found in "
                    + paths);
        }
        return Collections.unmodifiableList(files);
    }

    private static List<Path> listDirectory(Path dir) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            return !d.equals(dir) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && !hidden(f) && isTickFile(f)) {
                                found.add(f);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                            if (e instanceof FileSystemLoopException) {
                                return FileVisitResult.CONTINUE;
                            }
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        Collections.sort(found);
        return found;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static Path identity(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * Best effort, for progress display: the earliest and latest tick time over the tick files at {@code paths}
     * (expanded as by {@link #expand}), from each file's first good tick and last line; a plain file's end is found
     * by reading only its last 64 KiB, a gzip file is read through. Unreadable files are left out; a bound is null
     * when no file gave one.
     *
     * @throws IllegalArgumentException as {@link #expand} does
     */
    public static TimeSpan timeSpan(List<Path> paths) {
        Long earliest = null;
        Long latest = null;
        for (Path f : expand(paths)) {
            Long first = null;
            Long last = null;
            try (TickFileReader reader = TickFileReader.open(f, FilePosition.START, BadLinePolicy.SKIP, null, null)) {
                Tick tick = reader.next();
                first = tick == null ? null : tick.exchangeTime;
                last = reader.lastTime();
            } catch (IOException | RuntimeException unreadable) {
                // best effort: keep what was found
            }
            for (Long t : new Long[] {first, last}) {
                if (t != null) {
                    earliest = earliest == null ? t : Math.min(earliest, t);
                    latest = latest == null ? t : Math.max(latest, t);
                }
            }
        }
        return new TimeSpan(earliest, latest);
    }
}
