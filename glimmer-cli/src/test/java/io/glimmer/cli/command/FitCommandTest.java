package io.glimmer.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer fit} end to end on sleepstudy, in-process. */
class FitCommandTest {
    static final String FORMULA = "Reaction ~ Days + (Days | Subject)";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path sleepstudy;

    @BeforeAll
    static void copyData() {
        sleepstudy = Cli.data(dir, "sleepstudy.csv");
    }

    private static JsonNode json(Cli.Result r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void jsonHasTheContractNamesAndLme4Values() throws IOException {
        JsonNode j = json(Cli.run("fit", "--data", sleepstudy.toString(), "--formula", FORMULA, "--format", "json"));
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("formula", "family", "link", "method", "nAGQ", "n_obs", "n_dropped", "groups",
                "converged", "singular", "warnings", "log_likelihood", "df", "deviance", "aic", "bic", "reml_criterion",
                "residual_std_dev", "fixed_effects", "random_effects", "random_effect_correlations", "conditional_modes",
                "correlation_alpha", "scale", "correlation_parameter", "optimizer", "fit_seconds")), names.toString());
        assertEquals(FORMULA, j.get("formula").asText());
        assertEquals("gaussian", j.get("family").asText());
        assertEquals("identity", j.get("link").asText());
        assertEquals("REML", j.get("method").asText());
        assertEquals(180, j.get("n_obs").asInt());
        assertEquals(0, j.get("n_dropped").asInt());
        assertEquals(18, j.get("groups").get("Subject").asInt());
        assertTrue(j.get("converged").asBoolean());
        assertEquals(-871.8141, j.get("log_likelihood").asDouble(), 0.01);
        assertEquals(6, j.get("df").asInt());
        assertEquals(1743.628, j.get("deviance").asDouble(), 0.02);
        assertEquals(1743.628, j.get("reml_criterion").asDouble(), 0.02);
        assertEquals(25.5918, j.get("residual_std_dev").asDouble(), 0.01);

        JsonNode fixed = j.get("fixed_effects");
        assertEquals(2, fixed.size());
        assertEquals("(Intercept)", fixed.get(0).get("term").asText());
        assertEquals(251.4051, fixed.get(0).get("estimate").asDouble(), 1e-3);
        JsonNode days = fixed.get(1);
        assertEquals("Days", days.get("term").asText());
        assertEquals(10.4673, days.get("estimate").asDouble(), 1e-3);
        assertEquals(1.5458, days.get("std_error").asDouble(), 0.01);
        assertEquals(6.771, days.get("statistic").asDouble(), 0.05);
        assertTrue(days.get("p_value").isNull());

        JsonNode random = j.get("random_effects");
        assertEquals(2, random.size());
        assertEquals("Subject", random.get(0).get("group").asText());
        assertEquals("(Intercept)", random.get(0).get("term").asText());
        assertEquals(24.74, random.get(0).get("std_dev").asDouble(), 0.25);
        assertEquals(5.922, random.get(1).get("std_dev").asDouble(), 0.06);
        JsonNode cor = j.get("random_effect_correlations").get(0);
        assertEquals("Subject", cor.get("group").asText());
        assertEquals(0.066, cor.get("correlation").asDouble(), 0.01);

        JsonNode modes = j.get("conditional_modes").get("Subject");
        assertEquals("[\"(Intercept)\",\"Days\"]", modes.get("terms").toString());
        assertEquals(18, modes.get("levels").size());
        assertEquals("308", modes.get("levels").fieldNames().next());
        assertEquals(2, modes.get("levels").get("308").size());

