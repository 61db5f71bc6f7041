package io.glimmer.conditional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.reference.Reference;
import io.glimmer.reference.ReferenceComparison;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** survival::clogit (method "exact") on infert: case ~ spontaneous + induced + strata(stratum). */
class ConditionalLogitReferenceTest {
    private static final Reference REF = Reference.load("infert_clogit");

    private static FitOptions options() {
        return FitOptions.builder().method(Method.CONDITIONAL).strata(REF.json().get("strata").asText()).build();
    }

    /** The parts of CONTRACT's JSON a conditional fit has. */
    private static JsonNode json(MixedModelFit fit) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("log_likelihood", fit.logLikelihood());
        ArrayNode fe = o.putArray("fixed_effects");
        for (FixedEffect f : fit.fixedEffects()) {
            fe.addObject().put("term", f.term()).put("estimate", f.estimate()).put("std_error", f.stdError());
        }
        return o;
    }

    @Test
    void matchesClogit() {
        MixedModelFit fit = Glimmer.fit(REF.dataPath(), REF.formula(), options());
        List<String> failures = ReferenceComparison.failures(REF.json(), json(fit));
        assertTrue(failures.isEmpty(), ReferenceComparison.describe(failures));
        assertEquals("conditional", fit.method());
        assertEquals(REF.json().get("n_obs").asInt(), fit.nObs());
        assertEquals(List.of("spontaneous", "induced"), fit.fixedEffects().stream().map(FixedEffect::term).toList());
        assertTrue(fit.converged());
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString()); // the intercept goes silently
        assertEquals(83, fit.groups().get("stratum"));
        for (int i = 0; i < 2; i++) {
            JsonNode ref = REF.json().get("fixed_effects").get(i);
            FixedEffect got = fit.fixedEffects().get(i);
            assertEquals(ref.get("statistic").asDouble(), got.statistic(), 0.01 * Math.abs(ref.get("statistic").asDouble()));
            assertEquals(ref.get("p_value").asDouble(), got.pValue(), 0.05 * ref.get("p_value").asDouble());
        }
        assertEquals(2 * 2 - 2 * REF.json().get("log_likelihood").asDouble(), fit.aic(), 0.02);
    }

    @Test
    void likelihoodRatioTestAgainstZero() {
        var data = CsvReader.read(REF.dataPath(), CsvOptions.builder().build());
        ConditionalLogitFit fit = ConditionalFits.of(data, REF.formula(), options());
        // survival: loglik = c(-90.7793548513, -64.2022369244); "Likelihood ratio test= 53.15 on 2 df, p=3e-12"
        assertEquals(-90.7793548513, fit.nullLogLikelihood(), 1e-8);
        assertEquals(53.154, fit.likelihoodRatio().chisq(), 1e-3);
        assertEquals(2, fit.likelihoodRatio().df());
        assertEquals(2.9e-12, fit.likelihoodRatio().pValue(), 0.2e-12);
        assertEquals(83, fit.informativeStrata());
        assertEquals(0, fit.droppedStrata());
        assertTrue(fit.iterations() <= 10, "iterations " + fit.iterations());
    }
}
