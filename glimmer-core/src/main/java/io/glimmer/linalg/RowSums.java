package io.glimmer.linalg;

import java.util.Arrays;

/**
 * One set of the sums that {@link CrossProducts} holds (Z_k'WZ_k, Z_i'WZ_j, F'WZ_k, F'WF) as flat
 * arrays, and the pass that adds a range of rows into them. {@link CrossProducts} keeps its totals in
 * one and, for long data, the partial sums of fixed row chunks in others, merged in chunk order.
 * Each sum receives its rows' terms in row order with the expressions of the original one-pass loop,
 * so a single chunk gives exactly the sums of that loop.
 */
final class RowSums {
    final double[][] diagonal;   // [k] levels·q²
    final double[][][] offDiagonal; // [i][j < i] stored blocks·qi·qj
    final double[][] denseByTerm; // [k] F'WZ_k stored transposed, columns × width: each row adds to one contiguous run
    final double[] denseDiagonal; // width × width, lower triangle

    RowSums(double[][] diagonal, double[][][] offDiagonal, double[][] denseByTerm, double[] denseDiagonal) {
        this.diagonal = diagonal;
        this.offDiagonal = offDiagonal;
        this.denseByTerm = denseByTerm;
        this.denseDiagonal = denseDiagonal;
    }

    /** Fresh arrays of the same sizes. */
    RowSums emptyCopy() {
        double[][][] off = new double[offDiagonal.length][][];
        for (int i = 0; i < off.length; i++) {
            off[i] = new double[offDiagonal[i].length][];
            for (int j = 0; j < off[i].length; j++) {
                off[i][j] = new double[offDiagonal[i][j].length];
            }
        }
        return new RowSums(fresh(diagonal), off, fresh(denseByTerm), new double[denseDiagonal.length]);
    }

