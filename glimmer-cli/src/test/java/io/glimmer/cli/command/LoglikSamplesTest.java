package io.glimmer.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer fit --loglik-samples}: the JSON keys, the summary line, the seed, and bad input. */
class LoglikSamplesTest {
    static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";

    @TempDir
    static Path dir;
    static Path cbpp;

    @BeforeAll
    static void copyData() {
        cbpp = Cli.data(dir, "cbpp.csv");
    }

    @Test
    void jsonHasTheEstimateItsStandardErrorAndTheSeed() throws Exception {
        Cli.Result r = Cli.run("fit", "--data", cbpp.toString(), "--formula", CBPP, "--family", "binomial", "--factors", "period",
                "--loglik-samples", "2000", "--seed", "5", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        double is = j.get("log_likelihood_is").asDouble();
        double se = j.get("log_likelihood_is_se").asDouble();
        assertEquals(5, j.get("seed").asLong());
        assertTrue(se > 0 && se < 0.05, "s.e. " + se);
        // Laplace is a close approximation for cbpp (AGQ 25: -50.005 against Laplace's -50.006 at their optima)
        assertEquals(j.get("log_likelihood").asDouble(), is, 0.1);
        Cli.Result again = Cli.run("fit", "--data", cbpp.toString(), "--formula", CBPP, "--family", "binomial", "--factors", "period",
                "--loglik-samples", "2000", "--seed", "5", "--format", "json");
        assertEquals(is, new ObjectMapper().readTree(again.out()).get("log_likelihood_is").asDouble());
    }

    @Test
    void summarySaysHowFarLaplaceIs() {
        Cli.Result r = Cli.run("fit", "--data", cbpp.toString(), "--formula", CBPP, "--family", "binomial", "--factors", "period",
                "--loglik-samples", "500");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("logLik by importance sampling: "), r.out());
        assertTrue(r.out().contains("Monte Carlo s.e.)"), r.out());
        assertTrue(r.err().startsWith("glimmer: note: seed "), r.err()); // a drawn seed is reported
    }

    @Test
    void badInputIsOneLineWithStatusTwo() {
        Cli.Result reml = Cli.run("fit", "--data", cbpp.toString(), "--formula", "incidence ~ period + (1 | herd)", "--loglik-samples", "100");
        assertEquals(2, reml.exit());
        assertTrue(reml.err().contains("use --method ML") && reml.err().strip().lines().count() == 1, reml.err());
        Cli.Result few = Cli.run("fit", "--data", cbpp.toString(), "--formula", CBPP, "--family", "binomial", "--loglik-samples", "1");
        assertEquals(2, few.exit());
        assertTrue(few.err().contains("--loglik-samples must be at least 2"), few.err());
        Cli.Result seedAlone = Cli.run("fit", "--data", cbpp.toString(), "--formula", CBPP, "--family", "binomial", "--seed", "1");
        assertEquals(2, seedAlone.exit());
        assertTrue(seedAlone.err().contains("--seed applies to --method MCEM"), seedAlone.err());
    }

    @Test
    void mcemReportsItsSeedAndRepeatsWithIt() throws Exception {
        Cli.Result r = Cli.run("fit", "--data", cbpp.toString(), "--formula", CBPP, "--family", "binomial", "--factors", "period",
                "--method", "MCEM", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        long seed = j.get("seed").asLong();
        assertTrue(r.err().contains("seed " + seed), r.err());
        assertEquals("MCEM", j.get("method").asText());
        Cli.Result again = Cli.run("fit", "--data", cbpp.toString(), "--formula", CBPP, "--family", "binomial", "--factors", "period",
                "--method", "MCEM", "--seed", Long.toString(seed), "--format", "json");
        JsonNode k = new ObjectMapper().readTree(again.out());
        assertEquals(j.get("fixed_effects").toString(), k.get("fixed_effects").toString());
        assertEquals(j.get("log_likelihood").asDouble(), k.get("log_likelihood").asDouble());
    }
}
