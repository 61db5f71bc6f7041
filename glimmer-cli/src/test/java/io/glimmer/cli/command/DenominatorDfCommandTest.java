package io.glimmer.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import io.glimmer.options.DenominatorDf;
import io.glimmer.reference.DdfReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code glimmer fit --ddf} and {@code glimmer anova} end to end against lmerTest and pbkrtest
 * (reference/ddf_lmertest.json, made by reference/r/ddf_lmertest.R): the JSON within the brief's
 * tolerances (df, F, p relative 1e-4: Glimmer's own optimum against R's, whose θ̂ differ by a few
 * 1e-6; Kenward–Roger standard errors relative 1e-5, the adjustment being second order in θ̂), the text
 * exactly as lmerTest prints it (R's numbers from the same tight optimum), and bad input.
 */
class DenominatorDfCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNBALANCED = "Reaction ~ Days * Group + (Days | Subject)";

    @TempDir
    static Path dir;

    private static List<String> args(String command, JsonNode c, DenominatorDf ddf) {
        List<String> a = new ArrayList<>(List.of(command, "--data", Cli.data(dir, c.get("data").asText()).toString(),
                "--formula", c.get("formula").asText(), "--method", c.get("method").asText(), "--ddf", ddf.label(), "--format", "json"));
        List<String> factors = new ArrayList<>();
        c.get("factors").forEach(f -> factors.add(f.asText()));
        a.add("--factors");
        a.add(String.join(",", factors));
        return a;
    }

    private static JsonNode run(List<String> args) throws IOException {
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.glimmer.reference.DdfReference#cases")
    void fitJsonGivesEachFixedEffectItsDf(String id, DenominatorDf ddf) throws IOException {
        JsonNode c = DdfReference.reference(id);
        JsonNode expected = DdfReference.results(c, ddf).get("fixed_effects");
        JsonNode got = run(args("fit", c, ddf)).get("fixed_effects");
        assertEquals(expected.size(), got.size());
        double seTolerance = ddf == DenominatorDf.KENWARD_ROGER ? 1e-5 : 1e-4;
        for (int j = 0; j < got.size(); j++) {
            JsonNode e = expected.get(j);
            JsonNode g = got.get(j);
            String term = e.get("term").asText();
            assertEquals(term, g.get("term").asText());
            relative(e.get("df").asDouble(), g.get("df").asDouble(), 1e-4, "df of " + term);
            relative(e.get("p_value").asDouble(), g.get("p_value").asDouble(), 1e-4, "p-value of " + term);
            relative(e.get("std_error").asDouble(), g.get("std_error").asDouble(), seTolerance, "standard error of " + term);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.glimmer.reference.DdfReference#cases")
    void anovaJsonIsLmerTestsTable(String id, DenominatorDf ddf) throws IOException {
        JsonNode c = DdfReference.reference(id);
        for (JsonNode expected : DdfReference.results(c, ddf).get("anova")) {
            List<String> a = args("anova", c, ddf);
            a.add("--type");
            a.add(expected.get("type").asText());
            JsonNode got = run(a);
            assertEquals(ddf.label(), got.get("ddf").asText());
            assertEquals(expected.get("type").asInt(), got.get("type").asInt());
            JsonNode tests = expected.get("tests");
            assertEquals(tests.size(), got.get("tests").size());
            for (int i = 0; i < tests.size(); i++) {
                JsonNode e = tests.get(i);
                JsonNode g = got.get("tests").get(i);
                String what = "type " + expected.get("type") + " " + e.get("term").asText();
                assertEquals(e.get("term").asText(), g.get("term").asText());
                assertEquals(e.get("num_df").asInt(), g.get("num_df").asInt(), what);
                assertTrue(g.get("num_df").isInt(), what);
                relative(e.get("den_df").asDouble(), g.get("den_df").asDouble(), 1e-4, "den_df, " + what);
                relative(e.get("F").asDouble(), g.get("F").asDouble(), 1e-4, "F, " + what);
                relative(e.get("p_value").asDouble(), g.get("p_value").asDouble(), 1e-4, "p_value, " + what);
            }
        }
    }

    @Test
    void anovaTextReadsLikeLmerTest() {
        String data = Cli.data(dir, "sleepstudy_unbalanced.csv").toString();
        Cli.Result r = Cli.run("anova", "--data", data, "--formula", UNBALANCED, "--ddf", "satterthwaite");
        assertEquals(0, r.exit(), r.err());
        assertEquals(String.join("\n",
                "Type III Analysis of Variance Table with Satterthwaite's method",
                "            Sum Sq Mean Sq NumDF  DenDF F value    Pr(>F)    ",
                "Days       28542.9 28542.9     1 15.829 37.3853 1.565e-05 ***",
                "Group       1001.9   500.9     2 14.082  0.6561    0.5340    ",
                "Days:Group   328.6   164.3     2 15.820  0.2152    0.8087    ",
                "---",
                "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1", ""), r.out());
        Cli.Result k = Cli.run("anova", "--data", data, "--formula", UNBALANCED, "--ddf", "kenward-roger", "--type", "1");
        assertEquals(0, k.exit(), k.err());
        List<String> lines = List.of(k.out().split("\n"));
        assertEquals("Type I Analysis of Variance Table with Kenward-Roger's method", lines.get(0));
        assertEquals("Days       27089.4 27089.4     1 15.012 35.4815 2.622e-05 ***", lines.get(2));
        assertEquals("Group       1773.1   886.6     2 14.978  1.1612    0.3398    ", lines.get(3));
        assertEquals("Days:Group   326.3   163.1     2 14.827  0.2137    0.8101    ", lines.get(4));
    }

    @Test
    void fitTextHasLmerTestsTitleAndDfColumn() {
        String data = Cli.data(dir, "sleepstudy_unbalanced.csv").toString();
        Cli.Result r = Cli.run("fit", "--data", data, "--formula", UNBALANCED, "--ddf", "kenward-roger");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = List.of(r.out().split("\n"));
        assertEquals("Linear mixed model fit by REML. t-tests use Kenward-Roger's method ['lmerModLmerTest']", lines.get(0));
        int at = lines.indexOf("Fixed effects:");
        assertEquals(List.of(
                "            Estimate Std. Error      df t value Pr(>|t|)    ",
                "(Intercept)  258.938     12.982  13.386  19.946 2.41e-11 ***",
                "Days          11.629      2.921  14.457   3.981  0.00129 ** ",
                "Groupb       -20.323     19.091  14.428  -1.064  0.30460    ",
                "Groupc        -2.856     18.639  13.909  -0.153  0.88040    ",
                "Days:Groupb   -2.717      4.191  15.036  -0.648  0.52656    ",
                "Days:Groupc   -1.018      4.132  14.446  -0.246  0.80883    "), lines.subList(at + 1, at + 8));
        Cli.Result ml = Cli.run("fit", "--data", data, "--formula", UNBALANCED, "--ddf", "satterthwaite", "--method", "ML");
        assertEquals("Linear mixed model fit by maximum likelihood . t-tests use Satterthwaite's method ['lmerModLmerTest']",
                ml.out().split("\n")[0]);
    }

    @Test
    void withoutDdfTheFitIsLme4s() throws IOException {
        Cli.Result r = Cli.run("fit", "--data", Cli.data(dir, "sleepstudy.csv").toString(), "--formula",
                "Reaction ~ Days + (Days | Subject)", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        for (JsonNode f : JSON.readTree(r.out()).get("fixed_effects")) {
            assertFalse(f.has("df"));
            assertTrue(f.get("p_value").isNull());
        }
    }

    static Stream<Arguments> badInput() {
        String ss = "sleepstudy.csv";
        String lmm = "Reaction ~ Days + (Days | Subject)";
        return Stream.of(
                Arguments.of(List.of("fit", "--data", "cbpp.csv", "--formula", "cbind(incidence, size - incidence) ~ period + (1 | herd)",
                        "--family", "binomial", "--ddf", "satterthwaite"),
                        "denominator degrees of freedom are defined for linear mixed models only (family binomial)"),
                Arguments.of(List.of("anova", "--data", "cbpp.csv", "--formula", "cbind(incidence, size - incidence) ~ period + (1 | herd)",
                        "--family", "binomial", "--ddf", "kenward-roger"),
                        "denominator degrees of freedom are defined for linear mixed models only (family binomial)"),
                Arguments.of(List.of("fit", "--data", ss, "--formula", lmm, "--method", "GEE", "--cluster", "Subject", "--ddf", "satterthwaite"),
                        "denominator degrees of freedom are defined for linear mixed models fitted by REML or ML only (method GEE)"),
                Arguments.of(List.of("fit", "--data", ss, "--formula", "Reaction ~ Days + (1 | Subject)", "--family", "poisson",
                        "--method", "PQL", "--ddf", "satterthwaite"),
                        "denominator degrees of freedom are defined for linear mixed models only (family poisson)"),
                Arguments.of(List.of("fit", "--data", ss, "--formula", "Reaction ~ Days + (1 | Subject)", "--correlation", "ar1(Days | Subject)",
                        "--ddf", "satterthwaite"),
                        "denominator degrees of freedom are defined for linear mixed models without --correlation only (lmerTest's)"),
                Arguments.of(List.of("fit", "--data", ss, "--formula", lmm, "--method", "ML", "--ddf", "kenward-roger"),
                        "Kenward-Roger degrees of freedom are defined for REML fits only (as lmerTest's); use --method REML or --ddf satterthwaite"),
                Arguments.of(List.of("fit", "--data", ss, "--formula", lmm, "--ddf", "containment"),
                        "unknown --ddf 'containment' (choose one of: satterthwaite, kenward-roger)"),
                Arguments.of(List.of("anova", "--data", ss, "--formula", lmm),
                        "glimmer anova needs --ddf satterthwaite or --ddf kenward-roger"),
                Arguments.of(List.of("anova", "--data", ss, "--formula", lmm, "--ddf", "satterthwaite", "--type", "2"),
                        "--type must be 3 or 1 (lmerTest's type III or type I tests), not '2'"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsOneLineAndExitTwo(List<String> args, String message) {
        List<String> a = new ArrayList<>(args);
        a.set(2, Cli.data(dir, a.get(2)).toString());
        Cli.Result r = Cli.run(a.toArray(String[]::new));
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(List.of("glimmer: error: " + message), List.of(r.errLines()));
    }

    private static void relative(double expected, double got, double tolerance, String what) {
        assertEquals(expected, got, tolerance * Math.abs(expected), what);
    }
}
