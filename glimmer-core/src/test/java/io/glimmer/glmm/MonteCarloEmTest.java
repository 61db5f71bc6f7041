package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.reference.Reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Monte Carlo EM against exact maximum likelihood (AGQ 25 on cbpp) and against Laplace's bias on a crossed binary design. */
class MonteCarloEmTest {
    private static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";
    private static final String CROSSED = "y ~ 1 + (1 | female) + (1 | male)";

    private static MixedModelFit cbpp(Method method, Integer points, Long seed) {
        return Glimmer.fit(Reference.data("cbpp.csv"), CBPP,
                FitOptions.builder().family("binomial").factor("period").method(method).agqPoints(points).seed(seed).build());
    }

    /**
     * MCEM's estimates equal AGQ(25)'s maximum-likelihood estimates (exact for a scalar intercept) up to
     * Monte Carlo error. The tolerance, 0.1 statistical standard errors, is justified thus: the final
     * draws have an effective size above 5,000, so the Monte Carlo error of an EM fixed point is at most
     * SE·√(missing fraction / ESS) ≈ 0.015 SE; the stopping rule (ascent below ε = 10⁻³ in log-likelihood
     * with 90% confidence) leaves at most about √(2ε) ≈ 0.045 SE. Measured on seeds 1-4: at most 0.02 SE
     * for β and 0.004 in θ (0.02 of its standard error of about 0.18).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void cbppReachesTheQuadratureEstimates(long seed) {
        MixedModelFit agq = cbpp(Method.AGQ, 25, null);
        MixedModelFit mcem = cbpp(Method.MCEM, null, seed);
        for (int j = 0; j < agq.fixedEffects().size(); j++) {
            double se = agq.fixedEffects().get(j).stdError();
            assertEquals(agq.fixedEffects().get(j).estimate(), mcem.fixedEffects().get(j).estimate(), 0.1 * se, "beta " + j);
            // Louis's standard errors (β block) within 5% of the Hessian's
            assertEquals(se, mcem.fixedEffects().get(j).stdError(), 0.05 * se, "se " + j);
        }
        assertEquals(agq.theta()[0], mcem.theta()[0], 0.02);
        ImportanceSampledLikelihood is = mcem.importanceSampled();
        assertEquals(is.logLikelihood(), mcem.logLikelihood());
        assertTrue(is.effectiveSampleSize() > 5000, "ESS " + is.effectiveSampleSize());
        // the likelihood at MCEM's estimates is not above the maximum (AGQ's) beyond Monte Carlo error
        assertTrue(is.logLikelihood() < agq.logLikelihood() + 3 * is.standardError(), is + " vs " + agq.logLikelihood());
        EstimatorDetails.MonteCarlo details = (EstimatorDetails.MonteCarlo) mcem.details();
        assertEquals(seed, details.seed());
        assertTrue(mcem.converged());
    }

    @Test
    void sameSeedSameBits() {
        MixedModelFit a = cbpp(Method.MCEM, null, 11L);
        MixedModelFit b = cbpp(Method.MCEM, null, 11L);
        assertEquals(a.fixedEffects(), b.fixedEffects());
        assertEquals(a.importanceSampled(), b.importanceSampled());
        assertEquals(a.theta()[0], b.theta()[0]);
    }

    /**
     * Crossed binary design with few observations per level, where Laplace shrinks the variance
     * components: MCEM's are larger, and the likelihood (by importance sampling) at MCEM's estimates
     * is not below that at Laplace's beyond Monte Carlo error (in practice clearly above it).
     */
    @Test
    void crossedBinaryVarianceComponentsExceedLaplaceAndFitBetter() {
        DataFrame data = SalamanderDesign.generate(1);
        MixedModelFit laplace = Glimmer.fit(data, CROSSED, FitOptions.builder().family("binomial").build());
        MixedModelFit mcem = Glimmer.fit(data, CROSSED, FitOptions.builder().family("binomial").method(Method.MCEM).seed(1L).build());
        for (int i = 0; i < 2; i++) {
            assertTrue(mcem.theta()[i] > laplace.theta()[i], "theta " + i + ": " + mcem.theta()[i] + " vs Laplace " + laplace.theta()[i]);
        }
        ImportanceSampledLikelihood atLaplace = PreparedModel.of(laplace).withImportanceSampledLikelihood(laplace, 5000, 9, 0).importanceSampled();
        ImportanceSampledLikelihood atMcem = mcem.importanceSampled();
        double se = Math.hypot(atLaplace.standardError(), atMcem.standardError());
        assertTrue(atMcem.logLikelihood() > atLaplace.logLikelihood() - 2 * se, atMcem + " vs " + atLaplace);
        // and Laplace's own value is below the integral it approximates (its known bias for binary data)
        assertTrue(laplace.logLikelihood() < atLaplace.logLikelihood() - 3 * atLaplace.standardError());
    }

    @Test
    void refusesDispersionFamiliesAndStraySeeds() {
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(Reference.data("sleepstudy.csv"), "Reaction ~ Days + (1 | Subject)",
                FitOptions.builder().method(Method.MCEM).build()));
        assertTrue(e.getMessage().contains("use method(ML)"), e.getMessage());
        e = assertThrows(InputException.class, () -> cbpp(Method.LAPLACE, null, 3L));
        assertTrue(e.getMessage().contains("seed applies to method(MCEM)"), e.getMessage());
    }
}
