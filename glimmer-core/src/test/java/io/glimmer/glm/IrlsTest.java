package io.glimmer.glm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.error.GlimmerException;
import io.glimmer.design.ModelMatrix;
import io.glimmer.family.Family;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one GLM fitter: score equations at the fit, least squares for the Gaussian, offset, no columns, singular X. */
class IrlsTest {
    private static final int N = 300;

    /** Intercept, a normal covariate and a 0/1 covariate. */
    private static double[] x(SplittableRandom rnd) {
        double[] x = new double[N * 3];
        for (int r = 0; r < N; r++) {
            x[3 * r] = 1;
            x[3 * r + 1] = rnd.nextDouble() * 2 - 1;
            x[3 * r + 2] = rnd.nextInt(2);
        }
        return x;
    }

    private static ModelMatrix matrix(double[] x, int p) {
        return new ModelMatrix(List.of("a", "b", "c").subList(0, p), x, x.length / p);
    }

    /** y drawn from the family at η = offset + 0.3 + 0.8 x1 − 0.5 x2 (binomial: s of m trials as proportions). */
    private static double[][] data(SplittableRandom rnd, Family family, double[] x, double[] offset) {
        double[] y = new double[N];
        double[] w = new double[N];
        for (int r = 0; r < N; r++) {
            double mu = family.mu(offset[r] + 0.3 + 0.8 * x[3 * r + 1] - 0.5 * x[3 * r + 2]);
            switch (family.distribution().name()) {
                case "binomial" -> {
                    int m = 1 + rnd.nextInt(8);
                    int s = 0;
                    for (int k = 0; k < m; k++) {
                        s += rnd.nextDouble() < mu ? 1 : 0;
                    }
                    y[r] = (double) s / m;
                    w[r] = m;
                }
                case "poisson" -> {
                    int k = 0;
                    for (double t = -Math.log(1 - rnd.nextDouble()); t < mu; t -= Math.log(1 - rnd.nextDouble())) {
                        k++;
                    }
                    y[r] = k;
                    w[r] = 1;
                }
                default -> {
                    y[r] = mu * (0.5 + rnd.nextDouble());
                    w[r] = 1 + rnd.nextInt(3);
                }
            }
        }
        return new double[][]{y, w};
    }

    /** At the fit X'W(y − μ)/(dμ/dη) = Σ w_r (y_r − μ_r) dμ/dη / V(μ) x_r = 0. */
    @ParameterizedTest
    @CsvSource({"11, binomial, logit", "12, binomial, probit", "13, binomial, cloglog", "14, poisson, log",
        "15, poisson, sqrt", "16, Gamma, log", "17, gaussian, log", "18, inverse.gaussian, log"})
    void scoreIsZeroAtTheFit(long seed, String family, String link) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Family f = Family.of(family, link);
        double[] x = x(rnd);
        double[] offset = new double[N];
        for (int r = 0; r < N; r++) {
            offset[r] = 0.2 * (rnd.nextDouble() - 0.5);
        }
        double[][] yw = data(rnd, f, x, offset);
        GlmFit fit = Irls.start(matrix(x, 3), offset, yw[0], yw[1], f, "the test");
        assertTrue(fit.converged());
        double[] score = new double[3];
        for (int r = 0; r < N; r++) {
            double eta = offset[r] + fit.beta()[0] * x[3 * r] + fit.beta()[1] * x[3 * r + 1] + fit.beta()[2] * x[3 * r + 2];
            assertEquals(eta, fit.eta()[r], 1e-12);
            double mu = f.mu(eta);
            double u = yw[1][r] * (yw[0][r] - mu) * f.muEta(eta) / f.variance(mu);
            for (int j = 0; j < 3; j++) {
                score[j] += u * x[3 * r + j];
            }
        }
        assertArrayEquals(new double[3], score, 1e-8 * N);
    }

    /** Gaussian identity: weighted least squares of y − offset in one step. */
    @Test
    void gaussianIdentityIsWeightedLeastSquares() {
        double[] x = {1, 0, 1, 1, 1, 2, 1, 3};
        double[] y = {1, 2.5, 2.9, 4.8};
        double[] w = {1, 2, 1, 3};
        double[] offset = {0.5, 0, -0.5, 0};
        GlmFit fit = Irls.start(matrix(x, 2), offset, y, w, Family.of("gaussian", "identity"), "the test");
        // normal equations of Σ w (y − o − a − b t)², solved by hand
        double sw = 7, st = 0 + 2 + 2 + 9, stt = 0 + 2 + 4 + 27, sz = 0.5 + 5 + 3.4 + 14.4, stz = 0 + 5 + 6.8 + 43.2;
        double b = (sw * stz - st * sz) / (sw * stt - st * st);
        double a = (sz - b * st) / sw;
        assertArrayEquals(new double[]{a, b}, fit.beta(), 1e-12);
        assertEquals(a + b * 3, fit.eta()[3], 1e-12);
    }

    @Test
    void noColumnsLeavesTheOffset() {
        double[] offset = {0.1, -0.2, 0.3};
        GlmFit fit = Irls.start(new ModelMatrix(List.of(), new double[0], 3), offset, new double[]{1, 0, 1},
                new double[]{1, 1, 1}, Family.of("binomial", "logit"), "the test");
        assertArrayEquals(offset, fit.eta(), 0);
    }

    @Test
    void singularColumnsAreRefusedNamingThePurpose() {
        double[] x = {1, 2, 1, 2, 1, 2};
        GlimmerException e = assertThrows(GlimmerException.class, () -> Irls.start(new ModelMatrix(List.of("a", "b"), x, 3), null,
                new double[]{1, 2, 3}, new double[]{1, 1, 1}, Family.of("poisson", "log"), "the start of the test"));
        assertEquals("the generalized linear model without random effects (the start of the test) could not be fitted", e.getMessage());
    }
}
