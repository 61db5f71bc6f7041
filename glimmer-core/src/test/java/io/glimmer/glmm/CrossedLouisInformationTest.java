package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.model.PreparedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.reference.Reference;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Louis's information on crossed random intercepts (crossed_binomial_sim.csv: 100 subjects × 12 items,
 * 30 trials a cell; made with lme4's fit by reference/r/montecarlo_crossed_lme4.R). With that many trials
 * a level p(u | y) is near Gaussian and lme4's Laplace fit is accurate, so its estimates are (to well
 * within the standard errors) the maximum and its Hessian-based standard errors the observed
 * information's: the reference. From Metropolis draws at those estimates, the plain Louis estimate
 * E[−H] − Var[S] of the intercept's information is a difference of two numbers near 7,000 whose true
 * value is about 14, so Monte Carlo error makes it indefinite or far off; in the centred parameterisation it is
 * positive definite and its β standard errors are lme4's within 5%. Why 5%: the Monte Carlo relative
 * error of the centred information is about √(2 × missing fraction / ESS) with the level means' missing
 * fraction below 0.8 and ESS over 1,000 here, so about 4% at 1σ in the worst entry (the intercept and
 * the item-level btype, which rest on only 12 items), and Laplace's own error is O(levels / trials) ≪ 1%.
 */
class CrossedLouisInformationTest {
    private static final String FORMULA = "cbind(y, n - y) ~ anger + btype + (1 | id) + (1 | item)";

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void centredInformationIsPositiveDefiniteWithLme4sStandardErrors(long seed) {
        JsonNode ref = Reference.load("montecarlo_crossed_lme4").json().get("cases").get(0);
        FitOptions options = FitOptions.builder().family("binomial").factor("id").factor("item").factor("btype").build();
        DataFrame frame = CsvReader.read(Reference.data("crossed_binomial_sim.csv"), CsvOptions.builder().factors(options.factors()).build());
        MixedModelFit fit = Glimmer.fit(frame, FORMULA, options);
        PreparedModel model = PreparedModel.of(fit);
        GlmmData data = new GlmmData(model.scaledDesign(), model.response());
        Pirls pirls = new Pirls(data, model.family());
        CovarianceStructure covariance = new CovarianceStructure(model.scaledDesign().randomTerms());
        double[][] lambdas = covariance.newLambdas();
        covariance.lambdas(fit.theta(), lambdas);
        double[] beta = fit.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        int[] q = {1, 1};
        ConditionalLogDensity density = new ConditionalLogDensity(data, model.family(), 1);
        DrawTarget target = new DrawTarget(data, density, lambdas, beta, q, DrawRunner.PARALLEL);
        double[][] zeros = target.zeros();
        LaplaceProposal proposal = LaplaceProposal.at(pirls, lambdas, beta, zeros, 1, 0, LaplaceProposal.DEFENSIVE);
        MetropolisDraws draws = new MetropolisDraws(target, model.family(), proposal.mode(), pirls.eta().clone(), new SplittableRandom(seed));
        draws.add(20_000);
        WeightedGlm glm = new WeightedGlm(data, model.family(), density, DrawRunner.PARALLEL);
        LouisInformation louis = LouisInformation.of(draws, glm, covariance, lambdas, beta, q, k -> data.terms()[k].levels(),
                HierarchicalCentring.of(data));
        assertNotNull(louis, "not positive definite");
        double[][] vcov = louis.fixedEffectsCovariance(2, beta.length);
        for (int j = 0; j < beta.length; j++) {
            double se = ref.get("fixed_effects").get(j).get("std_error").asDouble();
            assertEquals(se, Math.sqrt(vcov[j][j]), 0.05 * se, "se " + j + " (ESS " + draws.effectiveSize() + ")");
        }
    }
}
