package io.glimmer.predict;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.options.FitOptions;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.response.Response;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.lmm.RandomEffectsReport;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full conditional covariance blocks per level (lme4's postVar) against lme4, stored in
 * reference/conditional_variances_lme4.json (made by conditional_variances_lme4.R beside it).
 * The blocks are compared at lme4's own estimates, so that the two optimisers' last digits of θ̂
 * do not blur the check of the computation; at Glimmer's optimum they agree to the optimum's accuracy.
 */
class ConditionalCovarianceReferenceTest {
    private static final JsonNode LME4 = Reference.load("conditional_variances_lme4").json();

    @Test
    void sleepstudyRemlBlocksAtLme4Theta() {
        JsonNode r = LME4.get("sleepstudy_reml");
        Fitted f = Fitted.sleepstudy();
        MixedModelFit atLme4 = atTheta(f, vector(r.get("theta")));
        assertBlocks(r.get("postVar"), atLme4.conditionalModes().get(0), 1e-6);
        assertMatrix(r.get("vcov"), atLme4.fixedEffectsCovariance(), 1e-6);
        // and at Glimmer's own optimum, whose θ agrees with lme4's to ~3e-6
        assertVector(r.get("theta"), f.fit().theta(), 1e-5);
        assertBlocks(r.get("postVar"), f.fit().conditionalModes().get(0), 1e-5);
        assertMatrix(r.get("vcov"), f.fit().fixedEffectsCovariance(), 1e-4);
    }

    @Test
    void penicillinCrossedTermsAtLme4Theta() {
        JsonNode r = LME4.get("penicillin_reml");
        Fitted f = Fitted.of("penicillin.csv", r.get("formula").asText(), FitOptions.defaults());
        // lme4 and Glimmer both order the terms by number of random effects: plate (24) before sample (6)
        for (ConditionalModes m : atTheta(f, vector(r.get("theta"))).conditionalModes()) {
            assertBlocks(r.get(m.group()), m, 1e-6);
        }
    }

    @Test
    void cbppLaplaceAtLme4Estimates() {
        JsonNode r = LME4.get("cbpp_laplace");
        Fitted f = Fitted.cbpp();
        Design d = f.design();
        Family family = Family.of("binomial", null);
        GeneralizedLinearMixedModel glmm = new GeneralizedLinearMixedModel(d, Response.of(d.frame(), d.formula().response(), family, null),
                family, 1);
        double[][] cov = glmm.conditionalCovariancesAt(vector(r.get("theta")), vector(r.get("beta")));
        double[][] zeroModes = {new double[d.randomTerms().get(0).size()]};
        ConditionalModes m = RandomEffectsReport.conditionalModes(d.randomTerms(), zeroModes, cov).get(0);
        assertBlocks(r.get("postVar"), m, 1e-4);
        assertBlocks(r.get("postVar"), f.fit().conditionalModes().get(0), 2e-3); // Glimmer's optimum: θ̂ agrees to 3e-4
    }

    private static MixedModelFit atTheta(Fitted f, double[] theta) {
        Design d = f.design();
        double[] y = d.frame().numeric(d.formula().response());
        return new LinearMixedModel(d, y, null, true).estimatesAt(theta).build();
    }

    private static double[] vector(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    /** Each level's q × q block against lme4's (the first levels, or all), relative to the block's largest entry. */
    private static void assertBlocks(JsonNode expected, ConditionalModes m, double relative) {
        assertTrue(expected.size() <= m.levels().size());
        for (int l = 0; l < expected.size(); l++) {
            JsonNode block = expected.get(l);
            int q = block.size();
            assertEquals(m.terms().size(), q);
            double scale = 0;
            for (JsonNode row : block) {
                for (JsonNode v : row) {
                    scale = Math.max(scale, Math.abs(v.asDouble()));
                }
            }
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    assertEquals(block.get(a).get(b).asDouble(), m.conditionalCovariance(l, a, b), relative * scale,
                            m.group() + " level " + m.levels().get(l) + " [" + a + "," + b + "]");
                }
            }
        }
    }

    private static void assertVector(JsonNode expected, double[] actual, double relative) {
        assertEquals(expected.size(), actual.length);
        for (int i = 0; i < actual.length; i++) {
            double e = expected.get(i).asDouble();
            assertEquals(e, actual[i], relative * Math.max(1e-2, Math.abs(e)), "theta " + i);
        }
    }

    private static void assertMatrix(JsonNode expected, double[][] actual, double relative) {
        assertEquals(expected.size(), actual.length);
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < actual.length; j++) {
                double scale = Math.sqrt(Math.abs(expected.get(i).get(i).asDouble() * expected.get(j).get(j).asDouble()));
                assertEquals(expected.get(i).get(j).asDouble(), actual[i][j], relative * scale, "vcov " + i + "," + j);
            }
        }
    }
}
