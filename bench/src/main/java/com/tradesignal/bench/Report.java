package com.tradesignal.bench;

import java.util.ArrayList;
import java.util.List;

/** The Markdown report the parts write into: sections of paragraphs and tables, in the order they are added. */
public final class Report {
    private final List<Section> sections = new ArrayList<>();
    private final StringBuilder preamble = new StringBuilder();
    private String currentPart = "";

    /** Sections added from now on belong to this part (each carries a marker, so a later partial run can replace them). */
    public void startPart(String name, String measuredNote) {
        currentPart = name;
        partNotes.put(name, measuredNote);
    }

    private final java.util.Map<String, String> partNotes = new java.util.HashMap<>();

    /**
     * The report with the sections of parts not run this time kept from {@code previous} (an earlier report with
     * part markers), each in its old place; this run's parts replace their old sections.
     */
    public String mergedWith(String previous, java.util.Set<String> partsRun) {
        StringBuilder md = new StringBuilder(preamble);
        appendSections(md, ""); // this run's machine description
        String[] chunks = previous.split("\n(?=## )");
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (String chunk : chunks) {
            java.util.regex.Matcher m = MARKER.matcher(chunk);
            if (!chunk.startsWith("## ") || !m.find()) continue; // the old preamble and machine are rewritten
            String part = m.group(1);
            if (!partsRun.contains(part)) {
                md.append(chunk.stripTrailing()).append("\n\n");
            } else if (placed.add(part)) {
                appendSections(md, part);
            }
        }
        for (String part : partsRun) {
            if (placed.add(part)) appendSections(md, part);
        }
        return md.toString();
    }

    private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("<!-- part: (\\w+) -->");

    private void appendSections(StringBuilder md, String part) {
        for (Section s : sections) {
            if (s.part.equals(part)) s.appendTo(md);
        }
    }

    public Report preamble(String markdown) {
        preamble.append(markdown).append("\n\n");
        return this;
    }

    public Section section(String title) {
        Section s = new Section(title, currentPart, partNotes.getOrDefault(currentPart, ""));
        sections.add(s);
        return s;
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder(preamble);
        for (Section s : sections) {
            s.appendTo(md);
        }
        return md.toString();
    }

    /** One titled part of the report. */
    public static final class Section {
        private final String title;
        private final String part;
        private final String measured;
        private final StringBuilder body = new StringBuilder();

        private Section(String title, String part, String measured) {
            this.title = title;
            this.part = part;
            this.measured = measured;
        }

        private void appendTo(StringBuilder md) {
            md.append("## ").append(title).append("\n\n");
            if (!part.isEmpty()) {
                md.append("<!-- part: ").append(part).append(" -->\n");
                if (!measured.isEmpty()) md.append("*").append(measured).append("*\n");
                md.append("\n");
            }
            md.append(body);
        }

        public Section paragraph(String markdown) {
            body.append(markdown.strip()).append("\n\n");
            return this;
        }

        public Section subheading(String title) {
            body.append("### ").append(title).append("\n\n");
            return this;
        }

        /** A table; numbers should already be formatted (see {@link Fmt}). */
        public Section table(List<String> headers, List<List<String>> rows) {
            body.append('|');
            for (String h : headers) body.append(' ').append(h).append(" |");
            body.append("\n|");
            for (int i = 0; i < headers.size(); i++) body.append(i == 0 ? "---|" : "---:|");
            body.append('\n');
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells for " + headers.size() + " headers: " + row);
                }
                body.append('|');
                for (String cell : row) body.append(' ').append(cell).append(" |");
                body.append('\n');
            }
            body.append('\n');
            return this;
        }

        public Section code(String text) {
            body.append("```\n").append(text.strip()).append("\n```\n\n");
            return this;
        }
    }
}