        assertTrue(j.get("correlation_alpha").isNull());
        assertTrue(j.get("optimizer").get("evaluations").asInt() > 0);
        assertTrue(j.get("fit_seconds").asDouble() > 0);
    }

    @Test
    void textIsAnLme4Summary() {
        Cli.Result r = Cli.run("fit", "--data", sleepstudy.toString(), "--formula", FORMULA);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        String t = r.out();
        assertTrue(t.startsWith("Linear mixed model fit by REML ['lmerMod']\nFormula: " + FORMULA + "\n   Data: " + sleepstudy + "\n"), t);
        assertTrue(t.contains("\nREML criterion at convergence: 1743.6\n"), t);
        assertTrue(t.contains("\nScaled residuals: \n    Min      1Q  Median      3Q     Max \n"), t);
        assertTrue(t.contains("\nRandom effects:\n Groups   Name        Variance Std.Dev. Corr\n Subject  (Intercept) "), t);
        assertTrue(t.contains("\n Residual             "), t);
        assertTrue(t.contains("\nNumber of obs: 180, groups:  Subject, 18\n"), t);
        assertTrue(t.contains("\nFixed effects:\n            Estimate Std. Error t value\n(Intercept)  251.405 "), t);
        assertTrue(t.contains("\nDays          10.467 "), t);
        assertTrue(t.contains("\nCorrelation of Fixed Effects:\n     (Intr)\nDays -0.138\n"), t);
        assertFalse(t.contains("Pr(>|"), t);
    }

    @Test
    void maximumLikelihoodShowsTheInformationCriteria() {
        Cli.Result r = Cli.run("fit", "--data", sleepstudy.toString(), "--formula", FORMULA, "--method", "ML");
        assertEquals(0, r.exit(), r.err());
        String t = r.out();
        assertTrue(t.startsWith("Linear mixed model fit by maximum likelihood  ['lmerMod']\n"), t);
        assertTrue(t.contains("\n     AIC      BIC   logLik deviance df.resid \n  1763.9   1783.1   -876.0   1751.9      174 \n"), t);
        assertFalse(t.contains("REML criterion"), t);
    }

    @Test
    void outputWritesTheFileAndNothingToStandardOutput() throws IOException {
        Path file = dir.resolve("fit.json");
        Cli.Result r = Cli.run("fit", "--data", sleepstudy.toString(), "--formula", FORMULA, "--format", "json", "--output", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        JsonNode j = JSON.readTree(Files.readString(file));
        assertEquals(-871.8141, j.get("log_likelihood").asDouble(), 0.01);

        Path text = dir.resolve("fit.txt");
        assertEquals(0, Cli.run("fit", "--data", sleepstudy.toString(), "--formula", FORMULA, "--output", text.toString()).exit());
        assertTrue(Files.readString(text).contains("Number of obs: 180, groups:  Subject, 18"));
    }

    @Test
    void jsonOnStandardOutputAndInTheOutputFileAreTheSameBytes() throws IOException {
        // non-ASCII level names: both ways write UTF-8
        Path data = dir.resolve("sleepstudy-utf8.csv");
        Files.writeString(data, Files.readString(sleepstudy).replace("\"308\"", "\"Zürich π 308\""));
        Path file = dir.resolve("fit-utf8.json");
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--formula", FORMULA, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, Cli.run("fit", "--data", data.toString(), "--formula", FORMULA, "--format", "json", "--output", file.toString()).exit());
        String written = Files.readString(file);
        assertTrue(written.contains("\"Zürich π 308\": ["), written);
        assertEquals(withoutFitSeconds(r.out()), withoutFitSeconds(written));
    }

    private static String withoutFitSeconds(String json) {
        return json.replaceAll("\"fit_seconds\": [^,\n]*", "\"fit_seconds\": X");
    }

    @Test
    void dataDashReadsStandardInput() throws IOException {
        Cli.Result r = Cli.runWithInput(Cli.dataText("sleepstudy.csv"), "fit", "--data", "-", "--formula", FORMULA, "--format", "json");
        JsonNode j = json(r);
        assertEquals(180, j.get("n_obs").asInt());
        assertEquals(10.4673, j.get("fixed_effects").get(1).get("estimate").asDouble(), 1e-3);

        Cli.Result text = Cli.runWithInput(Cli.dataText("sleepstudy.csv"), "fit", "--data", "-", "--formula", FORMULA);
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("\n   Data: <stdin>\n"), text.out());
    }

    @Test
    void rowsWithMissingValuesAreDroppedAndCounted() throws IOException {
        String csv = Cli.dataText("sleepstudy.csv").replaceFirst("\n249.56,", "\nNA,");
        Path file = dir.resolve("sleepstudy-na.csv");
        Files.writeString(file, csv);
        JsonNode j = json(Cli.run("fit", "--data", file.toString(), "--formula", FORMULA, "--format", "json"));
        assertEquals(179, j.get("n_obs").asInt());
        assertEquals(1, j.get("n_dropped").asInt());
        Cli.Result t = Cli.run("fit", "--data", file.toString(), "--formula", FORMULA);
        assertTrue(t.out().contains("\n1 row dropped for missing values\n"), t.out());
    }

    @Test
    void formatIsCaseInsensitiveAndFactorsAreAccepted() throws IOException {
        JsonNode j = json(Cli.run("fit", "--data", sleepstudy.toString(), "--formula", FORMULA, "--format", "JSON", "--factors", "Subject"));
        assertEquals(18, j.get("groups").get("Subject").asInt());
    }

    @Test
    void helpAndVersion() {
        Cli.Result top = Cli.run("--help");
        assertEquals(0, top.exit());
        assertTrue(top.out().contains("Usage: glimmer"), top.out());
        assertTrue(top.out().contains("fit"), top.out());
        Cli.Result fit = Cli.run("fit", "--help");
        assertEquals(0, fit.exit());
        for (String option : List.of("--data", "--formula", "--family", "--link", "--method", "--agq", "--factors", "--weights",
                "--cluster", "--corstr", "--strata", "--correlation", "--format", "--output")) {
            assertTrue(fit.out().contains(option), option);
        }
        Cli.Result version = Cli.run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("glimmer "), version.out());
    }
}
