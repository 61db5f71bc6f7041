package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glimmer.optim.FiniteDifferences;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScaledCoordinatesTest {

    /** A seeded covariance V = A A' + I/10 (standard errors below 1, so no row is capped). */
    private static double[][] covariance(SplittableRandom rng, int p) {
        double[][] a = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                a[i][j] = rng.nextDouble(-0.3, 0.3) / (i + 1);
            }
        }
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                for (int t = 0; t < p; t++) {
                    v[i][j] += a[i][t] * a[j][t];
                }
            }
            v[i][i] += 0.1;
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void roundTripAndCentre(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int nt = 1 + rng.nextInt(3);
        int p = 1 + rng.nextInt(6);
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = rng.nextDouble(-3, 3);
        }
        double[] theta = new double[nt];
        double[] scale = new double[nt];
        for (int i = 0; i < nt; i++) {
            theta[i] = rng.nextDouble(0, 2);
            scale[i] = rng.nextDouble(0.01, 0.5);
        }
        ScaledCoordinates c = ScaledCoordinates.of(theta, scale, beta, covariance(rng, p));
        double[] x = new double[nt + p];
        for (int i = 0; i < nt + p; i++) {
            x[i] = rng.nextDouble(-5, 5);
        }
        assertArrayEquals(x, c.toModel(c.toScaled(x)), 1e-12);
        assertArrayEquals(new double[nt + p], c.toScaled(concat(theta, beta)), 1e-12);
        double[] zLower = c.lower(new double[nt]);
        double[] zUpper = c.upper(filled(nt, Double.POSITIVE_INFINITY));
        for (int i = 0; i < nt; i++) {
            assertEquals(-theta[i] / scale[i], zLower[i], 1e-12); // θ = 0 is τ = −θ₁/s
            assertEquals(Double.POSITIVE_INFINITY, zUpper[i]);
        }
        for (int i = nt; i < nt + p; i++) {
            assertEquals(Double.NEGATIVE_INFINITY, zLower[i]);
            assertEquals(Double.POSITIVE_INFINITY, zUpper[i]);
        }
    }

    /** For the deviance (β − β*)' V⁻¹ (β − β*) the scaled coordinates have Hessian 2I. */
    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void unitCurvatureInTheScaledCoordinates(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int p = 2 + rng.nextInt(4);
        double[][] v = covariance(rng, p);
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = rng.nextDouble(-1, 1);
        }
        ScaledCoordinates c = ScaledCoordinates.of(new double[0], new double[0], beta, v);
        // V⁻¹ via the identity: solve V w = r column by column through the scaled map is circular, so
        // use Hipparchus directly as the independent reference.
        double[][] vInverse = org.hipparchus.linear.MatrixUtils.inverse(org.hipparchus.linear.MatrixUtils.createRealMatrix(v)).getData();
        FiniteDifferences d = FiniteDifferences.at(z -> {
            double[] b = c.toModel(z);
            double s = 0;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    s += (b[i] - 0.5) * vInverse[i][j] * (b[j] - 0.5);
                }
            }
            return s;
        }, new double[p], 1e-3);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                assertEquals(i == j ? 2 : 0, d.hessian()[i][j], 1e-6, "H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void withoutAUsableCovarianceBetaIsOnlyShifted() {
        double[] beta = {1, 2};
        for (double[][] bad : new double[][][]{null, {{1, 2}, {2, 1}}, {{Double.NaN, 0}, {0, 1}}}) {
            ScaledCoordinates c = ScaledCoordinates.of(new double[]{0.3}, new double[]{Double.NaN}, beta, bad);
            assertArrayEquals(new double[]{0.8, 1.5, 2.5}, c.toModel(new double[]{0.5, 0.5, 0.5}), 0);
        }
    }

    /** No scale above 1: standard errors above 1 (and θ scales) are capped, a direction searched no wider than in model units. */
    @Test
    void scalesAreCappedAtOne() {
        ScaledCoordinates c = ScaledCoordinates.of(new double[]{1, 1}, new double[]{5, 0.25}, new double[]{0, 0},
                new double[][]{{100, 0}, {0, 0.04}});
        assertArrayEquals(new double[]{2, 1.25, 1, 0.2}, c.toModel(new double[]{1, 1, 1, 1}), 1e-15);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
