package io.glimmer.linalg;

/**
 * The symmetric rank-w downdate C ← C − P'P of the lower triangle of a row-major m × m block C, with
 * P given transposed as w rows of length ≥ m: the trailing update of {@link DenseCholesky} and the
 * symmetric products of {@link BlockedCholesky}. Only the lower triangle is computed (half the work).
 * <p>
 * Each row of C is updated by axpys along the row against four rows of P at a time, with fused
 * multiply-adds. The JIT (C2's superword pass) vectorises such a loop only when every array in it is
 * indexed by the same expression: it cannot rule out that the stored array is one of the loaded ones
 * at another offset. So the row segments are copied into buffers indexed like P's rows, updated
 * there (about 20 GFlop/s against 3.5 when indexed with an offset) and copied back. Two rows share
 * each load of P. Columns are taken in tiles that keep P's slice in L2. Large updates are split by
 * row chunks over {@link Parallel}; each element's arithmetic does not depend on the chunk or the
 * thread that computes it, so results do not depend on the number of threads.
 */
final class LowerUpdate {
    /** Columns per tile: 64 rows of P × 512 doubles = 256 KiB. */
    private static final int TILE = 512;
    /** Rows per parallel chunk (even, so that row pairs never straddle chunks). */
    private static final int CHUNK = 64;
    /** Below this many multiply-adds the update runs on the calling thread alone. */
    private static final long PARALLEL_WORK = 8_000_000;

    private LowerUpdate() {
    }

    /** C ← C − P'P on the lower triangle of the m × m block at {@code off} (row stride {@code stride}). */
    static void subtract(double[] c, int off, int stride, int m, double[][] p, int w) {
        int chunks = (m + CHUNK - 1) / CHUNK;
        if ((long) m * m * w / 2 < PARALLEL_WORK || chunks < 2) {
            rows(c, off, stride, m, p, w, 0, m);
            return;
        }
        // last chunks first: they have the longest rows, so dynamic scheduling balances well
        Parallel.forEach(chunks, i -> {
            int chunk = chunks - 1 - i;
            rows(c, off, stride, m, p, w, chunk * CHUNK, Math.min(m, (chunk + 1) * CHUNK));
        });
    }

    /** Rows [r0, r1) of the update. */
    static void rows(double[] c, int off, int stride, int m, double[][] p, int w, int r0, int r1) {
        // Row segments are updated in buffers indexed like P's rows: see the class comment.
        double[] y0 = new double[m];
        double[] y1 = new double[m];
        for (int cb = 0; cb < r1; cb += TILE) {
            int ce = Math.min(m, cb + TILE);
            int r = Math.max(r0, cb);
            for (; r + 1 < r1; r += 2) {
                int to = Math.min(ce, r + 1);
                int to1 = Math.min(ce, r + 2); // row r + 1 reaches one column further: its diagonal
                int ro = off + r * stride;
                System.arraycopy(c, ro + cb, y0, cb, to - cb);
                System.arraycopy(c, ro + stride + cb, y1, cb, to1 - cb);
                pair(y0, y1, p, w, r, cb, to);
                if (to1 > to) {
                    single(y1, p, w, r + 1, to, to1);
                }
                System.arraycopy(y0, cb, c, ro + cb, to - cb);
                System.arraycopy(y1, cb, c, ro + stride + cb, to1 - cb);
            }
            if (r < r1) {
                int to = Math.min(ce, r + 1);
                int ro = off + r * stride;
                System.arraycopy(c, ro + cb, y0, cb, to - cb);
                single(y0, p, w, r, cb, to);
                System.arraycopy(y0, cb, c, ro + cb, to - cb);
            }
        }
    }

    /** Columns [from, to) of rows r and r + 1, held in y0 and y1. */
    private static void pair(double[] y0, double[] y1, double[][] p, int w, int r, int from, int to) {
        int t = 0;
        for (; t + 3 < w; t += 4) {
            double[] p0 = p[t];
            double[] p1 = p[t + 1];
            double[] p2 = p[t + 2];
            double[] p3 = p[t + 3];
            axpy4x2(y0, y1, p0, p1, p2, p3, from, to, p0[r], p1[r], p2[r], p3[r], p0[r + 1], p1[r + 1], p2[r + 1], p3[r + 1]);
        }
        for (; t < w; t++) {
            axpy1(y0, p[t], from, to, p[t][r]);
            axpy1(y1, p[t], from, to, p[t][r + 1]);
        }
    }

    /** Columns [from, to) of row r, held in y. */
    private static void single(double[] y, double[][] p, int w, int r, int from, int to) {
        int t = 0;
        for (; t + 3 < w; t += 4) {
            axpy4(y, p[t], p[t + 1], p[t + 2], p[t + 3], from, to, p[t][r], p[t + 1][r], p[t + 2][r], p[t + 3][r]);
        }
        for (; t < w; t++) {
            axpy1(y, p[t], from, to, p[t][r]);
        }
    }

    /** y[j] −= Σ_k s_k x_k[j] for from ≤ j < to, four x rows at once (fused multiply-adds, k in order). */
    static void axpy4(double[] y, double[] x0, double[] x1, double[] x2, double[] x3, int from, int to,
                      double s0, double s1, double s2, double s3) {
        for (int j = from; j < to; j++) {
            y[j] = Math.fma(-s3, x3[j], Math.fma(-s2, x2[j], Math.fma(-s1, x1[j], Math.fma(-s0, x0[j], y[j]))));
        }
    }

    /** axpy4 into two rows y0, y1 at once, sharing the loads of x. */
    private static void axpy4x2(double[] y0, double[] y1, double[] x0, double[] x1, double[] x2, double[] x3, int from, int to,
                                double s0, double s1, double s2, double s3, double u0, double u1, double u2, double u3) {
        for (int j = from; j < to; j++) {
            double a0 = x0[j];
            double a1 = x1[j];
            double a2 = x2[j];
            double a3 = x3[j];
            y0[j] = Math.fma(-s3, a3, Math.fma(-s2, a2, Math.fma(-s1, a1, Math.fma(-s0, a0, y0[j]))));
            y1[j] = Math.fma(-u3, a3, Math.fma(-u2, a2, Math.fma(-u1, a1, Math.fma(-u0, a0, y1[j]))));
        }
    }

    /** y[j] −= s x[j] for from ≤ j < to. */
    static void axpy1(double[] y, double[] x, int from, int to, double s) {
        for (int j = from; j < to; j++) {
            y[j] = Math.fma(-s, x[j], y[j]);
        }
    }
}
