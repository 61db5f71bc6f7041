package io.glimmer.cli.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Odds and rate ratios, the ICC, marginal coefficients and conditional variances in the fit's text and JSON. */
class InterpretationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";

    @TempDir
    static Path dir;

    private static JsonNode fitJson(String data, String formula, String... options) throws IOException {
        String[] args = new String[6 + options.length];
        System.arraycopy(new String[]{"fit", "--data", Cli.data(dir, data).toString(), "--formula", formula, "--format=json"}, 0, args, 0, 6);
        System.arraycopy(options, 0, args, 6, options.length);
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void binomialGlmm() throws IOException {
        JsonNode j = fitJson("cbpp.csv", CBPP, "--family", "binomial", "--factors", "period,herd");
        JsonNode fe = j.get("fixed_effects");
        JsonNode or = j.get("odds_ratios");
        assertEquals(4, or.size());
        for (int i = 0; i < 4; i++) {
            double b = fe.get(i).get("estimate").asDouble();
            double se = fe.get(i).get("std_error").asDouble();
            assertEquals(fe.get(i).get("term").asText(), or.get(i).get("term").asText());
            assertEquals(Math.exp(b), or.get(i).get("odds_ratio").asDouble(), 1e-12);
            assertEquals(Math.exp(b - 1.959963984540054 * se), or.get(i).get("lower").asDouble(), 1e-12);
            assertEquals(Math.exp(b + 1.959963984540054 * se), or.get(i).get("upper").asDouble(), 1e-12);
        }
        assertFalse(j.has("rate_ratios"));
        double v = j.get("random_effects").get(0).get("variance").asDouble();
        assertEquals(v / (v + Math.PI * Math.PI / 3), j.get("icc").get("herd").asDouble(), 1e-12);
        assertEquals(0.1114, j.get("icc").get("herd").asDouble(), 1e-3);
        JsonNode m = j.get("marginal_coefficients");
        assertEquals(4, m.size());
        for (int i = 0; i < 4; i++) {
            double b = fe.get(i).get("estimate").asDouble();
            double marginal = m.get(i).get("estimate").asDouble();
            assertTrue(Math.abs(marginal) < Math.abs(b), "attenuated");
            assertEquals(b / Math.sqrt(1 + 0.588 * 0.588 * v), m.get(i).get("approximation").asDouble(), 2e-3 * Math.abs(b));
            assertTrue(m.get(i).get("std_error").asDouble() > 0);
        }
        JsonNode cv = j.get("conditional_variances").get("herd");
        assertEquals("[\"(Intercept)\"]", cv.get("terms").toString());
        assertEquals(0.12125926220, cv.get("levels").get("1").get(0).get(0).asDouble(), 0.12 * 2e-3); // lme4's postVar
    }

    @Test
    void poissonGlmmHasRateRatiosAndAShiftedMarginalIntercept() throws IOException {
        JsonNode j = fitJson("epil.csv", "y ~ lbase * trt + lage + V4 + (1 | subject)", "--family", "poisson", "--factors", "subject");
        assertEquals(6, j.get("rate_ratios").size());
        assertEquals(Math.exp(j.get("fixed_effects").get(1).get("estimate").asDouble()), j.get("rate_ratios").get(1).get("rate_ratio").asDouble(), 1e-12);
        assertFalse(j.has("icc"));
        double v = j.get("random_effects").get(0).get("variance").asDouble();
        JsonNode m = j.get("marginal_coefficients");
        assertEquals(j.get("fixed_effects").get(0).get("estimate").asDouble() + v / 2, m.get(0).get("estimate").asDouble(), 1e-6);
        assertEquals(j.get("fixed_effects").get(1).get("estimate").asDouble(), m.get(1).get("estimate").asDouble(), 1e-6);
        assertTrue(m.get(0).get("approximation").isNull());
    }

    @Test
    void linearModelIccAndConditionalVariances() throws IOException {
        JsonNode j = fitJson("dyestuff.csv", "Yield ~ 1 + (1 | Batch)");
        double batch = j.get("random_effects").get(0).get("variance").asDouble();
        double sigma = j.get("residual_std_dev").asDouble();
        assertEquals(batch / (batch + sigma * sigma), j.get("icc").get("Batch").asDouble(), 1e-12);
        assertFalse(j.has("odds_ratios"));
        assertFalse(j.has("marginal_coefficients"));
        assertTrue(j.has("conditional_variances"));

        JsonNode s = fitJson("sleepstudy.csv", "Reaction ~ Days + (Days | Subject)");
        assertFalse(s.has("icc"), "a random slope: no single ICC");
        JsonNode cv = s.get("conditional_variances").get("Subject").get("levels").get("308");
        assertEquals(145.7056, cv.get(0).get(0).asDouble(), 0.05); // lme4's postVar
        assertEquals(5.312283, cv.get(1).get(1).asDouble(), 0.005);
        assertEquals(-21.44450, cv.get(0).get(1).asDouble(), 0.005);
        assertEquals(cv.get(0).get(1).asDouble(), cv.get(1).get(0).asDouble(), 0.0);
    }

    @Test
    void textSummaryShowsTheSections() {
        Cli.Result r = Cli.run("fit", "--data", Cli.data(dir, "cbpp.csv").toString(), "--formula", CBPP, "--family", "binomial",
                "--factors", "period,herd");
        assertEquals(0, r.exit(), r.err());
        String t = r.out();
        assertTrue(t.contains("\nOdds ratios with Wald 95% confidence intervals:\n            Odds ratio   2.5 % 97.5 %\n(Intercept)     0.2470 "), t);
        assertTrue(t.contains("\nIntraclass correlation (latent scale, residual variance pi^2/3):\n        ICC\nherd 0.1114\n"), t);
        assertTrue(t.contains("\nMarginal (population-averaged) effects:\n            Estimate Std. Error Approx.\n(Intercept)  -1.2886 "), t);
        assertTrue(t.indexOf("Marginal (population-averaged)") < t.indexOf("optimizer ("), t);

        Cli.Result lmm = Cli.run("fit", "--data", Cli.data(dir, "sleepstudy.csv").toString(), "--formula", "Reaction ~ Days + (Days | Subject)");
        assertFalse(lmm.out().contains("ratios"), lmm.out());
        assertFalse(lmm.out().contains("Marginal"), lmm.out());
    }
}
