package com.tradesignal.bench;

import java.util.ArrayList;
import java.util.List;

/** The Markdown report the parts write into: sections of paragraphs and tables, in the order they are added. */
public final class Report {
    private final List<Section> sections = new ArrayList<>();
    private final StringBuilder preamble = new StringBuilder();

    public Report preamble(String markdown) {
        preamble.append(markdown).append("\n\n");
        return this;
    }

    public Section section(String title) {
        Section s = new Section(title);
        sections.add(s);
        return s;
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder(preamble);
        for (Section s : sections) {
            md.append("## ").append(s.title).append("\n\n").append(s.body);
        }
        return md.toString();
    }

    /** One titled part of the report. */
    public static final class Section {
        private final String title;
        private final StringBuilder body = new StringBuilder();

        private Section(String title) {
            this.title = title;
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
