package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.error.InputException;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FitMonitor;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.options.MonteCarloSampler;
import io.glimmer.reference.Reference;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MCEM and MCNR against exact maximum likelihood: lme4's AGQ with 25 nodes on cbpp (reference/cbpp_agq25.json),
 * within 2 Monte Carlo standard errors of each estimate (the fit's own, I⁻¹VI⁻¹); reproducibility at any
 * thread count; stopping on request; and Laplace's bias on a crossed binary design.
 */
class MonteCarloEmTest {
    private static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";
    private static final String CROSSED = "y ~ 1 + (1 | female) + (1 | male)";

    private static MixedModelFit cbpp(Method method, Integer points, Long seed, MonteCarloSampler sampler, String link) {
        return Glimmer.fit(Reference.data("cbpp.csv"), CBPP, FitOptions.builder().family("binomial").link(link).factor("period").method(method)
                .agqPoints(points).seed(seed).sampler(sampler).build());
    }

    /** Each estimate (θ, then β) within 2 of the fit's Monte Carlo standard errors of the reference's. */
    static void withinTwoMonteCarloErrors(double[] theta, double[] beta, MixedModelFit fit) {
        double[] se = ((EstimatorDetails.MonteCarlo) fit.details()).monteCarloStandardErrors();
        assertEquals(theta.length + beta.length, se.length);
        for (int i = 0; i < theta.length; i++) {
            assertTrue(se[i] > 0 && se[i] < 0.05, "MC s.e. of theta " + se[i]);
            assertEquals(theta[i], fit.theta()[i], 2 * se[i], "theta " + i);
        }
        for (int j = 0; j < beta.length; j++) {
            double mcse = se[theta.length + j];
            assertTrue(mcse > 0 && mcse < 0.05 * fit.fixedEffects().get(j).stdError() + 0.01, "MC s.e. of beta " + mcse);
            assertEquals(beta[j], fit.fixedEffects().get(j).estimate(), 2 * mcse, "beta " + j);
        }
    }

    /** MCEM and MCNR by importance sampling, and MCEM by Metropolis-Hastings, on cbpp against lme4's AGQ(25). */
    @ParameterizedTest
    @CsvSource({"MCEM, importance, 1", "MCEM, importance, 3", "MCNR, importance, 1", "MCNR, importance, 2", "MCNR, importance, 3",
            "MCEM, metropolis, 3"})
    void cbppReachesLme4sQuadratureEstimates(String method, String sampler, long seed) {
        Reference ref = Reference.load("cbpp_agq25");
        double[] beta = ref.list("fixed_effects").stream().mapToDouble(f -> f.get("estimate").asDouble()).toArray();
        double[] theta = {ref.list("random_effects").get(0).get("std_dev").asDouble()};
        MixedModelFit fit = cbpp(Method.parse(method), null, seed, MonteCarloSampler.parse(sampler), null);
        withinTwoMonteCarloErrors(theta, beta, fit);
        for (int j = 0; j < beta.length; j++) { // Louis's standard errors (θ estimated too) against lme4's Hessian's
            double se = ref.list("fixed_effects").get(j).get("std_error").asDouble();
            assertEquals(se, fit.fixedEffects().get(j).stdError(), 0.05 * se, "se " + j);
        }
        // the likelihood at the estimates is not above the maximum (AGQ's, every constant included) beyond Monte Carlo error
        MixedModelFit agq = cbpp(Method.AGQ, 25, null, null, null);
        ImportanceSampledLikelihood is = fit.importanceSampled();
        assertEquals(is.logLikelihood(), fit.logLikelihood());
        assertTrue(is.effectiveSampleSize() > 5000, "ESS " + is.effectiveSampleSize()); // the likelihood is sized for 5,000 effective draws
        assertTrue(is.logLikelihood() < agq.logLikelihood() + 3 * is.standardError(), is + " vs " + agq.logLikelihood());
        EstimatorDetails.MonteCarlo details = (EstimatorDetails.MonteCarlo) fit.details();
        assertEquals(seed, details.seed());
        assertEquals(method, details.algorithm());
        assertEquals(sampler, details.sampler());
        assertTrue(fit.converged());
    }

    /** McCulloch's Gibbs sampler for the probit link: the probit cbpp model against quadrature (exact for a scalar intercept). */
    @Test
    void probitGibbsReachesTheQuadratureEstimates() {
        MixedModelFit agq = cbpp(Method.AGQ, 25, null, null, "probit");
        MixedModelFit fit = cbpp(Method.MCEM, null, 1L, MonteCarloSampler.GIBBS, "probit");
        withinTwoMonteCarloErrors(agq.theta(), agq.fixedEffects().stream().mapToDouble(f -> f.estimate()).toArray(), fit);
        assertEquals("gibbs", ((EstimatorDetails.MonteCarlo) fit.details()).sampler());
    }

    @Test
    void sameSeedSameBits() {
        MixedModelFit a = cbpp(Method.MCEM, null, 11L, null, null);
        MixedModelFit b = cbpp(Method.MCEM, null, 11L, null, null);
        assertEquals(a.fixedEffects(), b.fixedEffects());
        assertEquals(a.importanceSampled(), b.importanceSampled());
        assertEquals(a.theta()[0], b.theta()[0]);
    }

    /** One thread or four: the same bits, for every sampler (chunks have their own generators and are merged in order). */
    @ParameterizedTest
    @CsvSource({"false, importance", "true, importance", "false, metropolis"})
    void threadCountDoesNotChangeABit(boolean newtonRaphson, String sampler) throws Exception {
        PreparedModel model = PreparedModel.of(cbpp(Method.LAPLACE, null, null, null, null));
        MixedModelFit laplace = new GeneralizedLinearMixedModel(model.scaledDesign(), model.response(), model.family(), 1).fit();
        MonteCarloSampler kind = MonteCarloSampler.parse(sampler);
        MixedModelFit one = new MonteCarloEm(model.scaledDesign(), model.response(), model.family(), newtonRaphson, kind, DrawRunner.SEQUENTIAL)
                .fit(laplace, 5, FitMonitor.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            DrawRunner four = (count, body) -> {
                List<Future<?>> tasks = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int c = i;
                    tasks.add(pool.submit(() -> body.accept(c)));
                }
                for (Future<?> t : tasks) {
                    try {
                        t.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            MixedModelFit many = new MonteCarloEm(model.scaledDesign(), model.response(), model.family(), newtonRaphson, kind, four)
                    .fit(laplace, 5, FitMonitor.NONE);
            assertEquals(one.fixedEffects(), many.fixedEffects());
            assertArrayEquals(one.theta(), many.theta());
            assertEquals(one.importanceSampled(), many.importanceSampled());
            assertArrayEquals(((EstimatorDetails.MonteCarlo) one.details()).monteCarloStandardErrors(),
                    ((EstimatorDetails.MonteCarlo) many.details()).monteCarloStandardErrors());
        } finally {
            pool.shutdown();
        }
    }

    /** A monitor that asks to stop (as Ctrl-C does on the command line) ends the fit at its last iteration, with a warning. */
    @Test
    void stopsOnRequestWithTheEstimatesSoFar() {
        int[] seen = new int[1];
        FitMonitor stopAfterOne = new FitMonitor() {
            @Override
            public void iteration(String method, int iteration, int samples, double change) {
                seen[0] = iteration;
                assertEquals("MCEM", method);
                assertTrue(samples >= 500 && change >= 0);
            }

            @Override
            public boolean stopRequested() {
                return seen[0] >= 1;
            }
        };
        FitOptions options = FitOptions.builder().family("binomial").factor("period").method(Method.MCEM).seed(2L).build();
        DataFrame data = CsvReader.read(Reference.data("cbpp.csv"), CsvOptions.builder().factors(options.factors()).build());
        MixedModelFit fit = Glimmer.prepare(data, CBPP, options).fit(stopAfterOne);
        assertFalse(fit.converged());
        assertEquals(1, ((EstimatorDetails.MonteCarlo) fit.details()).iterations());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.contains("stopped by request after 1 iterations")), fit.warnings().toString());
        assertTrue(Double.isFinite(fit.logLikelihood()));
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
    void refusesDispersionFamiliesStraySeedsAndSamplers() {
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(Reference.data("sleepstudy.csv"), "Reaction ~ Days + (1 | Subject)",
                FitOptions.builder().method(Method.MCEM).build()));
        assertTrue(e.getMessage().contains("use method(ML)"), e.getMessage());
        e = assertThrows(InputException.class, () -> cbpp(Method.LAPLACE, null, 3L, null, null));
        assertTrue(e.getMessage().contains("seed applies to method(MCEM) and method(MCNR)"), e.getMessage());
        e = assertThrows(InputException.class, () -> cbpp(Method.AGQ, 5, null, MonteCarloSampler.METROPOLIS, null));
        assertTrue(e.getMessage().contains("sampler(...) applies to method(MCEM) and method(MCNR), not AGQ"), e.getMessage());
        e = assertThrows(InputException.class, () -> cbpp(Method.MCNR, null, 1L, MonteCarloSampler.GIBBS, null));
        assertTrue(e.getMessage().contains("sampler(gibbs) is McCulloch's sampler for the binomial family with the probit link"), e.getMessage());
    }
}
