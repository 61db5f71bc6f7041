package io.glimmer.ddf;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

import org.hipparchus.special.Beta;

/** The small dense operations the degrees-of-freedom methods share. */
final class DenseAlgebra {
    private DenseAlgebra() {
    }

    /** x'Ax. */
    static double quadraticForm(double[] x, double[][] a) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = 0;
            for (int j = 0; j < x.length; j++) {
                r += a[i][j] * x[j];
            }
            s += x[i] * r;
        }
        return s;
    }

    /**
     * The inverse of a symmetric matrix over its eigenvalues above {@code tolerance}, the others left
     * out (a pseudo-inverse where the matrix is singular), as lmerTest inverts the Hessian.
     */
    static double[][] positivePartInverse(double[][] a, double tolerance) {
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(a));
        double[] values = e.getEigenvalues();
        int d = a.length;
        double[][] inv = new double[d][d];
        for (int k = 0; k < d; k++) {
            if (values[k] > tolerance) {
                double[] v = e.getEigenvector(k).toArray();
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        inv[i][j] += v[i] * v[j] / values[k];
                    }
                }
            }
        }
        return inv;
    }

    static RealMatrix matrix(double[][] a) {
        return MatrixUtils.createRealMatrix(a);
    }

    /** P(F(numDf, denDf) ≥ f), from the regularised incomplete beta function (no cancellation for small p). */
    static double upperF(double f, double numDf, double denDf) {
        if (!(f >= 0) || !(denDf > 0)) {
            return Double.NaN;
        }
        return Beta.regularizedBeta(denDf / (denDf + numDf * f), denDf / 2, numDf / 2);
    }
}
