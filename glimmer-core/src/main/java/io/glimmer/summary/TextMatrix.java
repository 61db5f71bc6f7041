package io.glimmer.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of strings printed as R prints a character matrix with {@code quote = FALSE}: row names
 * left-justified, each column as wide as its header and its widest cell, one space before each
 * column, cells (and headers) right- or left-justified.
 */
public final class TextMatrix {
    private final List<String> headers;
    private final List<String> rowNames = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final boolean right;

    /** A matrix with these column headers, cells right-justified ({@code right}) or left-justified. */
    public TextMatrix(List<String> headers, boolean right) {
        this.headers = List.copyOf(headers);
        this.right = right;
    }

    /** Adds a row: its name and one cell per header. */
    public TextMatrix row(String name, String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rowNames.add(name);
        rows.add(cells.clone());
        return this;
    }

    /** The printed lines. */
    public List<String> lines() {
        int nameWidth = 0;
        for (String n : rowNames) {
            nameWidth = Math.max(nameWidth, n.length());
        }
        int[] widths = new int[headers.size()];
        for (int j = 0; j < widths.length; j++) {
            widths[j] = headers.get(j).length();
            for (String[] r : rows) {
                widths[j] = Math.max(widths[j], r[j].length());
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder(" ".repeat(nameWidth));
        for (int j = 0; j < widths.length; j++) {
            head.append(' ').append(justify(headers.get(j), widths[j], right));
        }
        out.add(head.toString());
        for (int i = 0; i < rows.size(); i++) {
            StringBuilder line = new StringBuilder(justify(rowNames.get(i), nameWidth, false));
            for (int j = 0; j < widths.length; j++) {
                line.append(' ').append(justify(rows.get(i)[j], widths[j], right));
            }
            out.add(line.toString());
        }
        return out;
    }

    /**
     * A named vector as R prints it: every entry right-justified to one common width and followed by
     * a space, names above values, wrapped to lines of at most {@code width} characters.
     */
    static List<String> namedVector(List<String> names, List<String> values, int width) {
        int w = 0;
        for (int i = 0; i < names.size(); i++) {
            w = Math.max(w, Math.max(names.get(i).length(), values.get(i).length()));
        }
        int perLine = Math.max(1, width / (w + 1));
        List<String> out = new ArrayList<>();
        for (int start = 0; start < names.size(); start += perLine) {
            StringBuilder n = new StringBuilder();
            StringBuilder v = new StringBuilder();
            for (int i = start; i < Math.min(names.size(), start + perLine); i++) {
                n.append(justify(names.get(i), w, true)).append(' ');
                v.append(justify(values.get(i), w, true)).append(' ');
            }
            out.add(n.toString());
            out.add(v.toString());
        }
        return out;
    }

    /** The string padded with spaces to {@code width}, on the left ({@code right}) or on the right. */
    public static String justify(String s, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - s.length()));
        return right ? padding + s : s + padding;
    }
}