    private static double[][] fresh(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = new double[a[i].length];
        }
        return c;
    }

    /** Number of doubles held. */
    long size() {
        long s = denseDiagonal.length;
        for (int i = 0; i < diagonal.length; i++) {
            s += diagonal[i].length + denseByTerm[i].length;
            for (double[] o : offDiagonal[i]) {
                s += o.length;
            }
        }
        return s;
    }

    /** Every array, in a fixed order (for merging slice by slice). */
    double[][] arrays() {
        int count = 1 + 2 * diagonal.length;
        for (double[][] o : offDiagonal) {
            count += o.length;
        }
        double[][] all = new double[count][];
        int n = 0;
        all[n++] = denseDiagonal;
        for (int i = 0; i < diagonal.length; i++) {
            all[n++] = diagonal[i];
            all[n++] = denseByTerm[i];
            for (double[] o : offDiagonal[i]) {
                all[n++] = o;
            }
        }
        return all;
    }

    void zero() {
        for (double[] a : arrays()) {
            Arrays.fill(a, 0);
        }
    }

    /**
     * Adds rows [r0, r1): F'WF, then per term Z_k'WZ_k and F'WZ_k (rows in order), then per pair
     * Z_i'WZ_j. Rows of weight 0 are skipped.
     */
    void accumulate(GroupedColumns[] terms, int[][][] slotOfRow, DenseColumns f, double[] weights, int r0, int r1) {
        int width = f.width();
        double[] fr = new double[width];
        double[] fw = new double[width];
        double[] fd = denseDiagonal;
        double[] x = f.x();
        int xStride = f.xStride();
        int xCols = f.xCols();
        double[] last = f.last();
        int lastStride = f.lastStride();
        int lastOffset = f.lastOffset();
        for (int r = r0; r < r1; r++) {
            double w = weights == null ? 1.0 : weights[r];
            if (w == 0) {
                continue;
            }
            for (int a = 0; a < xCols; a++) {
                fr[a] = x[r * xStride + a];
            }
            fr[xCols] = last[r * lastStride + lastOffset];
            for (int a = 0; a < width; a++) {
                double fa = w * fr[a];
                fw[a] = fa;
                for (int b = 0; b <= a; b++) {
                    fd[a * width + b] += fa * fr[b];
                }
            }
            for (int i = 0; i < terms.length; i++) {
                GroupedColumns t = terms[i];
                if (t.q() == 1) {
                    addScalarTerm(t, diagonal[i], denseByTerm[i], r, w, fw, width);
                } else if (t.q() == 2) {
                    addPairTerm(t, diagonal[i], denseByTerm[i], r, w, fw, width);
                } else {
                    addVectorTerm(t, diagonal[i], denseByTerm[i], r, w, fw, width);
                }
            }
        }
        for (int i = 1; i < terms.length; i++) {
            for (int j = 0; j < i; j++) {
                addPair(terms[i], terms[j], slotOfRow[i][j], offDiagonal[i][j], weights, r0, r1);
            }
        }
    }

    private static void addScalarTerm(GroupedColumns t, double[] dv, double[] fz, int r, double w, double[] fw, int width) {
        int level = t.codes()[r];
        double z = t.z()[r];
        double za = w * z;
        dv[level] += za * z;
        int fo = level * width;
        for (int a = 0; a < width; a++) {
            fz[fo + a] += fw[a] * z;
        }
    }

    /** {@link #addVectorTerm} unrolled for q = 2 (intercept and slope), the same sums. */
    private static void addPairTerm(GroupedColumns t, double[] dv, double[] fz, int r, double w, double[] fw, int width) {
        int level = t.codes()[r];
        double[] z = t.z();
        double z0 = z[2 * r];
        double z1 = z[2 * r + 1];
        int d = 4 * level;
        double za = w * z0;
        dv[d] += za * z0;
        dv[d + 1] += za * z1;
        za = w * z1;
        dv[d + 2] += za * z0;
        dv[d + 3] += za * z1;
        int fo = 2 * level * width;
        for (int a = 0; a < width; a++) {
            fz[fo + a] += fw[a] * z0;
        }
        fo += width;
        for (int a = 0; a < width; a++) {
            fz[fo + a] += fw[a] * z1;
        }
    }

    private static void addVectorTerm(GroupedColumns t, double[] dv, double[] fz, int r, double w, double[] fw, int width) {
        int q = t.q();
        int level = t.codes()[r];
        double[] z = t.z();
        int zo = r * q;
        int dOff = level * q * q;
        for (int a = 0; a < q; a++) {
            double za = w * z[zo + a];
            for (int b = 0; b < q; b++) {
                dv[dOff + a * q + b] += za * z[zo + b];
            }
        }
        int fo = level * q * width;
        for (int b = 0; b < q; b++) {
            double zb = z[zo + b];
            for (int a = 0; a < width; a++) {
                fz[fo + b * width + a] += fw[a] * zb;
            }
        }
    }

    private static void addPair(GroupedColumns ti, GroupedColumns tj, int[] slot, double[] ov, double[] weights, int r0, int r1) {
        int qi = ti.q();
        int qj = tj.q();
        double[] zi = ti.z();
        double[] zj = tj.z();
        if (qi == 1 && qj == 1) {
            for (int r = r0; r < r1; r++) {
                double w = weights == null ? 1.0 : weights[r];
                if (w != 0) {
                    double za = w * zi[r];
                    ov[slot[r]] += za * zj[r];
                }
            }
            return;
        }
        for (int r = r0; r < r1; r++) {
            double w = weights == null ? 1.0 : weights[r];
            if (w == 0) {
                continue;
            }
            int off = slot[r] * qi * qj;
            for (int a = 0; a < qi; a++) {
                double za = w * zi[r * qi + a];
                for (int b = 0; b < qj; b++) {
                    ov[off + a * qj + b] += za * zj[r * qj + b];
                }
            }
        }
    }

    /**
     * The dense columns F, row by row: the first {@code xCols} from x (row stride {@code xStride}),
     * the last one from {@code last} (row stride {@code lastStride}, offset {@code lastOffset}).
     */
    record DenseColumns(double[] x, int xStride, int xCols, double[] last, int lastStride, int lastOffset) {
        int width() {
            return xCols + 1;
        }

        void row(int r, double[] out) {
            int xo = r * xStride;
            for (int a = 0; a < xCols; a++) {
                out[a] = x[xo + a];
            }
            out[xCols] = last[r * lastStride + lastOffset];
        }
    }
}
