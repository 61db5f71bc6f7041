package io.glimmer.data;

import io.glimmer.error.InputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable table of equally long named columns. */
public final class DataFrame {
    private final String source;
    private final Map<String, Column> columns;
    private final int rows;

    private DataFrame(String source, Map<String, Column> columns, int rows) {
        this.source = source;
        this.columns = Collections.unmodifiableMap(columns);
        this.rows = rows;
    }

    /**
     * A frame from columns of equal length.
     *
     * @param source where the data came from (a file name), used in error messages
     */
    public static DataFrame of(String source, List<? extends Column> columns) {
        Map<String, Column> map = new LinkedHashMap<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new InputException(source + ": column '" + c.name() + "' has " + c.size() + " values, expected " + rows);
            }
            if (map.put(c.name(), c) != null) {
                throw new InputException(source + ": duplicated column name '" + c.name() + "'");
            }
        }
        return new DataFrame(source, map, rows);
    }

    public String source() {
        return source;
    }

    public int rows() {
        return rows;
    }

    public List<String> names() {
        return new ArrayList<>(columns.keySet());
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /** The named column; an {@link InputException} naming the known columns when there is none. */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new InputException(source + ": no column '" + name + "' (columns: " + String.join(", ", columns.keySet()) + ")");
        }
        return c;
    }

    /** The given rows of every column, in that order (levels kept). */
    public DataFrame subset(int[] rows) {
        List<Column> subset = new ArrayList<>();
        for (Column c : columns.values()) {
            subset.add(c.subset(rows));
        }
        return of(source, subset);
    }

    /** The rows (0-based, in order) where none of the named columns is missing. */
    public int[] completeRows(List<String> names) {
        List<Column> checked = new ArrayList<>();
        for (String name : names) {
            checked.add(column(name));
        }
        int[] keep = new int[rows];
        int kept = 0;
        for (int r = 0; r < rows; r++) {
            boolean complete = true;
            for (Column c : checked) {
                complete &= !c.isMissing(r);
            }
            if (complete) {
                keep[kept++] = r;
            }
        }
        return java.util.Arrays.copyOf(keep, kept);
    }
}
