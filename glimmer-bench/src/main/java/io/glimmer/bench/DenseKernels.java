package io.glimmer.bench;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Candidate kernels for the dense blocks of the blocked Cholesky factor, to compare with EJML in
 * {@link DenseKernelBenchmark}. Row-major arrays, as EJML's DMatrixRMaj and Glimmer's blocks.
 */
public final class DenseKernels {
    /** Tile edge for the cache-blocked product: 3 tiles of 64 × 64 doubles (96 KiB) fit in L2. */
    static final int TILE = 64;

    private DenseKernels() {
    }

    /** An n × n matrix of values uniform on (−1, 1). */
    static DMatrixRMaj random(SplittableRandom rng, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    /** M M' + n I for a {@link #random} M: the positive definite input of the Cholesky benchmarks. */
    static DMatrixRMaj positiveDefinite(SplittableRandom rng, int n) {
        DMatrixRMaj m = random(rng, n);
        DMatrixRMaj spd = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(m, m, spd);
        for (int i = 0; i < n; i++) {
            spd.add(i, i, n);
        }
        return spd;
    }

    /** C ← C + α A B' by the textbook triple loop (dot products of rows of A and rows of B). A: m × k, B: n × k, C: m × n. */
    public static void multAddTransBLoop(double alpha, double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += a[ai + t] * b[bj + t];
                }
                c[i * n + j] += alpha * s;
            }
        }
    }

    /**
     * C ← C + α A B', tiled over i, j and the inner dimension so that the rows in use stay in cache,
     * and register-blocked 2 × 2 (four independent sums, each row of A and B read once per pair).
     */
    public static void multAddTransBBlocked(double alpha, double[] a, double[] b, double[] c, int m, int n, int k) {
        for (int i0 = 0; i0 < m; i0 += TILE) {
            int i1 = Math.min(m, i0 + TILE);
            for (int j0 = 0; j0 < n; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                for (int t0 = 0; t0 < k; t0 += TILE) {
                    int t1 = Math.min(k, t0 + TILE);
                    int i = i0;
                    for (; i + 1 < i1; i += 2) {
                        int a0 = i * k;
                        int a1 = a0 + k;
                        int j = j0;
                        for (; j + 1 < j1; j += 2) {
                            int b0 = j * k;
                            int b1 = b0 + k;
                            double s00 = 0;
                            double s01 = 0;
                            double s10 = 0;
                            double s11 = 0;
                            for (int t = t0; t < t1; t++) {
                                double x0 = a[a0 + t];
                                double x1 = a[a1 + t];
                                double y0 = b[b0 + t];
                                double y1 = b[b1 + t];
                                s00 += x0 * y0;
                                s01 += x0 * y1;
                                s10 += x1 * y0;
                                s11 += x1 * y1;
                            }
                            c[i * n + j] += alpha * s00;
                            c[i * n + j + 1] += alpha * s01;
                            c[(i + 1) * n + j] += alpha * s10;
                            c[(i + 1) * n + j + 1] += alpha * s11;
                        }
                        for (; j < j1; j++) {
                            tail(alpha, a, b, c, n, k, i, j, t0, t1);
                            tail(alpha, a, b, c, n, k, i + 1, j, t0, t1);
                        }
                    }
                    for (; i < i1; i++) {
                        for (int j = j0; j < j1; j++) {
                            tail(alpha, a, b, c, n, k, i, j, t0, t1);
                        }
                    }
                }
            }
        }
    }

    private static void tail(double alpha, double[] a, double[] b, double[] c, int n, int k, int i, int j, int t0, int t1) {
        double s = 0;
        for (int t = t0; t < t1; t++) {
            s += a[i * k + t] * b[j * k + t];
        }
        c[i * n + j] += alpha * s;
    }
}
