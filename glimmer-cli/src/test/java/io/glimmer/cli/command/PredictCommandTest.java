package io.glimmer.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.cli.Cli;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer fit --save} then {@code glimmer predict}, end to end in-process. */
class PredictCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SLEEPSTUDY = "Reaction ~ Days + (Days | Subject)";
    static final String CBPP = "cbind(incidence, size - incidence) ~ period + (1 | herd)";

    @TempDir
    static Path dir;
    static Path sleepstudy;
    static Path cbpp;
    static Path sleepModel;
    static Path sleepResiduals;
    static Path cbppModel;

    @BeforeAll
    static void fitAndSave() {
        sleepstudy = Cli.data(dir, "sleepstudy.csv");
        cbpp = Cli.data(dir, "cbpp.csv");
        sleepModel = dir.resolve("sleepstudy.model.json");
        sleepResiduals = dir.resolve("sleepstudy.residuals.csv");
        cbppModel = dir.resolve("cbpp.model.json");
        Cli.Result s = Cli.run("fit", "--data", sleepstudy.toString(), "--formula", SLEEPSTUDY, "--save", sleepModel.toString(),
                "--residuals", sleepResiduals.toString());
        assertEquals(0, s.exit(), s.err());
        Cli.Result c = Cli.run("fit", "--data", cbpp.toString(), "--formula", CBPP, "--family", "binomial", "--factors", "period,herd",
                "--save", cbppModel.toString(), "--format", "json");
        assertEquals(0, c.exit(), c.err());
    }

    private static JsonNode predictJson(Path model, Path data, String type, String random) throws IOException {
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--data", data.toString(), "--type", type, "--random", random, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void savedModelFileIsVersionedAndSelfContained() throws IOException {
        JsonNode m = JSON.readTree(Files.readString(cbppModel));
        assertEquals("glimmer-model", m.get("format").asText());
        assertEquals(1, m.get("format_version").asInt());
        assertEquals(CBPP, m.get("formula").asText());
        assertEquals("binomial", m.get("family").asText());
        assertEquals("logit", m.get("link").asText());
        assertEquals("Laplace", m.get("method").asText());
        assertEquals("[\"(Intercept)\",\"period2\",\"period3\",\"period4\"]", m.get("fixed_effects").get("terms").toString());
        assertEquals(4, m.get("fixed_effects").get("covariance").size());
        assertEquals("[\"1\",\"2\",\"3\",\"4\"]", m.get("factor_levels").get("period").toString());
        assertTrue(m.get("sigma").isNull());
        JsonNode herd = m.get("random_effects").get(0);
        assertEquals("herd", herd.get("group").asText());
        assertEquals(15, herd.get("levels").size());
        assertEquals(15, herd.get("conditional_modes").size());
        assertEquals(0.5896, herd.get("conditional_modes").get(0).get(0).asDouble(), 2e-3); // lme4's ranef for herd 1
        assertEquals(0.412, herd.get("covariance").get(0).get(0).asDouble(), 2e-3);
        assertEquals(1, m.get("theta").size());
    }

    @Test
    void roundTripReproducesTheFittedValues() throws IOException {
        Cli.Result r = Cli.run("predict", "--model", sleepModel.toString(), "--data", sleepstudy.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> predicted = r.out().lines().toList();
        List<String> residuals = Files.readAllLines(sleepResiduals);
        assertEquals("row,prediction", predicted.get(0));
        assertEquals(181, predicted.size());
        assertEquals(residuals.size(), predicted.size());
        for (int i = 1; i < predicted.size(); i++) {
            String[] p = predicted.get(i).split(",");
            String[] f = residuals.get(i).split(",");
            assertEquals(f[0], p[0]);
            assertEquals(Double.parseDouble(f[2]), Double.parseDouble(p[1]), 1e-9 * Math.abs(Double.parseDouble(f[2])), "row " + i);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"conditional, link", "conditional, response", "population, link", "population, response"})
    void agreesWithLme4OnTheReferenceRows(String random, String type) throws IOException {
        for (String id : List.of("sleepstudy_reml", "cbpp_laplace")) {
            Path model = id.startsWith("sleep") ? sleepModel : cbppModel;
            Path data = id.startsWith("sleep") ? sleepstudy : cbpp;
            JsonNode p = predictJson(model, data, type, random);
            assertEquals(type, p.get("type").asText());
            assertEquals(random, p.get("random").asText());
            JsonNode ref = Reference.load(id).json().get("predictions");
            JsonNode expected = ref.get(random + "_" + type);
            for (int i = 0; i < ref.get("rows").size(); i++) {
                int row = ref.get("rows").get(i).asInt() - 1;
                double e = expected.get(i).asDouble();
                assertEquals(e, p.get("predictions").get(row).asDouble(), 1e-3 * Math.abs(e), id + " row " + (row + 1));
            }
            assertEquals(random.equals("population"), p.has("std_errors"));
        }
    }

    @Test
    void unseenLevelsFallBackWithANoteAndMissingRowsAreNa() throws IOException {
        Path fresh = dir.resolve("new-subjects.csv");
        Files.writeString(fresh, "Days,Subject\n0,308\n1,999\n2,999\nNA,308\n");
        Cli.Result r = Cli.run("predict", "--model", sleepModel.toString(), "--data", fresh.toString(), "--type", "link");
        assertEquals(0, r.exit(), r.err());
        String[] notes = r.errLines();
        assertEquals(2, notes.length, r.err());
        assertTrue(notes[0].startsWith("glimmer: note: 1 row has a missing value in Days"), r.err());
        assertTrue(notes[1].contains("2 rows") && notes[1].contains("'Subject'") && notes[1].contains("999"), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("4,NA", lines.get(4));
        JsonNode model = JSON.readTree(Files.readString(sleepModel));
        double b0 = model.get("fixed_effects").get("estimates").get(0).asDouble();
        double b1 = model.get("fixed_effects").get("estimates").get(1).asDouble();
        assertEquals(b0 + 2 * b1, Double.parseDouble(lines.get(3).split(",")[1]), 1e-9);

        JsonNode j = predictJson(sleepModel, fresh, "link", "conditional");
        assertTrue(j.get("predictions").get(3).isNull());
        assertEquals(1, j.get("n_missing").asInt());
        assertEquals(2, j.get("notes").size());
    }

    @Test
    void marginalPredictionsShowTheLogitApproximation() throws IOException {
        Cli.Result r = Cli.run("predict", "--model", cbppModel.toString(), "--data", cbpp.toString(), "--random", "marginal");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("approximation"), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("row,prediction,std_error,approximation", lines.get(0));
        String[] first = lines.get(1).split(",");
        // ∫ expit(-1.3985 + 0.6423 t) φ(t) dt (R's integrate); the approximation a little below
        assertEquals(0.216093, Double.parseDouble(first[1]), 2e-3);
        assertEquals(Double.parseDouble(first[1]), Double.parseDouble(first[3]), 0.01);

        JsonNode j = predictJson(cbppModel, cbpp, "response", "marginal");
        assertEquals(56, j.get("predictions").size());
        assertEquals(56, j.get("approximation").size());
    }

    @Test
    void standardInputAndOutputFile() throws IOException {
        Path out = dir.resolve("predictions.csv");
        Cli.Result r = Cli.runWithInput("Days\n3\n", "predict", "--model", sleepModel.toString(), "--data", "-",
                "--random", "population", "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals("row,prediction,std_error", lines.get(0));
        assertEquals(251.405 + 3 * 10.467, Double.parseDouble(lines.get(1).split(",")[1]), 0.05);
    }

    @Test
    void badInputExitsWithStatus2AndOneLine() throws IOException {
        assertBad("no such model file", "predict", "--model", dir.resolve("nope.json").toString(), "--data", sleepstudy.toString());
        assertBad("not a glimmer model file", "predict", "--model", sleepstudy.toString(), "--data", sleepstudy.toString());

        ObjectNode future = (ObjectNode) JSON.readTree(Files.readString(sleepModel));
        future.put("format_version", 99);
        Path futureFile = dir.resolve("future.model.json");
        Files.writeString(futureFile, future.toString());
        assertBad("format version 99 is not supported", "predict", "--model", futureFile.toString(), "--data", sleepstudy.toString());

        ObjectNode broken = (ObjectNode) JSON.readTree(Files.readString(sleepModel));
        broken.remove("fixed_effects");
        Path brokenFile = dir.resolve("broken.model.json");
        Files.writeString(brokenFile, broken.toString());
        assertBad("'fixed_effects'", "predict", "--model", brokenFile.toString(), "--data", sleepstudy.toString());

        Path noDays = dir.resolve("no-days.csv");
        Files.writeString(noDays, "Subject\n308\n");
        assertBad("no column 'Days'", "predict", "--model", sleepModel.toString(), "--data", noDays.toString());
        Path noGroup = dir.resolve("no-group.csv");
        Files.writeString(noGroup, "Days\n1\n");
        assertBad("'Subject'", "predict", "--model", sleepModel.toString(), "--data", noGroup.toString());

        Path badPeriod = dir.resolve("bad-period.csv");
        Files.writeString(badPeriod, "period,herd\n9,1\n");
        assertBad("'period' has level '9'", "predict", "--model", cbppModel.toString(), "--data", badPeriod.toString());

        assertBad("--type", "predict", "--model", sleepModel.toString(), "--data", sleepstudy.toString(), "--type", "mean");
        assertBad("--random", "predict", "--model", sleepModel.toString(), "--data", sleepstudy.toString(), "--random", "none");
        assertBad("--format", "predict", "--model", sleepModel.toString(), "--data", sleepstudy.toString(), "--format", "xml");
        assertBad("--model", "predict", "--data", sleepstudy.toString());
        assertBad("--save: a conditional logistic regression", "fit", "--data", Cli.data(dir, "infert.csv").toString(), "--formula",
                "case ~ spontaneous + induced", "--family", "binomial", "--method", "conditional", "--strata", "stratum",
                "--save", dir.resolve("clogit.json").toString());
        assertBad("does not exist", "fit", "--data", sleepstudy.toString(), "--formula", SLEEPSTUDY, "--save", dir.resolve("no/such/dir/m.json").toString());
    }

    private static void assertBad(String expected, String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("predict", "--help");
        assertEquals(0, r.exit());
        for (String option : List.of("--model", "--data", "--type", "--random", "--format", "--output")) {
            assertTrue(r.out().contains(option), option);
        }
        assertTrue(Cli.run("--help").out().contains("predict"));
        assertTrue(Cli.run("fit", "--help").out().contains("--save"));
        assertTrue(Cli.run("fit", "--help").out().contains("--residuals"));
    }
}
