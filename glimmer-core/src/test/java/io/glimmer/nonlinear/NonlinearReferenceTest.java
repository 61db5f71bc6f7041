package io.glimmer.nonlinear;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.ApiJson;
import io.glimmer.reference.Reference;
import io.glimmer.reference.ReferenceComparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nlme's fits of the orange trees (ML, REML, two random parameters general and diagonal), other data sets and nested grouping (a/b) through the Java API. */
class NonlinearReferenceTest {

    /** The options a reference's model, random, start, structure, fixed and method fields name. */
    static FitOptions options(Reference ref) {
        JsonNode r = ref.json();
        Map<String, Double> start = new LinkedHashMap<>();
        r.path("start").fields().forEachRemaining(e -> start.put(e.getKey(), e.getValue().asDouble()));
        String structure = r.hasNonNull("random_structure") ? r.get("random_structure").asText() : null;
        return FitOptions.builder().method(Method.parse(ref.method()))
                .nonlinear(new FitOptions.Nonlinear(start, r.get("random").asText(), structure,
                        r.hasNonNull("fixed") ? r.get("fixed").asText() : null)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orange_nlme_ml", "orange_nlme_reml", "orange_nlme_two_ml", "orange_nlme_diag_ml", "theoph_nlme_fol_ml",
            "loblolly_nlme_asymp_ml", "co2_nlme_fixed_ml", "nested_nlme_ml", "nested_nlme_reml"})
    void reproducesNlme(String id) {
        Reference ref = Reference.load(id);
        MixedModelFit fit = Glimmer.fit(ref.dataPath(), ref.json().get("model").asText(), options(ref));
        List<String> failures = ReferenceComparison.failures(ref.json(), ApiJson.of(fit));
        assertTrue(failures.isEmpty(), id + ":\n  " + ReferenceComparison.describe(failures) + "\n" + fit);
        assertEquals(ref.json().get("n_obs").asInt(), fit.nObs());
        assertTrue(fit.converged(), fit.warnings().toString());
        for (JsonNode f : ref.json().get("fixed_effects")) {
            if (f.hasNonNull("p_value")) {
                FixedEffect got = fit.fixedEffects().stream().filter(g -> g.term().equals(f.get("term").asText())).findFirst().orElseThrow();
                assertNotNull(got.pValue());
                assertEquals(f.get("p_value").asDouble(), got.pValue(), 0.05 * f.get("p_value").asDouble(), got.term());
            }
        }
    }

    /** A self-starting model with no --start: R's initial values, then the same nlme fit as from the reference's start. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
            "orange_nlme_ml; circumference ~ SSlogis(age, Asym, xmid, scal)",
            "loblolly_nlme_asymp_ml; height ~ SSasymp(age, Asym, R0, lrc)",
            "theoph_nlme_fol_ml; conc ~ SSfol(Dose, Time, lKe, lKa, lCl)"})
    void selfStartingModelsNeedNoStart(String id, String formula) {
        Reference ref = Reference.load(id);
        FitOptions given = options(ref);
        FitOptions options = given.toBuilder()
                .nonlinear(new FitOptions.Nonlinear(Map.of(), given.nonlinear().random(), given.nonlinear().randomStructure())).build();
        MixedModelFit fit = Glimmer.fit(ref.dataPath(), formula, options);
        List<String> failures = ReferenceComparison.failures(ref.json(), ApiJson.of(fit));
        assertTrue(failures.isEmpty(), ReferenceComparison.describe(failures));
        List<String> names = new java.util.ArrayList<>();
        ref.json().get("fixed_effects").forEach(f -> names.add(f.get("term").asText()));
        assertEquals(names, fit.fixedEffects().stream().map(FixedEffect::term).toList());
    }

    /** The fixed effects follow the formula's order of first appearance, whatever the order of the start values' map. */
    @org.junit.jupiter.api.Test
    void parameterOrderIsTheFormulas() {
        Reference ref = Reference.load("orange_nlme_ml");
        Map<String, Double> reversed = new LinkedHashMap<>();
        reversed.put("scal", 350.0);
        reversed.put("xmid", 700.0);
        reversed.put("Asym", 170.0);
        FitOptions given = options(ref);
        FitOptions options = given.toBuilder().nonlinear(new FitOptions.Nonlinear(reversed, given.nonlinear().random(), null)).build();
        MixedModelFit fit = Glimmer.fit(ref.dataPath(), ref.json().get("model").asText(), options);
        assertEquals(List.of("Asym", "xmid", "scal"), fit.fixedEffects().stream().map(FixedEffect::term).toList());
        List<String> failures = ReferenceComparison.failures(ref.json(), ApiJson.of(fit));
        assertTrue(failures.isEmpty(), ReferenceComparison.describe(failures));
    }
}
