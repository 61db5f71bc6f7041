package io.glimmer.gee;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Reference;
import io.glimmer.reference.ReferenceComparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Ohio wheeze data against geepack 1.3.9's geeglm, through Glimmer.fit (the CLI's path). */
class OhioReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"ohio_gee_exch", "ohio_gee_ar1"})
    void matchesGeepack(String id) {
        Reference ref = Reference.load(id);
        JsonNode r = ref.json();
        FitOptions options = FitOptions.builder().method(Method.GEE).family(r.get("family").asText()).link(r.get("link").asText())
                .cluster(r.get("cluster").asText()).corstr(r.get("corstr").asText()).build();
        MixedModelFit fit = Glimmer.fit(ref.dataPath(), ref.formula(), options);

        List<String> failures = ReferenceComparison.failures(r, ContractJson.of(fit));
        assertTrue(failures.isEmpty(), () -> id + ":\n  " + ReferenceComparison.describe(failures));

        assertEquals("GEE", fit.method());
        assertEquals(r.get("n_obs").asInt(), fit.nObs());
        assertEquals(0, fit.nDropped());
        assertEquals(Map.of("id", 537), fit.groups());
        assertEquals(3, fit.df());
        assertTrue(Double.isNaN(fit.logLikelihood()));
        assertTrue(fit.converged());
        assertTrue(fit.warnings().isEmpty(), fit.warnings()::toString);
        assertNull(fit.residualStdDev());
        // geepack reports the Wald χ² = z² with its p-value; ours is z with the same two-sided p-value.
        for (int j = 0; j < fit.fixedEffects().size(); j++) {
            FixedEffect f = fit.fixedEffects().get(j);
            JsonNode g = r.get("fixed_effects").get(j);
            assertEquals(f.estimate() / f.stdError(), f.statistic(), 1e-12);
            assertEquals(g.get("statistic").asDouble(), f.statistic() * f.statistic(), 0.02 * g.get("statistic").asDouble());
            assertEquals(g.get("p_value").asDouble(), f.pValue(), 1e-3 * Math.max(1e-10, g.get("p_value").asDouble()) + 1e-12);
        }
        // The fixed-effects covariance is the robust one.
        double[][] cov = fit.fixedEffectsCovariance();
        assertEquals(fit.fixedEffects().get(1).stdError(), Math.sqrt(cov[1][1]), 1e-15);
    }
}
