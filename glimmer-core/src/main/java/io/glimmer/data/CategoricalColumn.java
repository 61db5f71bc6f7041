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

    /** Codes made here from valid codes: kept as they are (no copy, no check) on the n-long paths. */
    private CategoricalColumn(List<String> levels, String name, int[] ownCodes) {
        this.name = name;
        this.codes = ownCodes;
        this.levels = levels;
    }

    /** A column that keeps the codes it is given (valid codes made by the reader, used by no one else): no n-long copy. */
    static CategoricalColumn owning(String name, int[] codes, List<String> levels) {
        return new CategoricalColumn(List.copyOf(levels), name, codes);
    }

    /** Distinct level texts in the one order every categorical column uses (numeric when all are numbers, else code points). */
    public static List<String> sortedLevels(java.util.Set<String> distinct) {
        return Levels.sorted(distinct);
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

    /** The same codes and levels under another name, sharing the (immutable) codes: no n-long copy or check. */
    public CategoricalColumn withName(String newName) {
        return new CategoricalColumn(levels, newName, codes);
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

    @Override
    public CategoricalColumn subset(int[] rows) {
        int[] c = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = codes[rows[i]];
        }
        return new CategoricalColumn(levels, name, c);
    }

    /** The same values with only the levels that occur (in their order): R's droplevels. */
    public CategoricalColumn withoutUnusedLevels() {
        int[] remap = new int[levels.size()];
        java.util.Arrays.fill(remap, -1);
        for (int c : codes) {
            if (c >= 0) {
                remap[c] = 0;
            }
        }
        List<String> used = new java.util.ArrayList<>();
        for (int l = 0; l < remap.length; l++) {
            if (remap[l] == 0) {
                remap[l] = used.size();
                used.add(levels.get(l));
            }
        }
        if (used.size() == levels.size()) {
            return this; // every level occurs: the codes stay as they are
        }
        int[] c = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            c[i] = codes[i] < 0 ? -1 : remap[codes[i]];
        }
        return new CategoricalColumn(List.copyOf(used), name, c);
    }

    /** The first row (0-based) whose value is not a number, such as "high"; -1 when every value is a number or missing. */
    public int firstNonNumericRow() {
        boolean[] number = new boolean[levels.size()];
        for (int k = 0; k < number.length; k++) {
            number[k] = Cells.isNumber(levels.get(k));
        }
        for (int r = 0; r < codes.length; r++) {
            if (codes[r] >= 0 && !number[codes[r]]) {
                return r;
            }
        }
        return -1;
    }

    /**
     * Why this column cannot be used as numbers, for messages: the first value that is not a number
     * and its row, counted as the data file's rows (1-based, the header not counted).
     */
    public String whyNotNumeric() {
        int r = firstNonNumericRow();
        if (r < 0) {
            return "its values are numbers but it is read as categorical (named as a factor)";
        }
        String value = levels.get(codes[r]);
        boolean decimalComma = value.indexOf(',') >= 0 && Cells.isNumber(value.replace(',', '.'));
        return "row " + (r + 1) + " has '" + value + "', which is not a number"
                + (decimalComma ? " (write the decimal mark as a point)" : "");
    }
}
