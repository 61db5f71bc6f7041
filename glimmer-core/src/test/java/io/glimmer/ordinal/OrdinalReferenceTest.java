package io.glimmer.ordinal;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.Glimmer;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.reference.ApiJson;
import io.glimmer.reference.Reference;
import io.glimmer.reference.ReferenceComparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cumulative-link mixed models against ordinal::clmm (reference/r/ordinal_clmm.R), through the Java
 * API, within compare-reference.py's tolerances: thresholds and fixed effects (estimate within
 * max(1% of SE, 0.05%), SE within 2%), random-effect standard deviations (1% + 1e-4), the
 * log-likelihood (0.01), AIC and BIC (0.02), and the conditional modes (1% of the largest + 1e-4).
 */
class OrdinalReferenceTest {

    static FitOptions options(Reference ref) {
        JsonNode r = ref.json();
        FitOptions.Builder b = FitOptions.builder().family("ordinal").link(r.get("link").asText()).factors(ref.factors())
                .method(Method.parse(ref.method()));
        if (r.get("nAGQ").asInt() > 1) {
            b.agqPoints(r.get("nAGQ").asInt());
        }
        List<String> levels = new ArrayList<>();
        r.path("levels").forEach(l -> levels.add(l.asText()));
        return b.levels(levels).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wine_clmm_laplace", "wine_clmm_agq10", "soup_clmm_probit", "ordinal_sim_cloglog"})
    void reproducesClmm(String id) {
        Reference ref = Reference.load(id);
        MixedModelFit fit = Glimmer.fit(ref.dataPath(), ref.formula(), options(ref));
        JsonNode got = ApiJson.of(fit);
        ((com.fasterxml.jackson.databind.node.ObjectNode) got).put("aic", fit.aic()).put("bic", fit.bic());
        com.fasterxml.jackson.databind.node.ObjectNode withoutModes = ref.json().deepCopy();
        withoutModes.remove("conditional_modes"); // ApiJson has none: compared below, by the same rule
        List<String> failures = ReferenceComparison.failures(withoutModes, got);
        assertTrue(failures.isEmpty(), id + ":\n  " + ReferenceComparison.describe(failures));
        assertEquals(ref.json().get("n_obs").asInt(), fit.nObs());
        assertEquals(ref.json().get("df").asInt(), fit.df());
        assertEquals(ref.json().get("thresholds").size(), fit.thresholds().size());
        assertEquals(ref.json().get("fixed_effects").size(), fit.fixedEffects().size());
        assertModes(ref.json().get("conditional_modes"), fit.conditionalModes());
    }

    /** compare-reference.py's rule: each mode within 1% of the group's largest |mode| + 1e-4. */
    private static void assertModes(JsonNode ref, List<ConditionalModes> got) {
        ref.fields().forEachRemaining(e -> {
            ConditionalModes modes = got.stream().filter(m -> m.group().equals(e.getKey())).findFirst().orElseThrow();
            double biggest = 0;
            for (JsonNode v : e.getValue().get("levels")) {
                biggest = Math.max(biggest, Math.abs(v.get(0).asDouble()));
            }
            double tol = 0.01 * biggest + 1e-4;
            e.getValue().get("levels").fields().forEachRemaining(l -> {
                int at = modes.levels().indexOf(l.getKey());
                assertTrue(at >= 0, "level " + l.getKey());
                assertEquals(l.getValue().get(0).asDouble(), modes.value(at, 0), tol, e.getKey() + " " + l.getKey());
            });
        });
    }
}
