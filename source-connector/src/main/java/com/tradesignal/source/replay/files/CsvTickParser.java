package com.tradesignal.source.replay.files;

import com.tradesignal.tick.Tick;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;

/**
 * The CSV tick format: a header row naming the columns (any order, unknown ones ignored), then one tick per row.
 *
 * <p>Cells are located by one scan over the bytes that records where each cell starts and ends; only the cells of
 * known columns are then parsed. The token column is located and checked against the filter first, so rows of other
 * instruments cost a partial scan. A cell may be quoted ({@code "NIFTY 50"}, with {@code ""} for a quote), but
 * cannot span lines: each line is one row.
 */
final class CsvTickParser extends TickLineParser {
    private static final byte PLAIN = 0;
    private static final byte QUOTED = 1;
    private static final byte QUOTED_WITH_ESCAPES = 2;

    private final int columns;
    private final int[] roleOfColumn;
    private final String[] nameOfColumn;
    private final int tokenColumn;
    private final boolean[] requiredColumn;

    private final int[] cellStart;
    private final int[] cellEnd;
    private final byte[] cellKind;
    private int cells;
    private int scanPos;
    private int lineEnd;
    private boolean moreCells;
    private int badCell;
    private String badCellProblem;

    private CsvTickParser(String file, LongPredicate tokenFilter, String[] names, int[] roles) {
        super(file, tokenFilter);
        this.columns = names.length;
        this.nameOfColumn = names;
        this.roleOfColumn = roles;
        this.requiredColumn = new boolean[columns];
        int token = -1;
        for (int c = 0; c < columns; c++) {
            if (roles[c] == TOKEN) token = c;
            requiredColumn[c] = roles[c] >= 0 && required(roles[c]);
        }
        this.tokenColumn = token;
        this.cellStart = new int[columns];
        this.cellEnd = new int[columns];
        this.cellKind = new byte[columns];
    }

    /**
     * Reads the header row. Always throws on a bad header, whatever the bad-line policy: without the header no row
     * of the file can be read.
     */
    static CsvTickParser fromHeader(String file, long line, byte[] b, int s, int e, LongPredicate tokenFilter) {
        List<String> cells = splitHeader(file, line, b, s, e);
        String[] names = new String[cells.size()];
        int[] roles = new int[cells.size()];
        int[] columnOfRole = new int[ROLES];
        int[] rankOfRole = new int[ROLES];
        Arrays.fill(columnOfRole, -1);
        for (int c = 0; c < names.length; c++) {
            String name = cells.get(c).strip();
            names[c] = name;
            roles[c] = -1;
            Integer roleAndRank = ROLE_AND_RANK.get(name.toLowerCase(Locale.ROOT));
            if (roleAndRank == null) {
                continue;
            }
            int role = roleAndRank >> 2;
            int rank = roleAndRank & 3;
            int other = columnOfRole[role];
            if (other >= 0 && rankOfRole[role] == rank) {
                throw new TickFormatException(file, line, name, "the header has this column twice");
            }
            if (other < 0 || rank < rankOfRole[role]) {
                if (other >= 0) roles[other] = -1;
                columnOfRole[role] = c;
                rankOfRole[role] = rank;
                roles[c] = role;
            }
        }
        for (int role : new int[] {TOKEN, TIME, PRICE}) {
            if (columnOfRole[role] < 0) {
                String problem = "required column is missing from the header"
                        + (role == TIME ? " (exchange_timestamp is also accepted)" : "");
                throw new TickFormatException(file, line, NAMES[role][0], problem);
            }
        }
        return new CsvTickParser(file, tokenFilter, names, roles);
    }

