package io.glimmer.gee;

import io.glimmer.linalg.SmallBlocks;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/** The few small dense-matrix operations the estimating equations need (LU: R(α) need not be definite). */
final class Dense {
    /** A pivot below this fraction of the largest entry counts as zero (Hipparchus's threshold is absolute). */
    private static final double SINGULAR = 1e-14;

    private Dense() {
    }

    /** A⁻¹, or null when A is singular. */
    static double[][] inverse(double[][] a) {
        try {
            LUDecomposition lu = new LUDecomposition(MatrixUtils.createRealMatrix(a), threshold(a));
            if (!lu.getSolver().isNonSingular()) {
                return null;
            }
            return lu.getSolver().getInverse().getData();
        } catch (MathIllegalArgumentException e) {
            return null;
        }
    }

    /** A⁻¹B for the columns of B, or null when A is singular. */
    static double[][] solve(double[][] a, double[][] b) {
        try {
            LUDecomposition lu = new LUDecomposition(MatrixUtils.createRealMatrix(a), threshold(a));
            if (!lu.getSolver().isNonSingular()) {
                return null;
            }
            RealMatrix x = lu.getSolver().solve(MatrixUtils.createRealMatrix(b));
            return x.getData();
        } catch (MathIllegalArgumentException e) {
            return null;
        }
    }

    private static double threshold(double[][] a) {
        double largest = 0;
        for (double[] row : a) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return largest > 0 ? SINGULAR * largest : Double.MIN_NORMAL;
    }

    static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, m = b[0].length, k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double ail = a[i][l];
                if (ail != 0) {
                    for (int j = 0; j < m; j++) {
                        c[i][j] += ail * b[l][j];
                    }
                }
            }
        }
        return c;
    }

    static double[][] scale(double s, double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] *= s;
            }
        }
        return c;
    }

    /** Whether a symmetric matrix is positive definite (a Cholesky factorisation succeeds). */
    static boolean positiveDefinite(double[][] a) {
        return SmallBlocks.cholesky(a) != null;
    }
}
