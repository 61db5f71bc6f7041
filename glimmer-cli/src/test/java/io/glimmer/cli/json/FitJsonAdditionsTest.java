package io.glimmer.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import io.glimmer.cli.common.VersionProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fit JSON's theta, vcov, glimmer_version and conditional_variances blocks, end to end. */
class FitJsonAdditionsTest {
    @TempDir
    static Path dir;

    private static JsonNode fit(String file, String... args) throws IOException {
        String[] all = new String[args.length + 5];
        all[0] = "fit";
        all[1] = "--data";
        all[2] = Cli.data(dir, file).toString();
        System.arraycopy(args, 0, all, 3, args.length);
        all[all.length - 2] = "--format";
        all[all.length - 1] = "json";
        Cli.Result r = Cli.run(all);
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void sleepstudyThetaVcovAndVersion() throws IOException {
        JsonNode j = fit("sleepstudy.csv", "--formula", "Reaction ~ Days + (Days | Subject)");
        JsonNode theta = j.get("theta");
        assertEquals(3, theta.size()); // lme4 1.1-31 getME(fm, "theta")
        assertEquals(0.9667417739674123, theta.get(0).asDouble(), 1e-5);
        assertEquals(0.0151690588960361, theta.get(1).asDouble(), 1e-5);
        assertEquals(0.2309099532077945, theta.get(2).asDouble(), 1e-5);
        JsonNode vcov = j.get("vcov");
        assertEquals(2, vcov.size());
        for (int i = 0; i < 2; i++) {
            double se = j.get("fixed_effects").get(i).get("std_error").asDouble();
            assertEquals(se * se, vcov.get(i).get(i).asDouble(), 1e-9 * se * se, "diagonal is std_error squared");
        }
        assertEquals(vcov.get(0).get(1).asDouble(), vcov.get(1).get(0).asDouble(), 0.0);
        assertEquals(-1.45108841663252, vcov.get(0).get(1).asDouble(), 1e-4); // lme4's vcov(fm)
        String version = j.get("glimmer_version").asText();
        assertEquals(VersionProvider.version(), version);
        assertFalse(version.equals("unknown") || version.contains("${"), version);
    }

    @Test
    void uncorrelatedTermsOfOneFactorShareOneBlock() throws IOException {
        JsonNode j = fit("sleepstudy.csv", "--formula", "Reaction ~ Days + (Days || Subject)");
        JsonNode cv = j.get("conditional_variances").get("Subject");
        assertEquals("[\"(Intercept)\",\"Days\"]", cv.get("terms").toString());
        JsonNode block = cv.get("levels").get("308");
        assertEquals(2, block.size());
        assertEquals(block.get(0).get(1).asDouble(), block.get(1).get(0).asDouble(), 0.0);
        assertTrue(block.get(0).get(1).asDouble() < 0, "the factor's two terms covary given the data: " + block);
        assertEquals(2, j.get("theta").size());
    }

    @Test
    void geeHasNoTheta() throws IOException {
        JsonNode j = fit("ohio.csv", "--formula", "resp ~ age + smoke", "--family", "binomial", "--method", "GEE",
                "--cluster", "id", "--corstr", "exchangeable");
        assertTrue(j.get("theta").isNull());
        assertEquals(3, j.get("vcov").size());
        double se = j.get("fixed_effects").get(1).get("std_error").asDouble();
        assertEquals(se * se, j.get("vcov").get(1).get(1).asDouble(), 1e-9 * se * se, "the robust covariance of the std_errors");
    }
}
