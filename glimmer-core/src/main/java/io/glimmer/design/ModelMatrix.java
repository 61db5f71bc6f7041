package io.glimmer.design;

import java.util.List;

/**
 * Columns of a model matrix with their names, stored n × p row-major.
 */
public final class ModelMatrix {
    private final List<String> names;
    private final double[] values;
    private final int rows;

    public ModelMatrix(List<String> names, double[] values, int rows) {
        if (values.length != (long) rows * names.size()) {
            throw new IllegalArgumentException("expected " + rows * names.size() + " values, got " + values.length);
        }
        this.names = List.copyOf(names);
        this.values = values;
        this.rows = rows;
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return names.size();
    }

    public double get(int row, int col) {
        return values[row * names.size() + col];
    }

    /** The row-major values (not copied: callers must not modify them). */
    public double[] values() {
        return values;
    }

    /** The matrix restricted to some columns, in the given order. */
    public ModelMatrix select(int[] keep) {
        int p = names.size();
        double[] v = new double[rows * keep.length];
        String[] kept = new String[keep.length];
        for (int j = 0; j < keep.length; j++) {
            kept[j] = names.get(keep[j]);
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < keep.length; j++) {
                v[r * keep.length + j] = values[r * p + keep[j]];
            }
        }
        return new ModelMatrix(List.of(kept), v, rows);
    }
}
