package io.glimmer.correlation;

import io.glimmer.fit.EstimatorDetails;
import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nlme's lme(protein ~ Diet + Time + I(Time^2), random = ~1 | Cow, correlation = corAR1(form = ~Time | Cow)) by REML. */
class MilkAr1ReferenceTest {
    private static Reference ref;
    private static MixedModelFit fit;

    @BeforeAll
    static void fitOnce() {
        ref = Reference.load("milk_ar1_reml");
        FitOptions options = FitOptions.builder().method(Method.REML).correlation("ar1(Time | Cow)").build();
        fit = Glimmer.fit(ref.dataPath(), ref.formula(), options);
    }

    private static double num(String key) {
        return ref.json().get(key).asDouble();
    }

    @Test
    void likelihoodAndInformationCriteria() {
        assertEquals("REML", fit.method());
        assertEquals(ref.json().get("n_obs").asInt(), fit.nObs());
        assertEquals(8, fit.df(), "5 fixed effects, the Cow variance, σ and φ");
        assertEquals(num("log_likelihood"), fit.logLikelihood(), 0.01);
        assertEquals(num("aic"), fit.aic(), 0.02);
        // nlme counts n − p observations in a REML fit's BIC (MixedModelFit.bic() counts n, as lme4).
        assertEquals(num("bic"), fit.bic(), 0.02);
        assertEquals(fit.deviance(), fit.remlCriterion(), 1e-9);
    }

    @Test
    void correlationAndResidualScale() {
        double phi = num("correlation_parameter");
        assertEquals(phi, fit.details(EstimatorDetails.CorrelatedResiduals.class).phi(), 0.005 + 0.005 * Math.abs(phi));
        double sigma = num("residual_std_dev");
        assertEquals(sigma, fit.residualStdDev(), 0.005 * sigma);
        JsonNode re = ref.json().get("random_effects").get(0);
        assertEquals("Cow", fit.randomEffects().get(0).group());
        assertEquals(re.get("std_dev").asDouble(), fit.randomEffects().get(0).stdDev(), 0.01 * re.get("std_dev").asDouble());
    }

    @Test
    void fixedEffects() {
        assertEquals(ref.list("fixed_effects").size(), fit.fixedEffects().size());
        for (JsonNode r : ref.list("fixed_effects")) {
            String term = r.get("term").asText();
            FixedEffect f = fit.fixedEffects().stream().filter(x -> x.term().equals(term)).findFirst().orElseThrow();
            double est = r.get("estimate").asDouble();
            double se = r.get("std_error").asDouble();
            assertEquals(est, f.estimate(), Math.max(0.01 * se, 5e-4 * Math.abs(est)), term);
            assertEquals(se, f.stdError(), 0.02 * se, term + " standard error");
            assertEquals(r.get("statistic").asDouble(), f.statistic(), 0.02 * Math.abs(r.get("statistic").asDouble()) + 0.01, term + " t");
        }
        assertTrue(fit.converged());
    }
}
