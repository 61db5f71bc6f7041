package io.glimmer.glmm;

import io.glimmer.response.Response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;

import org.junit.jupiter.api.Test;

/**
 * Adaptive quadrature for a vector-valued random effect (1 + x | g), beyond lme4: against a
 * brute-force two-dimensional integral, equal to Laplace with one node, and recovering simulated
 * parameters.
 */
class AdaptiveQuadratureTest {
    private static final double[] THETA = {0.9, 0.15, 0.45};
    private static final double[] BETA = {-0.4, 0.9};

    private static GeneralizedLinearMixedModel model(DataFrame data, int points) {
        Formula f = Formula.parse("y ~ x + (1 + x | g)");
        Design design = Design.of(data, f, null);
        Family family = Family.of("binomial", null);
        return new GeneralizedLinearMixedModel(design, Response.of(design.frame(), f.response(), family, null), family, points);
    }

    private static double[][] zeros(GeneralizedLinearMixedModel m, int levels) {
        return new double[][]{new double[levels * 2]};
    }

    /** −2 log-likelihood by a fine fixed grid over each group's two spherical effects. */
    private static double bruteForce(DataFrame data, int groups, int perGroup) {
        double[] y = ((io.glimmer.data.NumericColumn) data.column("y")).values();
        double[] x = ((io.glimmer.data.NumericColumn) data.column("x")).values();
        double l00 = THETA[0];
        double l10 = THETA[1];
        double l11 = THETA[2];
        int grid = 241;
        double lo = -8;
        double step = 16.0 / (grid - 1);
        double total = 0;
        for (int i = 0; i < groups; i++) {
            double sum = 0;
            for (int a = 0; a < grid; a++) {
                double b0 = lo + a * step;
                for (int c = 0; c < grid; c++) {
                    double b1 = lo + c * step;
                    double u0 = l00 * b0;
                    double u1 = l10 * b0 + l11 * b1;
                    double ll = 0;
                    for (int j = 0; j < perGroup; j++) {
                        int r = i * perGroup + j;
                        double eta = BETA[0] + BETA[1] * x[r] + u0 + u1 * x[r];
                        double p = 1 / (1 + Math.exp(-eta));
                        ll += y[r] == 1 ? Math.log(p) : Math.log1p(-p);
                    }
                    sum += Math.exp(ll - (b0 * b0 + b1 * b1) / 2) / (2 * Math.PI) * step * step;
                }
            }
            total += -2 * Math.log(sum);
        }
        return total;
    }

    @Test
    void convergesToTheIntegralAsNodesGrow() {
        int groups = 12;
        int per = 6;
        DataFrame data = SimulatedBinary.generate(11, groups, per);
        double exact = bruteForce(data, groups, per);
        double previousError = Double.POSITIVE_INFINITY;
        for (int points : new int[]{1, 3, 7, 15}) {
            GeneralizedLinearMixedModel m = model(data, points);
            double dev = m.deviance(THETA, BETA, zeros(m, groups));
            double error = Math.abs(dev - exact);
            assertTrue(error < previousError * 1.05 || error < 1e-6,
                    points + " nodes: error " + error + " did not shrink from " + previousError);
            previousError = error;
        }
        assertTrue(previousError < 1e-4, "15 nodes per dimension should be within 1e-4 of the integral; error " + previousError);
    }

    @Test
    void oneNodeEqualsLaplace() {
        DataFrame data = SimulatedBinary.generate(5, 20, 5);
        GeneralizedLinearMixedModel laplace = model(data, 1);
        double expected = laplace.deviance(THETA, BETA, zeros(laplace, 20));
        AdaptiveQuadratureProbe probe = new AdaptiveQuadratureProbe(data);
        assertEquals(expected, probe.oneNodeDeviance(THETA, BETA), 1e-8 * Math.abs(expected));
    }

    @Test
    void recoversSimulatedParameters() {
        DataFrame data = SimulatedBinary.generate(2024, 400, 12);
        MixedModelFit fit = Glimmer.fit(data, "y ~ x + (1 + x | g)",
                FitOptions.builder().family("binomial").method(Method.AGQ).agqPoints(5).build());
        assertEquals(SimulatedBinary.BETA0, fit.beta("(Intercept)"), 3 * fit.fixedEffects().get(0).stdError());
        assertEquals(SimulatedBinary.BETA1, fit.beta("x"), 3 * fit.fixedEffects().get(1).stdError());
        assertEquals(SimulatedBinary.SD0, fit.randomEffects().get(0).stdDev(), 0.25);
        assertEquals(SimulatedBinary.SD1, fit.randomEffects().get(1).stdDev(), 0.25);
        assertEquals("AGQ", fit.method());
        assertEquals(5, fit.nAGQ());
        assertEquals(SimulatedBinary.RHO, fit.correlations().get(0).correlation(), 0.35);
        assertTrue(fit.converged());
    }

    @Test
    void quadratureNeedsASingleTerm() {
        DataFrame data = SimulatedBinary.generate(1, 10, 4);
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(data, "y ~ x + (1 | g) + (0 + x | g)",
                FitOptions.builder().family("binomial").method(Method.AGQ).agqPoints(5).build()));
        assertTrue(e.getMessage().contains("single random-effects term"), e.getMessage());
    }
}
