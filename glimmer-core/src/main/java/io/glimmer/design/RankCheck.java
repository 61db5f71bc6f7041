package io.glimmer.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the columns of a model matrix that are linear combinations of earlier ones, keeping earlier
 * columns first as R's pivoting QR does (tolerance 1e-7 on the relative residual norm).
 */
public final class RankCheck {
    static final double TOLERANCE = 1e-7;
    /** Rows per Householder step of {@link #triangularFactor}: the stacked block stays in cache. */
    private static final int BLOCK = 256;

    private RankCheck() {
    }

    /** lme4's message for the aliased columns dropped from X (their names, in order), or empty when none were. */
    public static Optional<String> warning(List<String> dropped) {
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("fixed-effect model matrix is rank deficient so dropping " + dropped.size()
                + " column" + (dropped.size() == 1 ? "" : "s") + ": " + String.join(", ", dropped));
    }

    /** Indices of the columns to keep, in order. */
    public static int[] independentColumns(ModelMatrix x) {
        int p = x.columns();
        // X'X = R'R, so Gram-Schmidt on the columns of R meets the same residual norms as on X's, in p
        // dimensions instead of n: one pass over X (2M rows cold: ~10 passes and two n-vectors per column before).
        return independentColumns(triangularFactor(x.values(), x.rows(), p), p, p);
    }

    /**
     * The p x p upper-triangular R of X = QR (row-major), by Householder reflections over blocks of rows stacked
     * under the R so far. A column of X that is zero stays exactly zero in R.
     */
    static double[] triangularFactor(double[] values, int n, int p) {
        double[] w = new double[(p + BLOCK) * p]; // rows 0..p-1: R so far; then one block of X's rows
        for (int start = 0; start < n; start += BLOCK) {
            int b = Math.min(BLOCK, n - start);
            System.arraycopy(values, start * p, w, p * p, b * p);
            reflect(w, p + b, p);
        }
        double[] r = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                r[i * p + j] = w[i * p + j];
            }
        }
        return r;
    }

    /** Householder QR in place of the m x p row-major w (m >= p); leaves R in the top p rows, zeros below. */
    private static void reflect(double[] w, int m, int p) {
        for (int k = 0; k < p; k++) {
            double alpha = w[k * p + k];
            double below = 0;
            for (int i = k + 1; i < m; i++) {
                double e = w[i * p + k];
                below += e * e;
            }
            if (below == 0) {
                continue;
            }
            double beta = alpha >= 0 ? -Math.sqrt(alpha * alpha + below) : Math.sqrt(alpha * alpha + below);
            double v0 = alpha - beta;
            double vv = v0 * v0 + below;
            for (int c = k + 1; c < p; c++) {
                double dot = v0 * w[k * p + c];
                for (int i = k + 1; i < m; i++) {
                    dot += w[i * p + k] * w[i * p + c];
                }
                double f = 2 * dot / vv;
                w[k * p + c] -= f * v0;
                for (int i = k + 1; i < m; i++) {
                    w[i * p + c] -= f * w[i * p + k];
                }
            }
            w[k * p + k] = beta;
            for (int i = k + 1; i < m; i++) {
                w[i * p + k] = 0;
            }
        }
    }

    /** Gram-Schmidt, in order, on the columns of the n x p row-major values. */
    static int[] independentColumns(double[] values, int n, int p) {
        List<double[]> basis = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] v = new double[n];
            double norm0 = 0;
            for (int r = 0; r < n; r++) {
                v[r] = values[r * p + j];
                norm0 += v[r] * v[r];
            }
            norm0 = Math.sqrt(norm0);
            if (norm0 == 0) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) { // twice for orthogonality in floating point
                for (double[] q : basis) {
                    double dot = 0;
                    for (int r = 0; r < n; r++) {
                        dot += q[r] * v[r];
                    }
                    for (int r = 0; r < n; r++) {
                        v[r] -= dot * q[r];
                    }
                }
            }
            double norm = 0;
            for (double e : v) {
                norm += e * e;
            }
            norm = Math.sqrt(norm);
            if (norm > TOLERANCE * norm0) {
                for (int r = 0; r < n; r++) {
                    v[r] /= norm;
                }
                basis.add(v);
                keep.add(j);
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }
}
