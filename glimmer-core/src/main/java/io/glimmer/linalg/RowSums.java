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
    /** [i][j < i]: Z_i'WZ_j is summed elsewhere ({@link ScalarPairSums}); not accumulated, zeroed or merged here. */
    private final boolean[][] external;

    RowSums(double[][] diagonal, double[][][] offDiagonal, double[][] denseByTerm, double[] denseDiagonal, boolean[][] external) {
        this.diagonal = diagonal;
        this.offDiagonal = offDiagonal;
        this.denseByTerm = denseByTerm;
        this.denseDiagonal = denseDiagonal;
        this.external = external;
    }

    /** Fresh arrays of the same sizes. */
    RowSums emptyCopy() {
        double[][][] off = new double[offDiagonal.length][][];
        for (int i = 0; i < off.length; i++) {
            off[i] = new double[offDiagonal[i].length][];
            for (int j = 0; j < off[i].length; j++) {
                off[i][j] = new double[external[i][j] ? 0 : offDiagonal[i][j].length];
            }
        }
        return new RowSums(fresh(diagonal), off, fresh(denseByTerm), new double[denseDiagonal.length], external);
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

    /** Every array summed here (not the external ones), in a fixed order (for merging slice by slice). */
    double[][] arrays() {
        java.util.List<double[]> all = new java.util.ArrayList<>();
        all.add(denseDiagonal);
        for (int i = 0; i < diagonal.length; i++) {
            all.add(diagonal[i]);
            all.add(denseByTerm[i]);
            for (int j = 0; j < offDiagonal[i].length; j++) {
                if (!external[i][j]) {
                    all.add(offDiagonal[i][j]);
                }
            }
        }
        return all.toArray(double[][]::new);
    }

    void zero() {
        for (double[] a : arrays()) {
            Arrays.fill(a, 0);
        }
    }

    /**
     * Adds rows [r0, r1): F'WF, then per term Z_k'WZ_k and F'WZ_k, then per pair Z_i'WZ_j, each in
     * its own pass over the rows (rows in order within every sum). Rows of weight 0 are skipped.
     */
    void accumulate(GroupedColumns[] terms, int[][][] slotOfRow, DenseColumns f, double[] weights, int r0, int r1) {
        addDenseSquare(f, weights, r0, r1);
        for (int i = 0; i < terms.length; i++) {
            GroupedColumns t = terms[i];
            if (t.q() == 1) {
                addScalarTerm(t, diagonal[i], denseByTerm[i], f, weights, r0, r1);
                continue;
            }
            int width = f.width();
            double[] fr = new double[width];
            double[] fw = new double[width];
            for (int r = r0; r < r1; r++) {
                double w = weights == null ? 1.0 : weights[r];
                if (w == 0) {
                    continue;
                }
                f.row(r, fr);
                for (int a = 0; a < width; a++) {
                    fw[a] = w * fr[a];
                }
                if (t.q() == 2) {
                    addPairTerm(t, diagonal[i], denseByTerm[i], r, w, fw, width);
                } else {
                    addVectorTerm(t, diagonal[i], denseByTerm[i], r, w, fw, width);
                }
            }
        }
        for (int i = 1; i < terms.length; i++) {
            for (int j = 0; j < i; j++) {
                if (external[i][j]) {
                    continue;
                }
                addPair(terms[i], terms[j], slotOfRow[i][j], offDiagonal[i][j], weights, r0, r1);
            }
        }
    }

    /** Rows per tile of {@link #addDenseSquare}: 512 rows of a 50-column F are 200 kB, in L2. */
    private static final int DENSE_TILE_ROWS = 512;

    /**
     * The lower triangle of F'WF: each entry (a, b) sums (w f_a) f_b over the rows in order. Four
     * entries at a time are held in locals through the pass: accumulating in the array made every
     * row wait for the previous row's store (measured twice as slow).
     */
    private void addDenseSquare(DenseColumns f, double[] weights, int r0, int r1) {
        int width = f.width();
        int entries = width * (width + 1) / 2;
        int[] cell = new int[entries]; // a · width + b, b ≤ a
        int e = 0;
        for (int a = 0; a < width; a++) {
            for (int b = 0; b <= a; b++) {
                cell[e++] = a * width + b;
            }
        }
        double[] fd = denseDiagonal;
        double[][] src = new double[width][]; // column a of row r is src[a][r · stride[a] + offset[a]]
        int[] stride = new int[width];
        int[] offset = new int[width];
        for (int a = 0; a < width; a++) {
            boolean inX = a < f.xCols();
            src[a] = inX ? f.x() : f.last();
            stride[a] = inX ? f.xStride() : f.lastStride();
            offset[a] = inX ? a : f.lastOffset();
        }
        // Rows in tiles, every entry group swept over a tile before the next: for a wide F a pass per
        // four entries over a whole chunk would stream it from memory (width² / 8 times); each entry
        // still sums its rows in order, so the result is the same to the bit.
        for (int t0 = r0; t0 < r1; t0 += DENSE_TILE_ROWS) {
            int t1 = Math.min(r1, t0 + DENSE_TILE_ROWS);
            e = 0;
            for (; e + 3 < entries; e += 4) {
                int a0 = cell[e] / width, b0 = cell[e] % width;
                int a1 = cell[e + 1] / width, b1 = cell[e + 1] % width;
                int a2 = cell[e + 2] / width, b2 = cell[e + 2] % width;
                int a3 = cell[e + 3] / width, b3 = cell[e + 3] % width;
                double[] x0 = src[a0], y0 = src[b0], x1 = src[a1], y1 = src[b1];
                double[] x2 = src[a2], y2 = src[b2], x3 = src[a3], y3 = src[b3];
                int sx0 = stride[a0], sy0 = stride[b0], sx1 = stride[a1], sy1 = stride[b1];
                int sx2 = stride[a2], sy2 = stride[b2], sx3 = stride[a3], sy3 = stride[b3];
                int ox0 = offset[a0], oy0 = offset[b0], ox1 = offset[a1], oy1 = offset[b1];
                int ox2 = offset[a2], oy2 = offset[b2], ox3 = offset[a3], oy3 = offset[b3];
                double s0 = fd[cell[e]];
                double s1 = fd[cell[e + 1]];
                double s2 = fd[cell[e + 2]];
                double s3 = fd[cell[e + 3]];
                for (int r = t0; r < t1; r++) {
                    double w = weights == null ? 1.0 : weights[r];
                    if (w == 0) {
                        continue;
                    }
                    s0 += w * x0[r * sx0 + ox0] * y0[r * sy0 + oy0];
                    s1 += w * x1[r * sx1 + ox1] * y1[r * sy1 + oy1];
                    s2 += w * x2[r * sx2 + ox2] * y2[r * sy2 + oy2];
                    s3 += w * x3[r * sx3 + ox3] * y3[r * sy3 + oy3];
                }
                fd[cell[e]] = s0;
                fd[cell[e + 1]] = s1;
                fd[cell[e + 2]] = s2;
                fd[cell[e + 3]] = s3;
            }
            for (; e < entries; e++) {
                int a = cell[e] / width;
                int b = cell[e] % width;
                double[] xa = src[a];
                double[] xb = src[b];
                int sa = stride[a], sb = stride[b], oa = offset[a], ob = offset[b];
                double s = fd[cell[e]];
                for (int r = t0; r < t1; r++) {
                    double w = weights == null ? 1.0 : weights[r];
                    if (w != 0) {
                        s += w * xa[r * sa + oa] * xb[r * sb + ob];
                    }
                }
                fd[cell[e]] = s;
            }
        }
    }

    /** A scalar term's Z'WZ (diagonal) and F'WZ, rows in order: the sums (w z) z and (w f_a) z. */
    private static void addScalarTerm(GroupedColumns t, double[] dv, double[] fz, DenseColumns f, double[] weights, int r0, int r1) {
        int width = f.width();
        int xCols = f.xCols();
        double[] x = f.x();
        int xStride = f.xStride();
        double[] last = f.last();
        int lastStride = f.lastStride();
        int lastOffset = f.lastOffset();
        int[] codes = t.codes();
        double[] z = t.z();
        for (int r = r0; r < r1; r++) {
            double w = weights == null ? 1.0 : weights[r];
            if (w == 0) {
                continue;
            }
            int level = codes[r];
            double zr = z[r];
            double za = w * zr;
            dv[level] += za * zr;
            int fo = level * width;
            int xo = r * xStride;
            for (int a = 0; a < xCols; a++) {
                fz[fo + a] += w * x[xo + a] * zr;
            }
            fz[fo + xCols] += w * last[r * lastStride + lastOffset] * zr;
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
