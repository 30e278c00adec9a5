package com.tradesignal.source.replay.files;

import com.tradesignal.tick.Tick;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.LongPredicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads the ticks of one recorded tick file (CSV or JSON Lines, plain or gzip; see {@link TickFiles} for the
 * formats), starting from a {@link FilePosition} so a checkpointed replay resumes where it stopped.
 *
 * <p>A plain file is resumed by seeking straight to the position's byte offset (after reading the CSV header from
 * the start); a gzip file cannot seek, so it is re-read from the start and the position's number of lines skipped.
 * Lines are split on raw bytes by our own reader, because a checkpoint needs the exact byte offset after each line.
 *
 * <p>Blank lines are skipped silently; malformed lines throw {@link TickFormatException} or are reported to the
 * listener and skipped, as the {@link BadLinePolicy} says. A bad CSV header throws from {@link #open} whatever the
 * policy. Not thread-safe: one reader per thread (the Flink fetcher thread).
 */
public final class TickFileReader implements Closeable {
    private static final int GZIP_BUFFER_BYTES = 64 << 10;
    private static final int TAIL_BYTES = 64 << 10;

    private final Path path;
    private final String file;
    private final LineReader lines;
    /** Null for an empty CSV file (no header): it has no ticks. */
    private final TickLineParser parser;
    private final BadLinePolicy policy;
    private final BadLineListener listener;
    /** The open channel of a plain file; null for gzip. */
    private final FileChannel channel;
    /** Offset just after the CSV header (0 for JSON Lines). */
    private final long dataStart;

    private TickFileReader(Path path, LineReader lines, TickLineParser parser, BadLinePolicy policy,
                           BadLineListener listener, FileChannel channel, long dataStart) {
        this.path = path;
        this.file = path.toString();
        this.lines = lines;
        this.parser = parser;
        this.policy = policy;
        this.listener = listener;
        this.channel = channel;
        this.dataStart = dataStart;
    }

    /**
     * Opens {@code file} and positions it at {@code from}.
     *
     * @param from        where to resume; {@link FilePosition#START} (or null) for the beginning
     * @param listener    told about skipped lines under {@link BadLinePolicy#SKIP}; may be null
     * @param tokenFilter which instrument tokens to return; null for all. Lines of other tokens are skipped after
     *                    reading just the token, and are not validated further
     * @throws IllegalArgumentException if the name is not a recognised tick file, or {@code from} does not fit the
     *                                  file (it changed since the position was taken)
     * @throws TickFormatException      if the CSV header is malformed
     */
    public static TickFileReader open(Path file, FilePosition from, BadLinePolicy policy, BadLineListener listener,
                                      LongPredicate tokenFilter) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(policy, "policy");
        boolean csv = TickFiles.isCsv(file);
        boolean gzip = TickFiles.isGzip(file);
        FilePosition start = from == null ? FilePosition.START : from;
        BadLineListener l = listener == null ? BadLineListener.IGNORE : listener;
        String name = file.toString();
        if (gzip) {
            InputStream raw = Files.newInputStream(file);
            InputStream in;
            try {
                in = new GZIPInputStream(raw, GZIP_BUFFER_BYTES);
            } catch (IOException | RuntimeException e) {
                closeQuietly(raw, e);
                throw e;
            }
            LineReader lines = new LineReader(name, in, 0, 0);
            try {
                TickLineParser parser = csv ? readHeader(lines, tokenFilter) : new JsonTickParser(name, tokenFilter);
                long dataStart = lines.offset();
                while (lines.lineNumber() < start.lineNumber() && lines.next()) {
                    // skip what was read before
                }
                if (start.byteOffset() > 0 && lines.offset() != start.byteOffset()) {
                    throw new IllegalArgumentException(name + ": cannot resume at line " + start.lineNumber()
                            + ", uncompressed offset " + start.byteOffset() + ": the file has changed");
                }
                return new TickFileReader(file, lines, parser, policy, l, null, dataStart);
            } catch (IOException | RuntimeException e) {
                closeQuietly(lines, e);
                throw e;
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            InputStream in = Channels.newInputStream(channel); // unbuffered: follows channel.position()
            LineReader lines = new LineReader(name, in, 0, 0);
            TickLineParser parser = csv ? readHeader(lines, tokenFilter) : new JsonTickParser(name, tokenFilter);
            long dataStart = lines.offset();
            long offset = start.byteOffset();
            if (offset > 0 && offset != dataStart) {
                long size = channel.size();
                if (offset < dataStart || offset > size || parser == null || !atLineStart(channel, offset, size)) {
                    throw new IllegalArgumentException(name + ": cannot resume at byte " + offset + " (line "
                            + start.lineNumber() + "): not the start of a data line; has the file changed?");
                }
                channel.position(offset);
                lines.reset(in, offset, start.lineNumber());
            }
            return new TickFileReader(file, lines, parser, policy, l, channel, dataStart);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static TickLineParser readHeader(LineReader lines, LongPredicate tokenFilter) throws IOException {
        while (lines.next()) {
            if (!blank(lines.buf, lines.lineStart, lines.lineEnd)) {
                return CsvTickParser.fromHeader(lines.fileName(), lines.lineNumber(), lines.buf, lines.lineStart,
                        lines.lineEnd, tokenFilter);
            }
        }
        return null;
    }

    private static boolean atLineStart(FileChannel channel, long offset, long size) throws IOException {
        if (offset == size) {
            return true; // the end, possibly after a last line without a newline
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        return channel.read(one, offset - 1) == 1 && one.get(0) == '\n';
    }

    static boolean blank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * The next good tick whose token passes the filter, or null at the end of the file.
     *
     * @throws TickFormatException under {@link BadLinePolicy#FAIL}, at the first malformed line; and whatever the
     *                             policy, at a line over 16 MiB (not a tick file: it cannot be skipped cheaply)
     */
    public Tick next() throws IOException {
        if (parser == null) {
            return null;
        }
        LineReader in = lines;
        while (in.next()) {
            byte[] b = in.buf;
            int s = in.lineStart;
            int e = in.lineEnd;
            if (blank(b, s, e)) {
                continue;
            }
            try {
                Tick tick = parser.parse(b, s, e, in.lineNumber());
                if (tick != null) {
                    return tick;
                }
            } catch (TickFormatException problem) {
                if (policy == BadLinePolicy.FAIL) {
                    throw problem;
                }
                listener.skipped(problem);
            }
        }
        return null;
    }

    /** The position just after the last line consumed: where a reader opened from it would continue. */
    public FilePosition position() {
        return new FilePosition(lines.offset(), lines.lineNumber());
    }

    long byteOffsetAfter() {
        return lines.offset();
    }

    long lineAfter() {
        return lines.lineNumber();
    }

    public Path file() {
        return path;
    }

    /**
     * Best effort: the timestamp of the file's last parseable line, or null. A plain file is read only in its last
     * 64 KiB; a gzip file is read through (only the last non-blank line is parsed). Consumes this reader.
     */
    Long lastTime() throws IOException {
        if (parser == null) {
            return null;
        }
        if (channel != null) {
            long size = channel.size();
            long from = Math.max(dataStart, size - TAIL_BYTES);
            if (from >= size) {
                return null;
            }
            byte[] tail = new byte[(int) (size - from)];
            ByteBuffer buf = ByteBuffer.wrap(tail);
            while (buf.hasRemaining() && channel.read(buf, from + buf.position()) > 0) {
                // fill
            }
            int end = buf.position();
            int first = 0;
            if (from > dataStart && !atLineStart(channel, from, size)) {
                while (first < end && tail[first] != '\n') first++; // a partial line
                first++;
            }
            int lineEnd = end;
            for (int i = end - 1; i >= first - 1; i--) {
                if (i < first || tail[i] == '\n') {
                    Long t = timeOf(tail, i + 1, lineEnd);
                    if (t != null) return t;
                    lineEnd = i;
                }
            }
            return null;
        }
        byte[] last = new byte[256];
        int lastLength = -1;
        while (lines.next()) {
            int n = lines.lineEnd - lines.lineStart;
            if (!blank(lines.buf, lines.lineStart, lines.lineEnd)) {
                if (last.length < n) last = new byte[n * 2];
                System.arraycopy(lines.buf, lines.lineStart, last, 0, n);
                lastLength = n;
            }
        }
        return lastLength < 0 ? null : timeOf(last, 0, lastLength);
    }

    private Long timeOf(byte[] b, int s, int e) {
        if (e > s && b[e - 1] == '\r') e--;
        if (blank(b, s, e)) return null;
        try {
            Tick t = parser.parse(b, s, e, 0);
            return t == null ? null : t.exchangeTime;
        } catch (TickFormatException ignored) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private static void closeQuietly(Closeable c, Throwable failure) {
        try {
            c.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
