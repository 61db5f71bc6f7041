package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.reference.Reference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The importance-sampled log-likelihood against exact values: adaptive quadrature with 25 nodes for a
 * scalar random intercept (where it is exact to many digits), and the closed form of a linear mixed model.
 */
class ImportanceSamplingTest {
    static MixedModelFit cbpp(Method method, Integer points) {
        return Glimmer.fit(Reference.data("cbpp.csv"), "cbind(incidence, size - incidence) ~ period + (1 | herd)",
                FitOptions.builder().family("binomial").method(method).agqPoints(points).factor("period").build());
    }

    private static ImportanceSampledLikelihood sampled(MixedModelFit fit, int samples, long seed, int df) {
        return PreparedModel.of(fit).withImportanceSampledLikelihood(fit, samples, seed, df).importanceSampled();
    }

    /** At AGQ(25)'s estimates the integral is AGQ(25)'s log-likelihood: IS must agree within 3 Monte Carlo standard errors. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void cbppMatchesQuadratureWithinItsStandardError(long seed) {
        MixedModelFit agq = cbpp(Method.AGQ, 25);
        for (int df : new int[]{0, 4}) {
            ImportanceSampledLikelihood is = sampled(agq, 4000, seed, df);
            assertTrue(is.standardError() > 0 && is.standardError() < 0.02, "s.e. " + is.standardError());
            assertEquals(agq.logLikelihood(), is.logLikelihood(), 3 * is.standardError(), "df " + df + " seed " + seed);
            assertTrue(is.effectiveSampleSize() > 0.5 * is.samples(), "ESS " + is.effectiveSampleSize());
        }
    }

    /** p(b | y) of a linear mixed model is exactly the Gaussian proposal: every weight is the likelihood. */
    @Test
    void linearMixedModelIsExactWithTheGaussianProposal() {
        MixedModelFit ml = Glimmer.fit(Reference.data("sleepstudy.csv"), "Reaction ~ Days + (Days | Subject)", FitOptions.builder().method(Method.ML).build());
        ImportanceSampledLikelihood is = sampled(ml, 200, 7, 0);
        assertEquals(ml.logLikelihood(), is.logLikelihood(), 1e-8);
        assertTrue(is.standardError() < 1e-9);
        assertEquals(200, is.effectiveSampleSize(), 1e-6);
        ImportanceSampledLikelihood t = sampled(ml, 20000, 7, 5);
        assertEquals(ml.logLikelihood(), t.logLikelihood(), 3 * t.standardError());
    }

    /** A vector random effect (1 + x | g): adaptive quadrature with 15 points per axis is the exact integral here too. */
    @Test
    void vectorEffectMatchesQuadrature() {
        MixedModelFit agq = Glimmer.fit(SimulatedBinary.generate(11, 60, 8), "y ~ x + (1 + x | g)",
                FitOptions.builder().family("binomial").method(Method.AGQ).agqPoints(15).build());
        ImportanceSampledLikelihood is = sampled(agq, 4000, 5, 0);
        assertEquals(agq.logLikelihood(), is.logLikelihood(), 3 * is.standardError());
        assertTrue(is.standardError() < 0.05, "s.e. " + is.standardError());
    }

    @Test
    void sameSeedSameBits() {
        MixedModelFit fit = cbpp(Method.LAPLACE, null);
        ImportanceSampledLikelihood a = sampled(fit, 500, 42, 0);
        ImportanceSampledLikelihood b = sampled(fit, 500, 42, 0);
        assertEquals(a, b);
        assertTrue(a.logLikelihood() != sampled(fit, 500, 43, 0).logLikelihood());
    }

    @Test
    void refusesRemlAndDispersionFamilies() {
        MixedModelFit reml = Glimmer.fit(Reference.data("sleepstudy.csv"), "Reaction ~ Days + (1 | Subject)");
        InputException e = assertThrows(InputException.class, () -> sampled(reml, 100, 1, 0));
        assertTrue(e.getMessage().contains("use method(ML)"), e.getMessage());
        MixedModelFit fit = cbpp(Method.LAPLACE, null);
        e = assertThrows(InputException.class, () -> sampled(fit, 1, 1, 0));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }
}