    private static List<String> splitHeader(String file, long line, byte[] b, int s, int e) {
        List<String> out = new ArrayList<>();
        int p = s;
        while (true) {
            int t = p;
            while (t < e && (b[t] == ' ' || b[t] == '\t')) t++;
            if (t < e && b[t] == '"') {
                StringBuilder sb = new StringBuilder();
                int i = t + 1;
                int from = i;
                while (true) {
                    if (i >= e) {
                        throw new TickFormatException(file, line, null, "unterminated quoted column name in the header");
                    }
                    if (b[i] == '"') {
                        if (i + 1 < e && b[i + 1] == '"') {
                            sb.append(text(b, from, i + 1));
                            i += 2;
                            from = i;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                sb.append(text(b, from, i));
                out.add(sb.toString());
                p = i + 1;
                while (p < e && b[p] != ',') p++;
            } else {
                int i = p;
                while (i < e && b[i] != ',') i++;
                out.add(text(b, p, i));
                p = i;
            }
            if (p >= e) {
                return out;
            }
            p++;
        }
    }

    @Override
    Tick parse(byte[] b, int s, int e, long line) {
        this.line = line;
        scanPos = s;
        lineEnd = e;
        cells = 0;
        moreCells = true;
        badCell = -1;

        scan(b, tokenColumn + 1);
        if (cells <= tokenColumn) {
            throw rowShapeError(b);
        }
        int status = numbers.parseLong(b, cellStart[tokenColumn], cellEnd[tokenColumn]);
        if (status != FieldParser.OK) {
            throw fail(nameOfColumn[tokenColumn], describe(status, cellText(b, tokenColumn)));
        }
        long token = numbers.longValue;
        if (!accepts(token)) {
            return null;
        }
        scan(b, Integer.MAX_VALUE);
        if (badCell >= 0 || cells != columns) {
            throw rowShapeError(b);
        }

        clear();
        longs[TOKEN] = token;
        for (int c = 0; c < columns; c++) {
            int role = roleOfColumn[c];
            if (role < 0 || role == TOKEN) {
                continue;
            }
            int cs = cellStart[c];
            int ce = cellEnd[c];
            if (role == SYMBOL) {
                if (cellKind[c] == PLAIN) {
                    while (cs < ce && (b[cs] == ' ' || b[cs] == '\t')) cs++;
                    while (ce > cs && (b[ce - 1] == ' ' || b[ce - 1] == '\t')) ce--;
                }
                symbol = cellKind[c] == QUOTED_WITH_ESCAPES ? cellText(b, c) : symbols.get(b, cs, ce);
                continue;
            }
            status = store(role, b, cs, ce);
            if (status != FieldParser.OK && (status != FieldParser.EMPTY || requiredColumn[c])) {
                throw fail(nameOfColumn[c], describe(status, cellText(b, c)));
            }
        }
        return build();
    }

    private TickFormatException rowShapeError(byte[] b) {
        if (badCell < 0) {
            scan(b, Integer.MAX_VALUE); // count the rest for the message
        }
        if (badCell >= 0) {
            return fail(badCell < columns ? nameOfColumn[badCell] : null, badCellProblem);
        }
        return fail(null, "row has " + cells + (cells == 1 ? " cell" : " cells") + " but the header has " + columns);
    }

    /** Finds cell boundaries until {@code upTo} cells are known or the line ends; resumable. */
    private void scan(byte[] b, int upTo) {
        final int end = lineEnd;
        while (moreCells && cells < upTo) {
            int p = scanPos;
            int t = p;
            while (t < end && (b[t] == ' ' || b[t] == '\t')) t++;
            int cs;
            int ce;
            byte kind = PLAIN;
            if (t < end && b[t] == '"') {
                int i = t + 1;
                kind = QUOTED;
                while (true) {
                    if (i >= end) {
                        badCell(cells, "unterminated quoted value (a quoted value cannot span lines)");
                        return;
                    }
                    if (b[i] == '"') {
                        if (i + 1 < end && b[i + 1] == '"') {
                            kind = QUOTED_WITH_ESCAPES;
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                cs = t + 1;
                ce = i;
                i++;
                while (i < end && (b[i] == ' ' || b[i] == '\t')) i++;
                if (i < end && b[i] != ',') {
                    badCell(cells, "unexpected text after the closing quote");
                    return;
                }
                p = i;
            } else {
                int i = p;
                while (i < end && b[i] != ',') i++;
                cs = p;
                ce = i;
                p = i;
            }
            if (cells < columns) {
                cellStart[cells] = cs;
                cellEnd[cells] = ce;
                cellKind[cells] = kind;
            }
            cells++;
            if (p < end) {
                scanPos = p + 1; // past the comma
            } else {
                moreCells = false;
            }
        }
    }

    private void badCell(int cell, String problem) {
        badCell = cell;
        badCellProblem = problem;
        moreCells = false;
    }

    /** The cell's text for an error message, unescaped. */
    private String cellText(byte[] b, int c) {
        String raw = text(b, cellStart[c], cellEnd[c]);
        return cellKind[c] == QUOTED_WITH_ESCAPES ? raw.replace("\"\"", "\"") : raw;
    }
}
