package io.glimmer.lmm;

import io.glimmer.linalg.SmallBlocks;

/**
 * Cholesky factor, solve and inverse diagonal of a small symmetric positive-definite matrix held
 * row-major in a double[n·n] (only the lower triangle is read): the per-level and least-squares
 * systems of {@link MomentStart}, too small to be worth a library call each. The kernels are
 * {@link SmallBlocks}'; this adds the rank tolerance and the inverse's diagonal the moments need.
 */
final class SmallCholesky {
    private SmallCholesky() {
    }

    /**
     * Overwrites the lower triangle of a with L, A = LL' (the upper triangle is zeroed).
     *
     * @param tolerance a pivot below tolerance × the original diagonal counts as singular
     * @return false when A is not (numerically) positive definite
     */
    static boolean factor(double[] a, int n, double tolerance) {
        return SmallBlocks.cholesky(a, 0, n, n, tolerance);
    }

    /** x with LL'x = b, for L from {@link #factor}. */
    static double[] solve(double[] l, int n, double[] b) {
        double[] x = b.clone();
        SmallBlocks.solveLower(l, 0, n, x, 0);
        SmallBlocks.solveLowerTranspose(l, 0, n, x, 0);
        return x;
    }

    /** The diagonal of (LL')⁻¹ = L⁻ᵀL⁻¹: the squared column norms of L⁻¹. */
    static double[] inverseDiagonal(double[] l, int n) {
        double[] diag = new double[n];
        double[] m = new double[n];
        for (int c = 0; c < n; c++) {
            java.util.Arrays.fill(m, 0); // column c of L⁻¹: L m = e_c
            m[c] = 1;
            SmallBlocks.solveLower(l, 0, n, m, 0);
            for (int i = c; i < n; i++) {
                diag[c] += m[i] * m[i];
            }
        }
        return diag;
    }
}
