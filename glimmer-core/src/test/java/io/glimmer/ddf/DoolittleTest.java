package io.glimmer.ddf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Doolittle's L of a symmetric positive definite matrix is the Cholesky factor with unit diagonal:
 * Lᵢⱼ = Cᵢⱼ / Cⱼⱼ (A = CC'), for seeded random matrices A = BB' + I.
 */
class DoolittleTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void lowerIsTheUnitCholeskyFactor(long seed) {
        Random rng = new Random(seed);
        int n = 2 + rng.nextInt(5);
        double[][] bm = new double[n][n];
        for (double[] row : bm) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += bm[i][k] * bm[j][k];
                }
            }
            a[i][i] += 1;
        }
        double[][] c = new org.hipparchus.linear.CholeskyDecomposition(DenseAlgebra.matrix(a)).getL().getData();
        double[][] l = Doolittle.lower(a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = j > i ? 0 : c[i][j] / c[j][j];
                if (Math.abs(expected) < 1e-6) {
                    expected = 0; // lmerTest's doolittle zeroes entries below its eps
                }
                assertEquals(expected, l[i][j], 1e-10, "L[" + i + "][" + j + "], seed " + seed);
            }
        }
    }
}
