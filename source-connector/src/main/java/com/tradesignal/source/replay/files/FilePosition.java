package com.tradesignal.source.replay.files;

/**
 * Where reading of one tick file resumes: the position of the next unread line.
 *
 * <p>Both numbers are kept because they serve different file kinds: a plain file is resumed by seeking straight to
 * {@code byteOffset}, while a gzip file cannot seek and is resumed by re-reading and skipping {@code lineNumber}
 * lines (its {@code byteOffset} is then the offset in the <em>uncompressed</em> text, kept only as a consistency
 * check). {@code lineNumber} counts the lines consumed so far, the CSV header included, so it is also the 1-based
 * number of the last line consumed, which is what error messages cite.
 *
 * @param byteOffset offset of the first unread byte (uncompressed for gzip files)
 * @param lineNumber lines consumed so far, header included
 */
public record FilePosition(long byteOffset, long lineNumber) {
    /** The start of a file: nothing read yet. */
    public static final FilePosition START = new FilePosition(0, 0);

    public FilePosition {
        if (byteOffset < 0 || lineNumber < 0) {
            throw new IllegalArgumentException("negative file position: " + byteOffset + "/" + lineNumber);
        }
    }
}
