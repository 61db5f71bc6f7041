package io.glimmer.spark;

import java.io.Serializable;

/**
 * An array of sums each held as an unevaluated pair (high, low) with Neumaier's compensation: the
 * rounding error of every addition is kept in the low part. The sums of the same rounded terms then
 * agree to the last bit (short of a condition number near 1e16) whatever the order the terms and the
 * partitions' partial sums arrive in, so a fit does not depend on how the rows are partitioned.
 */
final class CompensatedSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] high;
    private final double[] low;

    CompensatedSums(int size) {
        high = new double[size];
        low = new double[size];
    }

    int size() {
        return high.length;
    }

    void add(int i, double v) {
        double s = high[i];
        double t = s + v;
        low[i] += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
        high[i] = t;
    }

    /** Adds another set of sums, element by element; returns this. */
    CompensatedSums merge(CompensatedSums other) {
        for (int i = 0; i < high.length; i++) {
            add(i, other, i);
        }
        return this;
    }

    /** Adds sum j of another set (both its parts) to sum i of this one. */
    void add(int i, CompensatedSums other, int j) {
        add(i, other.high[j]);
        low[i] += other.low[j];
    }

    /** A copy with room for {@code size} sums (the new ones zero). */
    CompensatedSums resized(int size) {
        CompensatedSums c = new CompensatedSums(size);
        int m = Math.min(size, high.length);
        System.arraycopy(high, 0, c.high, 0, m);
        System.arraycopy(low, 0, c.low, 0, m);
        return c;
    }

    /** Sum i, rounded once. */
    double get(int i) {
        return high[i] + low[i];
    }

    /** Sums [from, from + length) rounded. */
    double[] get(int from, int length) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = get(from + i);
        }
        return out;
    }
}
