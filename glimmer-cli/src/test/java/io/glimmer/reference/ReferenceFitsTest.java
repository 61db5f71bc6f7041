package io.glimmer.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.cli.json.FitJson;
import io.glimmer.cli.Main;
import io.glimmer.fit.MixedModelFit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every likelihood-based reference fit in the test resources, reproduced through the Java API and
 * through the command line's JSON, within the tolerances of shared/tools/compare-reference.py.
 */
class ReferenceFitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FitOptions options(Reference ref) {
        JsonNode r = ref.json();
        FitOptions.Builder b = FitOptions.builder().factors(ref.factors()).method(Method.parse(ref.method()));
        if (r.hasNonNull("family")) {
            b.family(r.get("family").asText());
        }
        if (r.hasNonNull("link")) {
            b.link(r.get("link").asText());
        }
        if (r.hasNonNull("nAGQ") && r.get("nAGQ").asInt() > 1) {
            b.agqPoints(r.get("nAGQ").asInt());
        }
        b.zeroInflation(text(r, "zi"));
        b.cluster(text(r, "cluster")).corstr(text(r, "corstr")).strata(text(r, "strata")).correlation(text(r, "residual_correlation"));
        return b.levels(levels(r)).build();
    }

    /** An ordinal response's categories in order, when the reference gives them. */
    private static List<String> levels(JsonNode r) {
        List<String> levels = new ArrayList<>();
        r.path("levels").forEach(l -> levels.add(l.asText()));
        return levels;
    }

    private static String text(JsonNode r, String key) {
        return r.hasNonNull(key) ? r.get(key).asText() : null;
    }

    private static List<String> cliArgs(Reference ref) {
        JsonNode r = ref.json();
        List<String> args = new ArrayList<>(List.of("fit", "--data", ref.dataPath().toString(), "--formula", ref.formula(), "--format", "json",
                "--method", ref.method()));
        if (!ref.factors().isEmpty()) {
            args.add("--factors");
            args.add(String.join(",", ref.factors()));
        }
        if (r.hasNonNull("family")) {
            args.add("--family");
            args.add(r.get("family").asText());
        }
        if (r.hasNonNull("link")) {
            args.add("--link");
            args.add(r.get("link").asText());
        }
        if (r.hasNonNull("nAGQ") && r.get("nAGQ").asInt() > 1) {
            args.add("--agq");
            args.add(r.get("nAGQ").asText());
        }
        if (!levels(r).isEmpty()) {
            args.add("--levels");
            args.add(String.join(",", levels(r)));
        }
        String[][] extra = {{"zi", "--zi"}, {"cluster", "--cluster"}, {"corstr", "--corstr"}, {"strata", "--strata"}, {"residual_correlation", "--correlation"}};
        for (String[] e : extra) {
            if (text(r, e[0]) != null) {
                args.add(e[1]);
                args.add(text(r, e[0]));
            }
        }
        return args;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sleepstudy_reml", "sleepstudy_ml", "sleepstudy_uncorr_reml", "dyestuff_reml", "dyestuff_ml",
            "dyestuff2_reml", "penicillin_reml", "pastes_reml"})
    void linearThroughJavaApi(String id) {
        assertJavaApiAgrees(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sleepstudy_reml", "sleepstudy_ml", "sleepstudy_uncorr_reml", "dyestuff_reml", "dyestuff_ml",
            "dyestuff2_reml", "penicillin_reml", "pastes_reml"})
    void linearThroughCommandLine(String id) throws Exception {
        assertCommandLineAgrees(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cbpp_laplace", "cbpp_agq25", "cbpp_probit", "grouseticks_poisson", "epil_poisson", "ohio_laplace",
            "ohio_agq9", "bacteria_laplace"})
    void generalizedThroughJavaApi(String id) {
        assertJavaApiAgrees(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cbpp_laplace", "cbpp_agq25", "cbpp_probit", "grouseticks_poisson", "epil_poisson", "ohio_laplace",
            "ohio_agq9", "bacteria_laplace"})
    void generalizedThroughCommandLine(String id) throws Exception {
        assertCommandLineAgrees(id);
    }

    /** glmmTMB's nbinom2, nbinom1 and beta_family (reference/r/families_glmmtmb.R). */
    @ParameterizedTest
    @ValueSource(strings = {"epil_nbinom2", "epil_nbinom2_offset", "grouseticks_nbinom2", "epil_nbinom1_offset",
            "grouseticks_nbinom1", "beta_sim1", "beta_sim2_offset"})
    void ownParameterFamiliesThroughJavaApi(String id) {
        assertJavaApiAgrees(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"epil_nbinom2", "epil_nbinom2_offset", "grouseticks_nbinom2", "epil_nbinom1_offset",
            "grouseticks_nbinom1", "beta_sim1", "beta_sim2_offset"})
    void ownParameterFamiliesThroughCommandLine(String id) throws Exception {
        assertCommandLineAgrees(id);
    }

    /** ordinal::clmm's cumulative-link mixed models (reference/r/ordinal_clmm.R): thresholds compared as fixed effects. */
    @ParameterizedTest
    @ValueSource(strings = {"wine_clmm_laplace", "wine_clmm_agq10", "soup_clmm_probit", "ordinal_sim_cloglog"})
    void ordinalThroughJavaApi(String id) {
        assertJavaApiAgrees(id);
    }

    /** glmmTMB's zero-inflated poisson, nbinom2 and nbinom1 (reference/r/zero_inflation_glmmtmb.R). */
    @ParameterizedTest
    @ValueSource(strings = {"salamanders_zipoisson", "salamanders_zinbinom2", "owls_zipoisson_offset", "owls_zinbinom2_offset",
            "owls_zinbinom1_offset"})
    void zeroInflatedThroughJavaApi(String id) {
        assertJavaApiAgrees(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wine_clmm_laplace", "wine_clmm_agq10", "soup_clmm_probit", "ordinal_sim_cloglog"})
    void ordinalThroughCommandLine(String id) throws Exception {
        assertCommandLineAgrees(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"salamanders_zipoisson", "salamanders_zinbinom2", "owls_zipoisson_offset", "owls_zinbinom2_offset",
            "owls_zinbinom1_offset"})
    void zeroInflatedThroughCommandLine(String id) throws Exception {
        assertCommandLineAgrees(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bacteria_pql", "ohio_gee_exch", "ohio_gee_ar1", "infert_clogit", "milk_ar1_reml"})
    void otherEstimatorsThroughJavaApi(String id) {
        assertJavaApiAgrees(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bacteria_pql", "ohio_gee_exch", "ohio_gee_ar1", "infert_clogit", "milk_ar1_reml"})
    void otherEstimatorsThroughCommandLine(String id) throws Exception {
        assertCommandLineAgrees(id);
    }

    /**
     * The reference on Glimmer's log-likelihood scale. For nAGQ > 1 lme4 sums deviance residuals
     * instead of −2 log densities, which drops the saturated model's log-likelihood ℓ_sat from its
     * logLik (lme4 issue #161: "incompatibility between deviance scales for nAGQ=1 and nAGQ>1").
     * Glimmer reports the full log-likelihood, so the reference is shifted by ℓ_sat, computed exactly here.
     * (clmm's quadrature is on the full scale already.)
     */
    static JsonNode onGlimmerScale(Reference ref) {
        JsonNode r = ref.json();
        if (!r.hasNonNull("nAGQ") || r.get("nAGQ").asInt() <= 1 || !r.hasNonNull("log_likelihood") || "ordinal".equals(text(r, "family"))) {
            return r;
        }
        MixedModelFit fit = Glimmer.fit(ref.dataPath(), ref.formula(), options(ref));
        double saturated = SaturatedLogLikelihood.of(ref.dataPath(), ref.formula(), options(ref));
        com.fasterxml.jackson.databind.node.ObjectNode shifted = ((com.fasterxml.jackson.databind.node.ObjectNode) r).deepCopy();
        double ll = r.get("log_likelihood").asDouble() + saturated;
        shifted.put("log_likelihood", ll);
        shifted.put("deviance", -2 * ll);
        shifted.put("aic", -2 * ll + 2 * fit.df());
        shifted.put("bic", -2 * ll + Math.log(fit.nObs()) * fit.df());
        return shifted;
    }

    static void assertJavaApiAgrees(String id) {
        Reference ref = Reference.load(id);
        MixedModelFit fit = Glimmer.fit(ref.dataPath(), ref.formula(), options(ref));
        List<String> failures = ReferenceComparison.failures(onGlimmerScale(ref), FitJson.toJson(fit));
        assertTrue(failures.isEmpty(), id + " (Java API):\n  " + ReferenceComparison.describe(failures));
        assertEquals(ref.json().get("n_obs").asInt(), fit.nObs(), "n_obs");
    }

    static void assertCommandLineAgrees(String id) throws Exception {
        Reference ref = Reference.load(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(cliArgs(ref).toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, "exit status; stderr: " + err.toString(StandardCharsets.UTF_8));
        JsonNode fit = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        List<String> failures = ReferenceComparison.failures(onGlimmerScale(ref), fit);
        assertTrue(failures.isEmpty(), id + " (command line):\n  " + ReferenceComparison.describe(failures));
    }
}
