package io.glimmer.lmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small Cholesky kernels against Hipparchus's decomposition and inverse on random SPD matrices. */
class SmallCholeskyTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void solveAndInverseDiagonalMatchHipparchus(int seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(7);
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        RealMatrix b = MatrixUtils.createRealMatrix(m);
        RealMatrix a = b.multiply(b.transpose()).add(MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(0.1));
        double[] packed = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                packed[i * n + j] = j <= i ? a.getEntry(i, j) : Double.NaN; // the upper triangle is never read
            }
        }
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = rnd.nextGaussian();
        }
        assertTrue(SmallCholesky.factor(packed, n, 1e-12));
        double[] x = SmallCholesky.solve(packed, n, rhs);
        CholeskyDecomposition reference = new CholeskyDecomposition(a);
        double[] expected = reference.getSolver().solve(MatrixUtils.createRealVector(rhs)).toArray();
        RealMatrix inverse = reference.getSolver().getInverse();
        double[] diag = SmallCholesky.inverseDiagonal(packed, n);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], x[i], 1e-9 * (1 + Math.abs(expected[i])), "x[" + i + "]");
            assertEquals(inverse.getEntry(i, i), diag[i], 1e-9 * inverse.getEntry(i, i), "inverse[" + i + "][" + i + "]");
        }
    }

    @Test
    void singularAndIndefiniteMatricesAreRefused() {
        assertFalse(SmallCholesky.factor(new double[]{1, 0, 1, 1}, 2, 1e-10)); // [[1,1],[1,1]]
        assertFalse(SmallCholesky.factor(new double[]{1, 0, 2, 1}, 2, 1e-10)); // [[1,2],[2,1]]
        assertFalse(SmallCholesky.factor(new double[]{0}, 1, 1e-10));
        assertTrue(SmallCholesky.factor(new double[]{4}, 1, 1e-10));
        // positive definite, but its second pivot (1e-12) is below 1e-10 of its diagonal: rank-deficient for the moments
        assertFalse(SmallCholesky.factor(new double[]{1, 0, 1, 1 + 1e-12}, 2, 1e-10));
        assertTrue(io.glimmer.linalg.SmallBlocks.cholesky(new double[]{1, 0, 1, 1 + 1e-12}, 0, 2, 2));
    }
}
