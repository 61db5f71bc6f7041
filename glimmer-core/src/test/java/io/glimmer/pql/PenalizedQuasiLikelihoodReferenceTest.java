package io.glimmer.pql;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.ApiJson;
import io.glimmer.reference.Reference;
import io.glimmer.reference.ReferenceComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MASS::glmmPQL(y ~ trt + week2, random = ~ 1 | ID, family = binomial, data = bacteria). */
class PenalizedQuasiLikelihoodReferenceTest {
    private static final Reference REF = Reference.load("bacteria_pql");
    private static MixedModelFit fit;

    @BeforeAll
    static void fit() {
        fit = Glimmer.fit(REF.dataPath(), REF.formula(), FitOptions.builder().method(Method.PQL).family("binomial").build());
    }

    @Test
    void matchesGlmmPQL() {
        List<String> failures = ReferenceComparison.failures(REF.json(), ApiJson.of(fit));
        assertTrue(failures.isEmpty(), ReferenceComparison.describe(failures));
        assertEquals("PQL", fit.method());
        assertEquals("binomial", fit.family());
        assertEquals("logit", fit.link());
        assertEquals(REF.json().get("n_obs").asInt(), fit.nObs());
        assertTrue(fit.converged());
    }

    @Test
    void tTestsUseLmeDegreesOfFreedom() {
        for (JsonNode ref : REF.json().get("fixed_effects")) {
            FixedEffect got = fit.fixedEffects().stream().filter(f -> f.term().equals(ref.get("term").asText())).findFirst().orElseThrow();
            assertEquals(ref.get("statistic").asDouble(), got.statistic(), 0.02 * Math.abs(ref.get("statistic").asDouble()), got.term());
            assertNotNull(got.pValue());
            assertEquals(ref.get("p_value").asDouble(), got.pValue(), 0.05 * ref.get("p_value").asDouble(), got.term());
        }
    }

    /** Same algorithm, same stopping rule: far closer than the reference tolerances (lme's adjustSigma included). */
    @Test
    void agreesClosely() {
        for (JsonNode ref : REF.json().get("fixed_effects")) {
            FixedEffect got = fit.fixedEffects().stream().filter(f -> f.term().equals(ref.get("term").asText())).findFirst().orElseThrow();
            assertEquals(ref.get("estimate").asDouble(), got.estimate(), 1e-5, got.term());
            assertEquals(ref.get("std_error").asDouble(), got.stdError(), 1e-5, got.term());
        }
        assertEquals(REF.json().get("random_effects").get(0).get("std_dev").asDouble(), fit.randomEffects().get(0).stdDev(), 1e-5);
        assertEquals(REF.json().get("residual_std_dev").asDouble(), fit.residualStdDev(), 1e-5);
    }

    @Test
    void hasNoLikelihood() {
        assertTrue(Double.isNaN(fit.logLikelihood()));
        assertTrue(Double.isNaN(fit.aic()));
        assertTrue(Double.isNaN(fit.bic()));
        assertNull(fit.remlCriterion());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.contains("not a likelihood")), fit.warnings().toString());
    }

    @Test
    void fittedValuesAreProbabilities() {
        for (double mu : fit.fitted()) {
            assertTrue(mu > 0 && mu < 1, "fitted " + mu);
        }
        assertEquals(fit.nObs(), fit.fitted().length);
        assertFalse(fit.conditionalModes().isEmpty());
    }
}
