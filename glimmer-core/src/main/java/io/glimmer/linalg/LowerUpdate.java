package io.glimmer.linalg;

/**
 * The symmetric rank-w downdate C ← C − P'P of the lower triangle of a row-major m × m block C, with
 * P given transposed as w rows of length ≥ m: the trailing update of {@link DenseCholesky} and the
 * symmetric products of {@link BlockedCholesky}. Only the lower triangle is computed (half the work).
 * <p>
 * Each row of C is updated by axpys along the row against four rows of P at a time, with fused
 * multiply-adds. The JIT (C2's superword pass) vectorises such a loop only when every array in it is
 * indexed by the same expression (it cannot rule out that the stored array is one of the loaded ones
 * at another offset), so each row segment is copied into a buffer indexed like P's rows, updated
 * there and copied back: about 22 GFlop/s in cache against 3.5 when indexed with an offset. (Two rows
 * per pass, or eight rows of P, were vectorised unreliably or not at all.) Columns are taken in tiles
 * that keep P's slice in L2. Groups of P entries that are all zero are skipped: when terms are nested,
 * the "dense" blocks stay (block-)diagonal and the update costs next to nothing. Large updates are
 * split by row chunks over {@link Parallel}; each element's arithmetic does not depend on the chunk or
 * the thread that computes it, so results do not depend on the number of threads.
 */
final class LowerUpdate {
    /** Columns per tile: 64 rows of P × 512 doubles = 256 KiB. */
    private static final int TILE = 512;
    /** Rows per parallel chunk. */
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
        double[] y = new double[m]; // row segments are updated here, indexed like P's rows: see the class comment
        for (int cb = 0; cb < r1; cb += TILE) {
            int ce = Math.min(m, cb + TILE);
            for (int r = Math.max(r0, cb); r < r1; r++) {
                int to = Math.min(ce, r + 1);
                int ro = off + r * stride;
                System.arraycopy(c, ro + cb, y, cb, to - cb);
                single(y, p, w, r, cb, to);
                System.arraycopy(y, cb, c, ro + cb, to - cb);
            }
        }
    }

    /** Columns [from, to) of row r, held in y. */
    private static void single(double[] y, double[][] p, int w, int r, int from, int to) {
        int t = 0;
        for (; t + 3 < w; t += 4) {
            double s0 = p[t][r];
            double s1 = p[t + 1][r];
            double s2 = p[t + 2][r];
            double s3 = p[t + 3][r];
            if (s0 != 0 || s1 != 0 || s2 != 0 || s3 != 0) { // zeros: nested terms leave whole blocks empty
                axpy4(y, p[t], p[t + 1], p[t + 2], p[t + 3], from, to, s0, s1, s2, s3);
            }
        }
        for (; t < w; t++) {
            if (p[t][r] != 0) {
                axpy1(y, p[t], from, to, p[t][r]);
            }
        }
    }

    /** y[j] −= Σ_k s_k x_k[j] for from ≤ j < to, four x rows at once (fused multiply-adds, k in order). */
    static void axpy4(double[] y, double[] x0, double[] x1, double[] x2, double[] x3, int from, int to,
                      double s0, double s1, double s2, double s3) {
        for (int j = from; j < to; j++) {
            y[j] = Math.fma(-s3, x3[j], Math.fma(-s2, x2[j], Math.fma(-s1, x1[j], Math.fma(-s0, x0[j], y[j]))));
        }
    }

    /** y[j] −= s x[j] for from ≤ j < to. */
    static void axpy1(double[] y, double[] x, int from, int to, double s) {
        for (int j = from; j < to; j++) {
            y[j] = Math.fma(-s, x[j], y[j]);
        }
    }
}
