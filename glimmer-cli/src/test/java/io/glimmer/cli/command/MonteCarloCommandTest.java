package io.glimmer.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer fit --method MCNR --mc-sampler ...}: the JSON keys, bad input, and the progress and Ctrl-C logic (without signals). */
class MonteCarloCommandTest {
    @TempDir
    static Path dir;
    static Path cbpp;

    @BeforeAll
    static void copyData() {
        cbpp = Cli.data(dir, "cbpp.csv");
    }

    @Test
    void mcnrJsonNamesTheSamplerAndTheMonteCarloErrors() throws Exception {
        Cli.Result r = Cli.run("fit", "--data", cbpp.toString(), "--formula", LoglikSamplesTest.CBPP, "--family", "binomial", "--factors", "period",
                "--method", "MCNR", "--mc-sampler", "importance", "--seed", "3", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("MCNR", j.get("method").asText());
        assertEquals("importance", j.get("mc_sampler").asText());
        assertEquals(3, j.get("seed").asLong());
        assertTrue(j.get("mc_standard_errors").get("theta").get(0).asDouble() > 0);
        assertTrue(j.get("mc_standard_errors").get("fixed_effects").get("period2").asDouble() > 0);
        assertTrue(r.err().isEmpty(), r.err()); // not a terminal: no progress lines
    }

    @Test
    void refusesASamplerWithoutAMonteCarloMethodAndGibbsForTheLogit() {
        Cli.Result r = Cli.run("fit", "--data", cbpp.toString(), "--formula", LoglikSamplesTest.CBPP, "--family", "binomial", "--factors", "period",
                "--mc-sampler", "metropolis");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--mc-sampler applies to --method MCEM and --method MCNR, not Laplace"), r.err());
        r = Cli.run("fit", "--data", cbpp.toString(), "--formula", LoglikSamplesTest.CBPP, "--family", "binomial", "--factors", "period",
                "--method", "MCEM", "--mc-sampler", "gibbs");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--mc-sampler gibbs is McCulloch's sampler for the binomial family with the probit link"), r.err());
        r = Cli.run("fit", "--data", cbpp.toString(), "--formula", LoglikSamplesTest.CBPP, "--family", "binomial", "--factors", "period",
                "--method", "MCEM", "--mc-sampler", "slice");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown Monte Carlo sampler 'slice'"), r.err());
    }

    @Test
    void progressOnATerminalOnlyAndAStopRequestIsKept() {
        StringWriter text = new StringWriter();
        MonteCarloProgress quiet = new MonteCarloProgress(new PrintWriter(text), false);
        quiet.iteration("MCEM", 1, 500, 0.1);
        assertEquals("", text.toString());
        MonteCarloProgress shown = new MonteCarloProgress(new PrintWriter(text), true);
        shown.iteration("MCNR", 2, 1500, 0.0123);
        assertEquals("glimmer: MCNR iteration 2: 1500 draws, largest change 0.0123" + System.lineSeparator(), text.toString());
        assertFalse(shown.stopRequested());
        shown.requestStop(); // what the Ctrl-C handler does
        assertTrue(shown.stopRequested());
    }
}
