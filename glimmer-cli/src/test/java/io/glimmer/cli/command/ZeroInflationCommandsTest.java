package io.glimmer.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What follows a zero-inflated fit on the command line (Owls, glmmTMB's zero-inflated Poisson with an
 * offset, reference/r/zero_inflation_glmmtmb.R): the summary, saved model and predictions against
 * glmmTMB's predict, simulation, the likelihood-ratio test, Wald intervals, residuals, the importance-sampled
 * log-likelihood, and the refusals (profile intervals are checked against glmmTMB's in the core: ObservationModelProfilesTest).
 */
class ZeroInflationCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWLS = "SiblingNegotiation ~ FoodTreatment * SexParent + offset(logBroodSize) + (1 | Nest)";

    @TempDir
    static Path dir;
    static Path owls;
    static Path model;
    static Cli.Result fitText;

    @BeforeAll
    static void fitAndSave() {
        owls = Cli.shared("owls.csv");
        model = dir.resolve("owls.model.json");
        fitText = Cli.run("fit", "--data", owls.toString(), "--formula", OWLS, "--family", "poisson", "--zi", "~ 1", "--factors", "Nest",
                "--save", model.toString());
        assertEquals(0, fitText.exit(), fitText.err());
    }

    private static String[] args(String command, String... more) {
        String[] base = {command, "--data", owls.toString(), "--family", "poisson", "--zi", "~ 1", "--factors", "Nest"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void summaryHasGlmmTmbsZeroInflationSection() {
        assertTrue(fitText.out().contains("Zero inflation: ~ 1\n"), fitText.out());
        assertTrue(fitText.out().contains("\nZero-inflation model:\n            Estimate Std. Error z value Pr(>|z|)    \n(Intercept)"),
                fitText.out());
    }

    /** glmmTMB's predict(fit, type = "response"), (1 − p0)μ with the conditional modes, on the training rows. */
    @Test
    void responsePredictionsAreGlmmTmbs() throws IOException {
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--data", owls.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode got = JSON.readTree(r.out()).get("predictions");
        JsonNode ref = Reference.load("owls_zipoisson_offset").json().get("predictions_response");
        assertEquals(ref.size(), got.size());
        for (int i = 0; i < ref.size(); i++) {
            double want = ref.get(i).asDouble();
            assertEquals(want, got.get(i).asDouble(), 2e-3 * want, "row " + (i + 1));
        }
        Cli.Result link = Cli.run("predict", "--model", model.toString(), "--data", owls.toString(), "--type", "link", "--format", "json");
        JsonNode conditional = Reference.load("owls_zipoisson_offset").json().get("predictions_conditional");
        double mu = Math.exp(JSON.readTree(link.out()).get("predictions").get(0).asDouble());
        assertEquals(conditional.get(0).asDouble(), mu, 2e-3 * mu, "the link scale is the count model's");
    }

    /** Simulated responses average to the model's marginal means (1 − p0)E[μ], with at least p0 of them zeros. */
    @Test
    void simulationsHaveTheFittedMeanAndZeros() throws IOException {
        Cli.Result r = Cli.run(args("simulate", "--formula", OWLS, "--nsim", "200", "--seed", "16", "--format", "json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode sims = JSON.readTree(r.out()).get("simulations");
        Cli.Result fit = Cli.run(args("fit", "--formula", OWLS, "--format", "json"));
        JsonNode j = JSON.readTree(fit.out());
        double p0 = 1 / (1 + Math.exp(-j.get("zero_inflation_fixed_effects").get(0).get("estimate").asDouble()));
        double total = 0;
        double zeros = 0;
        int n = sims.get(0).size();
        for (JsonNode s : sims) {
            for (JsonNode v : s) {
                total += v.asDouble();
                zeros += v.asDouble() == 0 ? 1 : 0;
            }
        }
        // the model's mean of each row over new random effects: glmmTMB's (1 - p0) exp(eta + sigma^2 / 2), the marginal prediction
        Cli.Result marginal = Cli.run("predict", "--model", model.toString(), "--data", owls.toString(), "--random", "marginal", "--format", "json");
        assertEquals(0, marginal.exit(), marginal.err());
        double expected = 0;
        for (JsonNode v : JSON.readTree(marginal.out()).get("predictions")) {
            expected += v.asDouble();
        }
        expected /= n;
        double simulatedMean = total / (200.0 * n);
        assertEquals(expected, simulatedMean, 0.03 * expected, "simulated responses average to the model's marginal mean");
        assertTrue(zeros / (200.0 * n) > p0, "at least the structural zeros: " + zeros / (200.0 * n) + " vs p0 " + p0);
    }

    /** The LRT counts the zero-inflation coefficients; no zero inflation against some is the boundary, not tested. */
    @Test
    void compareCountsZeroInflationCoefficients() throws IOException {
        Cli.Result r = Cli.run(args("compare", "--formula", "SiblingNegotiation ~ FoodTreatment + offset(logBroodSize) + (1 | Nest)",
                "--formula", OWLS, "--format", "json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(4, j.get("models").get(0).get("df").asInt());
        assertEquals(6, j.get("models").get(1).get("df").asInt());
        assertEquals(2, j.get("tests").get(0).get("df").asInt());
        double larger = j.get("models").get(1).get("log_likelihood").asDouble();
        // the larger model is the reference fit: glmmTMB's log-likelihood to compare-reference's 1e-4 relative
        assertEquals(Reference.load("owls_zipoisson_offset").json().get("log_likelihood").asDouble(), larger, 2e-4 * Math.abs(larger));
        double chisq = 2 * (larger - j.get("models").get(0).get("log_likelihood").asDouble());
        assertEquals(chisq, j.get("tests").get(0).get("chisq").asDouble(), 1e-6 * Math.max(1, chisq));
        assertTrue(chisq > 0, "the interaction and sex add to the fit: " + chisq);
    }

    @Test
    void waldIntervalsIncludeTheZeroInflationCoefficients() throws IOException {
        Cli.Result r = Cli.run(args("confint", "--formula", OWLS, "--interval", "wald", "--format", "json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode last = null;
        for (JsonNode i : JSON.readTree(r.out()).get("intervals")) {
            last = i;
        }
        assertEquals("zi~(Intercept)", last.get("parameter").asText());
        JsonNode ref = Reference.load("owls_zipoisson_offset").json().get("zero_inflation_fixed_effects").get(0);
        double est = ref.get("estimate").asDouble();
        double half = 1.959963984540054 * ref.get("std_error").asDouble();
        assertEquals(est - half, last.get("lower").asDouble(), 0.02 * half);
        assertEquals(est + half, last.get("upper").asDouble(), 0.02 * half);
    }

    /** --residuals: glmmTMB's response and Pearson residuals (core's ZeroInflationResidualsTest), NA for the kinds the mixture has not. */
    @Test
    void residualsFileHasResponseAndPearsonOnly() throws IOException {
        Path file = dir.resolve("r.csv");
        Cli.Result r = Cli.run(args("fit", "--formula", OWLS, "--residuals", file.toString()));
        assertEquals(0, r.exit(), r.err());
        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        assertEquals("row,observed,fitted,response,pearson,deviance,working", lines.get(0));
        assertEquals(600, lines.size());
        String[] first = lines.get(1).split(",");
        JsonNode ref = Reference.load("owls_zipoisson_offset_after_fit").json();
        assertEquals(ref.get("residuals_pearson").get(0).asDouble(), Double.parseDouble(first[4]), 3e-4); // as ZeroInflationResidualsTest
        assertEquals("NA", first[5]);
        assertEquals("NA", first[6]);
    }

    /** --loglik-samples: the mixture's density with every constant, near the Laplace log-likelihood. */
    @Test
    void importanceSampledLikelihoodIsNearLaplaces() throws IOException {
        Cli.Result r = Cli.run(args("fit", "--formula", OWLS, "--loglik-samples", "2000", "--seed", "1", "--format", "json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        double se = j.get("log_likelihood_is_se").asDouble();
        assertTrue(se > 0 && se < 0.1, "s.e. " + se);
        // the integral by R's integrate() at glmmTMB's estimates; ours differ by ~1e-4, which moves the log-likelihood
        // at the optimum by far less than 1e-3
        double integrated = Reference.load("owls_zipoisson_offset_integrated").json().get("log_likelihood").asDouble();
        assertEquals(integrated, j.get("log_likelihood_is").asDouble(), 3 * se + 1e-3);
    }

    @Test
    void otherMethodsAreRefusedInOneLine() {
        Cli.Result pql = Cli.run(args("fit", "--formula", OWLS, "--method", "PQL"));
        assertEquals(2, pql.exit());
        assertEquals("glimmer: error: zero-inflated models (--zi) are fitted by --method Laplace or AGQ, not PQL", pql.err().strip());
    }
}
