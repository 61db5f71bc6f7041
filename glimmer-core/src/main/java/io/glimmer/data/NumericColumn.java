package io.glimmer.data;

import java.util.Arrays;

/** A numeric column; NaN marks a missing value. Infinite values are kept and rejected where a model uses them. */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;

    public NumericColumn(String name, double[] values) {
        this.name = name;
        this.values = values.clone();
    }

    private NumericColumn(double[] ownValues, String name) {
        this.name = name;
        this.values = ownValues;
    }

    /** A column that keeps the array it is given (made by the reader, used by no one else): no n-long copy. */
    static NumericColumn owning(String name, double[] values) {
        return new NumericColumn(values, name);
    }

    /** The same values under another name, sharing the (immutable) values: no n-long copy. */
    public NumericColumn withName(String newName) {
        return new NumericColumn(values, newName);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    public double get(int row) {
        return values[row];
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public NumericColumn subset(int[] rows) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = values[rows[i]];
        }
        return new NumericColumn(name, v);
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + Arrays.toString(Arrays.copyOf(values, Math.min(5, values.length))) + "...]";
    }
}
