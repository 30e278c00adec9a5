package com.tradesignal.source.replay.files;

import java.io.Closeable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so the caller knows the exact byte offset after every line
 * (what a plain-file checkpoint seeks to) and can parse numbers straight from the bytes. {@code BufferedReader}
 * can do neither.
 *
 * <p>Lines end at {@code \n}; a preceding {@code \r} is dropped, and a last line without a terminator still counts.
 * The current line is {@code buf[lineStart, lineEnd)} and stays valid until the next call. A UTF-8 byte order mark
 * at the very start of the file is dropped from the first line (spreadsheet exports write one).
 */
final class LineReader implements Closeable {
    static final int MAX_LINE_BYTES = 16 << 20;
    private static final int BUFFER_BYTES = 64 << 10;

    private final String file;
    private InputStream in;
    byte[] buf = new byte[BUFFER_BYTES];
    int lineStart;
    int lineEnd;
    private int pos;
    private int limit;
    /** File offset of buf[0]. */
    private long base;
    private long lineNumber;
    private boolean eof;
    private boolean atFileStart;

    LineReader(String file, InputStream in, long startOffset, long startLine) {
        this.file = file;
        reset(in, startOffset, startLine);
    }

    /** Continues from another position of the same file, e.g. after seeking the underlying channel. */
    void reset(InputStream in, long offset, long line) {
        this.in = in;
        this.base = offset;
        this.lineNumber = line;
        this.pos = 0;
        this.limit = 0;
        this.eof = false;
        this.atFileStart = offset == 0;
    }

    String fileName() {
        return file;
    }

    /** Offset of the first unread byte: just after the last line returned. */
    long offset() {
        return base + pos;
    }

    /** Lines returned so far (plus the start line): the 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int scan = pos;
        while (true) {
            int i = indexOfNewline(buf, scan, limit);
            if (i >= 0) {
                setLine(pos, i);
                pos = i + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            scan = limit;
            if (pos > 0) {
                // Keep only the unfinished line, at the start of the buffer.
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                scan -= pos;
                base += pos;
                pos = 0;
            }
            if (limit == buf.length) {
                if (buf.length >= MAX_LINE_BYTES) {
                    throw new TickFormatException(file, lineNumber + 1, null,
                            "line is longer than " + (MAX_LINE_BYTES >> 20) + " MiB; is this a tick file?");
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    /**
     * The first {@code \n} in {@code b[from, to)}, or -1. Eight bytes per step (the classic "has a zero byte" test on
     * the bytes XOR newline): every reader scans every line of the files, its own instruments' or not, so this
     * loop is a large share of a replay's cost.
     */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void setLine(int start, int end) {
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        if (atFileStart) {
            atFileStart = false;
            if (end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB
                    && buf[start + 2] == (byte) 0xBF) {
                start += 3;
            }
        }
        lineStart = start;
        lineEnd = end;
        lineNumber++;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
