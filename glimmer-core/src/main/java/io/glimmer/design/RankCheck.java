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
        int n = x.rows();
        int p = x.columns();
        List<double[]> basis = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        double[] values = x.values();
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
