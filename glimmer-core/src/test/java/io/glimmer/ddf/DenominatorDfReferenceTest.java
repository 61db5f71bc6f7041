package io.glimmer.ddf;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.options.DenominatorDf;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.model.PreparedModel;
import io.glimmer.reference.DdfReference;
import io.glimmer.reference.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Satterthwaite (lmerTest) and Kenward–Roger (pbkrtest) degrees of freedom, t tests and anova F tests
 * against R, in reference/ddf_lmertest.json (made by reference/r/ddf_lmertest.R): sleepstudy (balanced,
 * REML and ML), sleepstudy with 40 seeded rows removed and a between-subject factor (unbalanced, with a
 * factor-by-covariate interaction for type III), penicillin (crossed) and pastes (nested).
 * <p>
 * Two checks per case. At R's own θ̂ and σ̂ the computation itself is compared, to 1e-6 relative (what
 * is left is the numerical differentiation of both programs; p-values to 1e-5, as a p-value of 4e-13
 * moves ten times faster than its t). At Glimmer's own optimum, through the
 * API, the brief's tolerances: df, F and p-values relative 1e-4 (Glimmer's θ̂ agrees with lme4's to a
 * few 1e-6, and the df move with θ̂ about as much); Kenward–Roger standard errors relative 1e-5 (the
 * adjustment is second order, so the optimum's last digits barely reach it).
 */
class DenominatorDfReferenceTest {
    private static FitOptions options(JsonNode c, DenominatorDf ddf) {
        Set<String> factors = new HashSet<>();
        c.get("factors").forEach(f -> factors.add(f.asText()));
        return FitOptions.builder().method(Method.parse(c.get("method").asText())).factors(factors).ddf(ddf).build();
    }

    private static DataFrame data(JsonNode c, FitOptions options) {
        return CsvReader.read(Reference.data(c.get("data").asText()), CsvOptions.builder().factors(options.factors()).build());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.glimmer.reference.DdfReference#cases")
    void computationAtRsEstimates(String id, DenominatorDf ddf) {
        JsonNode c = DdfReference.reference(id);
        JsonNode r = DdfReference.results(c, ddf);
        FitOptions options = options(c, ddf);
        PreparedModel m = PreparedModel.of(data(c, options), c.get("formula").asText(), options);
        LinearMixedModel lmm = new LinearMixedModel(m.design(), m.response().y(), m.response().weights(), m.method() == Method.REML);
        MixedModelFit atR = lmm.estimatesAt(vector(c.get("theta"))).build();
        assertEquals(c.get("sigma").asDouble(), atR.residualStdDev(), 1e-9 * c.get("sigma").asDouble());
        ContrastTests tests = DenominatorDegrees.of(ddf, lmm, atR);
        MixedModelFit withTests = DenominatorDegrees.withTTests(atR, tests, ddf);
        assertFixedEffects(r.get("fixed_effects"), withTests.fixedEffects(), 1e-6, 1e-6, 1e-5);
        double[] beta = atR.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        for (JsonNode a : r.get("anova")) {
            AnovaTable t = Anova.of(m.design(), tests, ddf, a.get("type").asInt(), beta, atR.residualStdDev());
            assertAnova(a, t, 1e-6);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.glimmer.reference.DdfReference#cases")
    void throughTheApiAtGlimmersOptimum(String id, DenominatorDf ddf) {
        JsonNode c = DdfReference.reference(id);
        JsonNode r = DdfReference.results(c, ddf);
        FitOptions options = options(c, ddf);
        MixedModelFit fit = Glimmer.fit(data(c, options), c.get("formula").asText(), options);
        assertFixedEffects(r.get("fixed_effects"), fit.fixedEffects(), 1e-4, ddf == DenominatorDf.KENWARD_ROGER ? 1e-5 : 1e-4, 1e-4);
        for (JsonNode a : r.get("anova")) {
            assertAnova(a, Glimmer.anova(fit, ddf, a.get("type").asInt()), 1e-4);
        }
    }

    private static void assertFixedEffects(JsonNode expected, List<FixedEffect> got, double tolerance, double seTolerance,
                                           double pTolerance) {
        assertEquals(expected.size(), got.size());
        for (int j = 0; j < got.size(); j++) {
            JsonNode e = expected.get(j);
            FixedEffect f = got.get(j);
            assertEquals(e.get("term").asText(), f.term());
            assertNotNull(f.df(), f.term());
            relative(e.get("df").asDouble(), f.df(), tolerance, "df of " + f.term());
            relative(e.get("std_error").asDouble(), f.stdError(), seTolerance, "standard error of " + f.term());
            relative(e.get("p_value").asDouble(), f.pValue(), pTolerance, "p-value of " + f.term());
        }
    }

    private static void assertAnova(JsonNode expected, AnovaTable got, double tolerance) {
        JsonNode tests = expected.get("tests");
        assertEquals(tests.size(), got.rows().size(), "rows of the type " + expected.get("type") + " table");
        for (int i = 0; i < tests.size(); i++) {
            JsonNode e = tests.get(i);
            AnovaTable.Row row = got.rows().get(i);
            String what = "type " + got.type() + " " + row.term();
            assertEquals(e.get("term").asText(), row.term());
            assertEquals(e.get("num_df").asInt(), row.numDf(), what);
            relative(e.get("den_df").asDouble(), row.denDf(), tolerance, "denominator df, " + what);
            relative(e.get("F").asDouble(), row.f(), tolerance, "F, " + what);
            relative(e.get("p_value").asDouble(), row.pValue(), tolerance, "p-value, " + what);
        }
    }

    private static void relative(double expected, double got, double tolerance, String what) {
        assertEquals(expected, got, tolerance * Math.abs(expected), what);
    }

    private static double[] vector(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }
}
