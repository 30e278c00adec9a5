package com.tradesignal.instrument;

/**
 * A Kite instruments dump that cannot be read as one. The message is {@code <file>:<line>: field '<field>': <problem>}
 * so that a failed morning load points straight at the offending cell; the parts are also available separately.
 *
 * <p>It is an {@link IllegalArgumentException}: the argument (the file) is bad, retrying will not help.
 */
public final class InstrumentDumpException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    public InstrumentDumpException(String file, int line, String field, String problem) {
        super(file + ":" + line + ": field '" + field + "': " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** The file as it was passed to {@link InstrumentCatalog#load}. */
    public String file() {
        return file;
    }

    /** 1-based physical line; the header is line 1. For a record spanning lines, the line it starts on. */
    public int line() {
        return line;
    }

    /** The header name of the offending column ({@code #n} for a field beyond the header). */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
