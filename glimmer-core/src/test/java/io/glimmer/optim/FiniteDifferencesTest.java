package io.glimmer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FiniteDifferencesTest {

    /** A seeded quadratic c + g'x + ½x'Ax in d dimensions: every difference is exact up to rounding. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void quadraticsAreExact(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = 2 + rng.nextInt(7);
        double[][] a = new double[d][d];
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = rng.nextDouble(-5, 5);
            for (int j = 0; j <= i; j++) {
                a[i][j] = rng.nextDouble(-3, 3);
                a[j][i] = a[i][j];
            }
        }
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = rng.nextDouble(-2, 2);
        }
        AtomicInteger calls = new AtomicInteger();
        ToDoubleFunction<double[]> f = v -> {
            calls.incrementAndGet();
            double s = 1.5;
            for (int i = 0; i < d; i++) {
                s += g[i] * v[i];
                for (int j = 0; j < d; j++) {
                    s += 0.5 * v[i] * a[i][j] * v[j];
                }
            }
            return s;
        };
        FiniteDifferences fd = FiniteDifferences.at(f, x, 1e-4);
        assertEquals(FiniteDifferences.evaluations(d), calls.get());
        assertEquals(f.applyAsDouble(x), fd.value(), 0);
        for (int i = 0; i < d; i++) {
            double gradient = g[i];
            for (int j = 0; j < d; j++) {
                gradient += a[i][j] * x[j];
                // rounding of f (~1e-15 · |f|) divided by h² = 1e-8
                assertEquals(a[i][j], fd.hessian()[i][j], 1e-5, "H[" + i + "][" + j + "]");
                assertEquals(fd.hessian()[i][j], fd.hessian()[j][i], 0);
            }
            assertEquals(gradient, fd.gradient()[i], 1e-8, "g[" + i + "]");
        }
    }

    /** exp(a'x) + x0²x1 + sin(x1x2): each entry within a constant times h² of the analytic value, and the error falls as h². */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void smoothFunctionsToSecondOrder(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = {0.3, -0.2, 0.1};
        double[] x = {rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1)};
        ToDoubleFunction<double[]> f = v -> Math.exp(w[0] * v[0] + w[1] * v[1] + w[2] * v[2]) + v[0] * v[0] * v[1] + Math.sin(v[1] * v[2]);
        double e = Math.exp(w[0] * x[0] + w[1] * x[1] + w[2] * x[2]);
        double sin = Math.sin(x[1] * x[2]);
        double cos = Math.cos(x[1] * x[2]);
        double[][] hessian = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                hessian[i][j] = w[i] * w[j] * e;
            }
        }
        hessian[0][0] += 2 * x[1];
        hessian[0][1] += 2 * x[0];
        hessian[1][0] += 2 * x[0];
        hessian[1][1] -= x[2] * x[2] * sin;
        hessian[1][2] += cos - x[1] * x[2] * sin;
        hessian[2][1] += cos - x[1] * x[2] * sin;
        hessian[2][2] -= x[1] * x[1] * sin;
        double[] gradient = {w[0] * e + 2 * x[0] * x[1], w[1] * e + x[0] * x[0] + x[2] * cos, w[2] * e + x[1] * cos};

        FiniteDifferences lme4Step = FiniteDifferences.at(f, x, 1e-4);
        FiniteDifferences coarse = FiniteDifferences.at(f, x, 2e-2);
        FiniteDifferences finer = FiniteDifferences.at(f, x, 1e-2);
        double coarseError = 0;
        double finerError = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(gradient[i], lme4Step.gradient()[i], 1e-7);
            for (int j = 0; j < 3; j++) {
                // truncation ~ h² · (fourth derivatives ≤ ~5) plus rounding ~1e-16/h²
                assertEquals(hessian[i][j], lme4Step.hessian()[i][j], 1e-6, "H[" + i + "][" + j + "]");
                assertEquals(hessian[i][j], coarse.hessian()[i][j], 5 * 2e-2 * 2e-2);
                coarseError = Math.max(coarseError, Math.abs(coarse.hessian()[i][j] - hessian[i][j]));
                finerError = Math.max(finerError, Math.abs(finer.hessian()[i][j] - hessian[i][j]));
            }
        }
        // second order: halving h divides the largest error by about 4
        assertTrue(finerError < coarseError / 3 && finerError > coarseError / 5, coarseError + " -> " + finerError);
    }
}
