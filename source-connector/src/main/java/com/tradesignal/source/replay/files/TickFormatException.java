package com.tradesignal.source.replay.files;

/**
 * A malformed line (or CSV header) in a tick file. The message always reads
 * {@code <file>:<line>: field '<field>': <problem>}, or {@code <file>:<line>: <problem>} when no single field is to
 * blame, so a user can jump straight to the spot in an editor.
 *
 * <p>No stack trace is recorded: the message says everything, and with {@link BadLinePolicy#SKIP} a dirty file
 * can produce millions of these, where filling in stack traces would dominate the reading cost.
 */
public class TickFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String field;
    private final String problem;

    /**
     * @param file    the path as the user gave it ({@code Path.toString()})
     * @param line    1-based line number
     * @param field   the field (column or JSON key) to blame, or null if the line as a whole is bad
     * @param problem what is wrong, e.g. {@code 'abc' is not a number}
     */
    public TickFormatException(String file, long line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    public TickFormatException(String file, long line, String field, String problem, Throwable cause) {
        super(format(file, line, field, problem), cause, true, false);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String file, long line, String field, String problem) {
        return field == null ? file + ":" + line + ": " + problem
                : file + ":" + line + ": field '" + field + "': " + problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }

    /** The field to blame, or null when the whole line is bad (invalid JSON, wrong cell count). */
    public String field() {
        return field;
    }

    /** The message without the file, line and field prefix. */
    public String problem() {
        return problem;
    }
}
