package io.glimmer.data;

import java.util.List;

/**
 * A categorical column: integer codes into a sorted list of levels (the first level is the
 * reference level of treatment contrasts). Code -1 marks a missing value.
 */
public final class CategoricalColumn implements Column {
    private final String name;
    private final int[] codes;
    private final List<String> levels;

    public CategoricalColumn(String name, int[] codes, List<String> levels) {
        this.name = name;
        this.codes = codes.clone();
        this.levels = List.copyOf(levels);
        for (int c : this.codes) {
            if (c < -1 || c >= this.levels.size()) {
                throw new IllegalArgumentException("code " + c + " out of range for column " + name);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return codes.length;
    }

    /** The level code of a row, or -1 when missing. */
    public int code(int row) {
        return codes[row];
    }

    /** A copy of the codes. */
    public int[] codes() {
        return codes.clone();
    }

    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    /** The level of a row, or null when missing. */
    public String level(int row) {
        int c = codes[row];
        return c < 0 ? null : levels.get(c);
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] < 0;
    }
}
