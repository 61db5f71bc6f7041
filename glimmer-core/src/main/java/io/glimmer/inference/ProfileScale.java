package io.glimmer.inference;

import io.glimmer.design.RandomEffectsTerm;

import java.util.List;

/**
 * The random effects' covariance written as lme4 profiles it: per term, column by column of the
 * lower triangle, the standard deviation on the diagonal and the correlations below it (the layout
 * of θ, so the names of {@link NamedParameters} line up), from the relative factor θ at a given
 * scale (σ for a linear model, 1 for a GLMM without dispersion).
 */
final class ProfileScale {
    /** Relative tolerance for a zero pivot: correlations of exactly ±1 give a semidefinite covariance. */
    private static final double PIVOT_TOLERANCE = 1e-10;

    private final int[] q;

    ProfileScale(List<RandomEffectsTerm> terms) {
        q = terms.stream().mapToInt(RandomEffectsTerm::q).toArray();
    }

    /** Number of standard deviations and correlations, the length of θ. */
    int size() {
        int s = 0;
        for (int qk : q) {
            s += qk * (qk + 1) / 2;
        }
        return s;
    }

    /** Whether entry i is a standard deviation (else a correlation). */
    boolean isStdDev(int i) {
        int o = 0;
        for (int qk : q) {
            for (int col = 0; col < qk; col++) {
                if (i == o) {
                    return true;
                }
                if (i < o + qk - col) {
                    return false;
                }
                o += qk - col;
            }
        }
        throw new IndexOutOfBoundsException(i);
    }

    /** Standard deviations and correlations of θ at residual scale {@code scale}. */
    double[] fromTheta(double[] theta, double scale) {
        double[] v = new double[theta.length];
        int o = 0;
        for (int qk : q) {
            double[][] l = unpack(theta, o, qk);
            double[] sd = new double[qk];
            for (int a = 0; a < qk; a++) {
                sd[a] = scale * Math.sqrt(dot(l[a], l[a], qk));
            }
            for (int col = 0; col < qk; col++) {
                v[o++] = sd[col];
                for (int row = col + 1; row < qk; row++) {
                    double denominator = sd[row] * sd[col];
                    v[o++] = denominator > 0 ? scale * scale * dot(l[row], l[col], qk) / denominator : 0;
                }
            }
        }
        return v;
    }

    /** Lower Cholesky factor of a semidefinite matrix (lower triangle of c used), zero columns at zero pivots. */
    static boolean cholesky(double[][] c, double[][] l, int n) {
        for (int j = 0; j < n; j++) {
            double size = Math.max(c[j][j], Double.MIN_NORMAL);
            double d = c[j][j] - dot(l[j], l[j], j);
            if (d < -PIVOT_TOLERANCE * size) {
                return false;
            }
            boolean zero = d <= PIVOT_TOLERANCE * size;
            l[j][j] = zero ? 0 : Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = c[i][j] - dot(l[i], l[j], j);
                if (!zero) {
                    l[i][j] = s / l[j][j];
                } else if (Math.abs(s) > Math.sqrt(PIVOT_TOLERANCE * size * Math.max(c[i][i], Double.MIN_NORMAL))) {
                    return false; // a zero pivot leaves nothing to carry a covariance: not semidefinite
                }
            }
        }
        return true;
    }

    static double[][] unpack(double[] theta, int offset, int qk) {
        double[][] l = new double[qk][qk];
        int i = offset;
        for (int col = 0; col < qk; col++) {
            for (int row = col; row < qk; row++) {
                l[row][col] = theta[i++];
            }
        }
        return l;
    }

    private static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
