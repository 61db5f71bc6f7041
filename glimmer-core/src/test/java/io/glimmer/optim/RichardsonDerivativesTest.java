package io.glimmer.optim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Richardson-extrapolated differences against analytic derivatives of smooth functions with seeded
 * random coefficients: f(x) = Σ aᵢ exp(bᵢxᵢ) + Σᵢ<ⱼ cᵢⱼ xᵢ²xⱼ, and g(x) = (sin(x₀x₁), x₀²x₂, exp(x₂)).
 * Relative 1e-7: numDeriv's accuracy with the same steps (the truncation left is of order h⁸). Where a
 * coordinate is 0 the step is numDeriv's absolute 1e-4, halved three times, and rounding (ε|f|/h² ≈ 1e-5
 * here) dominates instead: 1e-4 there, as numDeriv gets there too.
 */
class RichardsonDerivativesTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void hessianMatchesTheAnalyticOne(long seed) {
        Random rng = new Random(seed);
        int d = 3 + rng.nextInt(3);
        double[] a = new double[d];
        double[] b = new double[d];
        double[][] c = new double[d][d];
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            a[i] = rng.nextDouble() + 0.5;
            b[i] = rng.nextDouble() - 0.5;
            x[i] = rng.nextBoolean() ? 0 : rng.nextGaussian() * 3; // zero coordinates take numDeriv's absolute step
            for (int j = i + 1; j < d; j++) {
                c[i][j] = rng.nextGaussian();
            }
        }
        double[][] h = RichardsonDerivatives.hessian(v -> {
            double s = 0;
            for (int i = 0; i < d; i++) {
                s += a[i] * Math.exp(b[i] * v[i]);
                for (int j = i + 1; j < d; j++) {
                    s += c[i][j] * v[i] * v[i] * v[j];
                }
            }
            return s;
        }, x);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double exact;
                if (i == j) {
                    exact = a[i] * b[i] * b[i] * Math.exp(b[i] * x[i]);
                    for (int k = i + 1; k < d; k++) {
                        exact += 2 * c[i][k] * x[k];
                    }
                } else {
                    int lo = Math.min(i, j);
                    int hi = Math.max(i, j);
                    exact = 2 * c[lo][hi] * x[lo];
                }
                double tolerance = x[i] == 0 || x[j] == 0 ? 1e-4 : 1e-7;
                assertEquals(exact, h[i][j], tolerance * Math.max(1, Math.abs(exact)), "H[" + i + "][" + j + "], seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void jacobianMatchesTheAnalyticOne(long seed) {
        Random rng = new Random(seed);
        double[] x = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
        double[][] columns = RichardsonDerivatives.jacobian(v -> new double[] {Math.sin(v[0] * v[1]), v[0] * v[0] * v[2], Math.exp(v[2])}, x);
        double cos = Math.cos(x[0] * x[1]);
        double[][] exact = {
            {x[1] * cos, 2 * x[0] * x[2], 0},
            {x[0] * cos, 0, 0},
            {0, x[0] * x[0], Math.exp(x[2])}};
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(exact[i][k], columns[i][k], 1e-7 * Math.max(1, Math.abs(exact[i][k])), "d g" + k + " / d x" + i);
            }
        }
    }
}
