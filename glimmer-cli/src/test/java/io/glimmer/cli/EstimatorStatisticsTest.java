package io.glimmer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GEE's QIC and the conditional logit's likelihood-ratio test reach the JSON and the text. */
class EstimatorStatisticsTest {
    @TempDir
    Path dir;

    @Test
    void conditionalLogitLikelihoodRatioTest() throws Exception {
        String data = Cli.data(dir, "infert.csv").toString();
        Cli.Result json = Cli.run("fit", "--data", data, "--formula", "case ~ spontaneous + induced", "--method", "conditional",
                "--strata", "stratum", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode st = new ObjectMapper().readTree(json.out()).get("statistics");
        assertEquals(53.15, st.get("likelihood_ratio_chisq").asDouble(), 0.005); // survival::clogit prints 53.15 on 2 df
        assertEquals(2, st.get("likelihood_ratio_df").asInt());
        Cli.Result text = Cli.run("fit", "--data", data, "--formula", "case ~ spontaneous + induced", "--method", "conditional", "--strata", "stratum");
        assertTrue(text.out().contains("Likelihood ratio test=53.15  on 2 df"), text.out());
    }

    @Test
    void geeQuasiInformationCriteria() throws Exception {
        String data = Cli.data(dir, "ohio.csv").toString();
        Cli.Result json = Cli.run("fit", "--data", data, "--formula", "resp ~ age + smoke", "--family", "binomial", "--method", "GEE",
                "--cluster", "id", "--corstr", "exchangeable", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode st = new ObjectMapper().readTree(json.out()).get("statistics");
        assertTrue(st.get("QIC").asDouble() > st.get("QICu").asDouble() - 50, st.toString());
        assertTrue(st.has("QICC"));
    }
}
