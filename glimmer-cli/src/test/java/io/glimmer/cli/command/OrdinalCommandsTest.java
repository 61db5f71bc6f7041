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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What follows an ordinal fit on the command line (wine, ordinal::clmm's model): simulated categories,
 * bootstrap intervals with the thresholds, the residuals file against values from clmm's fit
 * (reference/r/ordinal_after_fit.R), and the importance-sampled log-likelihood. The numbers
 * themselves are checked in the core (OrdinalSimulationTest, OrdinalResidualsTest, ObservationModelSamplingTest).
 */
class OrdinalCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WINE = "rating ~ temp + contact + (1 | judge)";

    @TempDir
    static Path dir;
    static Path wine;

    @BeforeAll
    static void data() {
        wine = Cli.shared("wine.csv");
    }

    private static String[] args(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command, "--data", wine.toString(), "--formula", WINE, "--family", "ordinal",
                "--factors", "judge"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void simulatesCategoryNumbers() throws IOException {
        Cli.Result r = Cli.run(args("simulate", "--nsim", "3", "--seed", "4", "--format", "json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode sims = JSON.readTree(r.out()).get("simulations");
        assertEquals(3, sims.size());
        for (JsonNode sim : sims) {
            assertEquals(72, sim.size());
            for (JsonNode v : sim) {
                double c = v.asDouble();
                assertTrue(c >= 1 && c <= 5 && c == Math.rint(c), "category " + c);
            }
        }
    }

    @Test
    void bootstrapIntervalsIncludeTheThresholds() throws IOException {
        Cli.Result r = Cli.run(args("confint", "--interval", "bootstrap", "--nsim", "20", "--seed", "3", "--format", "json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode ref = Reference.load("wine_clmm_laplace").json();
        java.util.Map<String, Double> estimates = new java.util.HashMap<>();
        for (JsonNode e : ref.get("fixed_effects")) {
            estimates.put(e.get("term").asText(), e.get("estimate").asDouble());
        }
        for (JsonNode e : ref.get("thresholds")) {
            estimates.put(e.get("term").asText(), e.get("estimate").asDouble());
        }
        List<String> names = new ArrayList<>();
        for (JsonNode i : JSON.readTree(r.out()).get("intervals")) {
            String name = i.get("parameter").asText();
            names.add(name);
            double lower = i.get("lower").asDouble();
            double upper = i.get("upper").asDouble();
            assertTrue(lower < upper, i.toString()); // 20 replicates of a continuous estimate do not all coincide
            Double estimate = estimates.get(name);
            if (estimate != null) { // clmm's estimate lies inside the percentile interval of 20 replicates around it
                assertTrue(lower < estimate && estimate < upper, name + " " + estimate + " outside " + i);
            }
        }
        assertEquals(List.of("sd_(Intercept)|judge", "tempwarm", "contactyes", "1|2", "2|3", "3|4", "4|5"), names);
    }

    @Test
    void residualsFileHasProbabilityScalePearsonAndDevianceResiduals() throws IOException {
        Path file = dir.resolve("wine-residuals.csv");
        Cli.Result r = Cli.run(args("fit", "--residuals", file.toString()));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(73, lines.size());
        JsonNode ref = Reference.load("wine_clmm_after_fit").json();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            // the core's OrdinalResidualsTest tolerance: R's residuals from clmm's estimates differ by at most 6.6e-6
            assertEquals(ref.get("fitted").get(i - 1).asDouble(), Double.parseDouble(f[2]), 5e-5);
            assertEquals(ref.get("residuals_probability_scale").get(i - 1).asDouble(), Double.parseDouble(f[3]), 5e-5);
            assertEquals(ref.get("residuals_pearson_scores").get(i - 1).asDouble(), Double.parseDouble(f[4]), 5e-5);
            assertEquals(ref.get("residuals_deviance").get(i - 1).asDouble(), Double.parseDouble(f[5]), 5e-5);
            assertEquals("NA", f[6]);
        }
    }

    @Test
    void importanceSampledLikelihoodIsNearLaplaces() throws IOException {
        Cli.Result r = Cli.run(args("fit", "--loglik-samples", "2000", "--seed", "8", "--format", "json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(j.get("log_likelihood").asDouble(), j.get("log_likelihood_is").asDouble(), 0.2);
    }
}
