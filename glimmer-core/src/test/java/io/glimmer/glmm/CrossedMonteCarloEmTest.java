package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.options.MonteCarloSampler;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

/**
 * MCEM with the Metropolis E-step on crossed random intercepts (crossed_binomial_sim.csv, 100 subjects ×
 * 12 items, 30 trials a cell, made by reference/r/montecarlo_crossed_lme4.R). The reference is lme4's
 * Laplace fit in that file: with 360 trials a subject and 3,000 an item p(u | y) is near Gaussian, and
 * Laplace's error in the estimates, O(levels / trials per level) relative to the standard errors, is
 * below 1% of a standard error. So each estimate must be within 2 of its Monte Carlo standard errors
 * plus 0.01 of its statistical standard error of lme4's (for θ, 0.01 × 0.1, θ's standard errors being
 * above 0.1 here). And MCEM must not lower the true likelihood: the importance-sampled log-likelihood at
 * its estimates is at least that at Laplace's less 3 Monte Carlo standard errors. Before the ridge
 * move and the centred Louis information this fit took 40 iterations to 40,000 draws (6 minutes), and
 * Louis's information was not positive definite (no Monte Carlo standard errors).
 */
class CrossedMonteCarloEmTest {
    private static final String FORMULA = "cbind(y, n - y) ~ anger + btype + (1 | id) + (1 | item)";

    @Test
    void reachesTheMaximumAndImprovesOnLaplacesLikelihood() {
        JsonNode ref = Reference.load("montecarlo_crossed_lme4").json().get("cases").get(0);
        FitOptions laplaceOptions = FitOptions.builder().family("binomial").factor("id").factor("item").factor("btype").build();
        DataFrame data = CsvReader.read(Reference.data("crossed_binomial_sim.csv"), CsvOptions.builder().factors(laplaceOptions.factors()).build());
        MixedModelFit fit = Glimmer.fit(data, FORMULA, laplaceOptions.toBuilder().method(Method.MCEM).seed(1L).sampler(MonteCarloSampler.METROPOLIS).build());
        assertTrue(fit.converged());
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString()); // Louis's information positive definite
        double[] mcse = ((EstimatorDetails.MonteCarlo) fit.details()).monteCarloStandardErrors();
        for (int i = 0; i < 2; i++) {
            double theta = ref.get("theta").get(i).asDouble();
            assertEquals(theta, fit.theta()[i], 2 * mcse[i] + 0.001, "theta " + i);
        }
        for (int j = 0; j < fit.fixedEffects().size(); j++) {
            JsonNode f = ref.get("fixed_effects").get(j);
            double tolerance = 2 * mcse[2 + j] + 0.01 * f.get("std_error").asDouble();
            assertEquals(f.get("estimate").asDouble(), fit.fixedEffects().get(j).estimate(), tolerance, f.get("term").asText());
            assertEquals(f.get("std_error").asDouble(), fit.fixedEffects().get(j).stdError(), 0.05 * f.get("std_error").asDouble(), "se " + j);
        }
        MixedModelFit laplace = Glimmer.fit(data, FORMULA, laplaceOptions);
        ImportanceSampledLikelihood atLaplace = PreparedModel.of(laplace).withImportanceSampledLikelihood(laplace, 5000, 9, 0).importanceSampled();
        ImportanceSampledLikelihood atMcem = fit.importanceSampled();
        assertTrue(atMcem.logLikelihood() >= atLaplace.logLikelihood() - 3 * Math.hypot(atMcem.standardError(), atLaplace.standardError()),
                atMcem + " vs " + atLaplace);
    }
}
