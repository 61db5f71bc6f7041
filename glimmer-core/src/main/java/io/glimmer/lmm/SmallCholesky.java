package io.glimmer.lmm;

/**
 * Cholesky factor, solve and inverse diagonal of a small symmetric positive-definite matrix held
 * row-major in a double[n·n] (only the lower triangle is read): the per-level and least-squares
 * systems of {@link MomentStart}, too small to be worth a library call each.
 */
final class SmallCholesky {
    private SmallCholesky() {
    }

    /**
     * Overwrites the lower triangle of a with L, A = LL'.
     *
     * @param tolerance a pivot below tolerance × the original diagonal counts as singular
     * @return false when A is not (numerically) positive definite
     */
    static boolean factor(double[] a, int n, double tolerance) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            double original = d;
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (!(d > tolerance * original) || !(original > 0)) {
                return false;
            }
            double l = Math.sqrt(d);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / l;
            }
        }
        return true;
    }

    /** x with LL'x = b, for L from {@link #factor}. */
    static double[] solve(double[] l, int n, double[] b) {
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /** The diagonal of (LL')⁻¹ = L⁻ᵀL⁻¹: the squared column norms of L⁻¹. */
    static double[] inverseDiagonal(double[] l, int n) {
        double[] diag = new double[n];
        double[] m = new double[n];
        for (int c = 0; c < n; c++) {
            // column c of L⁻¹ by forward substitution on the unit vector e_c
            java.util.Arrays.fill(m, 0);
            for (int i = c; i < n; i++) {
                double s = i == c ? 1 : 0;
                for (int k = c; k < i; k++) {
                    s -= l[i * n + k] * m[k];
                }
                m[i] = s / l[i * n + i];
            }
            for (int i = c; i < n; i++) {
                diag[c] += m[i] * m[i];
            }
        }
        return diag;
    }
}
