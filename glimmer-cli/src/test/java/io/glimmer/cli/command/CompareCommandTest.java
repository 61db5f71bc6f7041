package io.glimmer.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Cli;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code glimmer compare} end to end: lme4's anova numbers, CONTRACT's JSON, and bad input. */
class CompareCommandTest {
    static final String M0 = "Reaction ~ Days + (1 | Subject)";
    static final String M1 = "Reaction ~ Days + (Days | Subject)";
    static final ObjectMapper JSON = new ObjectMapper();

    static final Path sleepstudy = Cli.shared("sleepstudy.csv");
    static final Path cbpp = Cli.shared("cbpp.csv");

    private static List<String> names(JsonNode o) {
        List<String> n = new ArrayList<>();
        o.fieldNames().forEachRemaining(n::add);
        return n;
    }

    @Test
    void sleepstudyTextReadsLikeLme4Anova() {
        Cli.Result r = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M0, "--formula", M1);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> lines = List.of(r.out().split("\n"));
        assertEquals("refitting model(s) with ML (instead of REML)", lines.get(0));
        assertEquals("Models:", lines.get(2));
        assertEquals("m0: " + M0, lines.get(3));
        // lme4 1.1-31, anova(m0, m1)
        assertEquals("   npar    AIC    BIC  logLik deviance  Chisq Df Pr(>Chisq)    ", lines.get(5));
        assertEquals("m0    4 1802.1 1814.8 -897.04   1794.1                         ", lines.get(6));
        assertEquals("m1    6 1763.9 1783.1 -875.97   1751.9 42.139  2  7.072e-10 ***", lines.get(7));
        assertTrue(r.out().contains("0.5*chisq(1) + 0.5*chisq(2)"), r.out());
        assertTrue(r.out().contains("= 3.961e-10"), r.out());
    }

    @Test
    void tinyPValuesAndShortStatisticsAsLme4PrintsThem() {
        Cli.Result r = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", "Reaction ~ 1 + (1 | Subject)", "--formula", M1);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = List.of(r.out().split("\n"));
        assertEquals("   npar    AIC    BIC  logLik deviance Chisq Df Pr(>Chisq)    ", lines.get(5));
        assertEquals("m0    3 1916.5 1926.1 -955.27   1910.5                        ", lines.get(6));
        assertEquals("m1    6 1763.9 1783.1 -875.97   1751.9 158.6  3  < 2.2e-16 ***", lines.get(7));
        assertTrue(r.out().contains("differ in their fixed effects"), r.out());
    }

    @Test
    void jsonHasExactlyTheContractNames() throws IOException {
        Cli.Result r = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M0, "--formula", M1, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(List.of("models", "tests"), names(j));
        assertEquals(List.of("formula", "df", "log_likelihood", "aic", "bic"), names(j.get("models").get(0)));
        assertEquals(M0, j.get("models").get(0).get("formula").asText());
        assertEquals(4, j.get("models").get(0).get("df").asInt());
        assertEquals(-897.039321502613, j.get("models").get(0).get("log_likelihood").asDouble(), 1e-3);
        JsonNode t = j.get("tests").get(0);
        assertEquals(List.of("chisq", "df", "p_value", "p_value_boundary"), names(t));
        assertEquals(42.1392985162349, t.get("chisq").asDouble(), 42.14e-3);
        assertEquals(2, t.get("df").asInt());
        assertEquals(7.07241263839854e-10, t.get("p_value").asDouble(), 7.07e-13);
        assertEquals(3.96119535914072e-10, t.get("p_value_boundary").asDouble(), 3.96e-13);
    }

    @Test
    void fixedEffectTestsHaveNoBoundaryPValue() throws IOException {
        Cli.Result r = Cli.run("compare", "--data", cbpp.toString(), "--family", "binomial", "--factors", "period,herd",
                "--formula", "cbind(incidence, size - incidence) ~ 1 + (1 | herd)",
                "--formula", "cbind(incidence, size - incidence) ~ period + (1 | herd)", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode t = JSON.readTree(r.out()).get("tests").get(0);
        assertFalse(t.has("p_value_boundary"));
        assertEquals(25.6099375989, t.get("chisq").asDouble(), 25.6e-3);
        assertEquals(1.15100648744119e-05, t.get("p_value").asDouble(), 1.15e-8);
        Cli.Result text = Cli.run("compare", "--data", cbpp.toString(), "--family", "binomial", "--factors", "period,herd",
                "--formula", "cbind(incidence, size - incidence) ~ 1 + (1 | herd)",
                "--formula", "cbind(incidence, size - incidence) ~ period + (1 | herd)");
        assertFalse(text.out().contains("refitting"), "Laplace fits are already ML");
        assertTrue(text.out().contains("differ in their fixed effects"), text.out());
    }

    @Test
    void severalComponentsSayNoMixtureApplies() throws IOException {
        Cli.Result r = Cli.run("compare", "--data", sleepstudy.toString(), "--method", "ML",
                "--formula", "Reaction ~ Days + (1 | Subject)", "--formula", "Reaction ~ Days + (Days + I(Days^2) | Subject)");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("no simple chi-squared mixture applies"), r.out());
        assertFalse(r.out().contains("refitting"));
    }

    @Test
    void oneFormulaIsAUsageError() {
        Cli.Result r = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M1);
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("at least two models"), r.err());
    }

    @Test
    void differentResponsesAreNotNested() {
        Cli.Result r = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M0, "--formula", "Days ~ Reaction + (1 | Subject)");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not nested") && r.err().contains("response"), r.err());
    }

    @Test
    void modelsAreOrderedByNumberOfParametersAsLme4Does() {
        Cli.Result given = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M0, "--formula", M1);
        Cli.Result reversed = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M1, "--formula", M0);
        assertEquals(0, reversed.exit(), reversed.err());
        List<String> a = List.of(given.out().split("\n"));
        List<String> b = List.of(reversed.out().split("\n"));
        assertEquals("m0: " + M0, b.get(3));
        assertEquals("m1: " + M1, b.get(4));
        assertEquals(a.subList(0, 8), b.subList(0, 8), "the same table whatever the order given");
        assertTrue(reversed.out().contains("listed by number of parameters"), reversed.out());
        assertFalse(given.out().contains("listed by number of parameters"), given.out());
    }

    @Test
    void nonNestedPairGivesTheTableAndNoTest() throws IOException {
        String slope = "Reaction ~ Days + (0 + Days | Subject)";
        Cli.Result r = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M0, "--formula", slope);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = List.of(r.out().split("\n"));
        // lme4 1.1-31, anova(m0, m1) on the ML refits, without its Chisq, Df and p-value for these non-nested models
        assertEquals("   npar    AIC    BIC  logLik deviance Chisq Df Pr(>Chisq)", lines.get(5));
        assertEquals("m0    4 1802.1 1814.8 -897.04   1794.1                    ", lines.get(6));
        assertTrue(lines.get(7).startsWith("m1    4 "), lines.get(7));
        assertTrue(lines.get(7).endsWith("                    "), "no test: " + lines.get(7));
        assertTrue(r.out().contains("m0 vs m1: no likelihood-ratio test (not nested: the random-effects term (1 | Subject)"), r.out());

        JsonNode j = JSON.readTree(Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M0, "--formula", slope,
                "--format", "json").out());
        assertEquals(2, j.get("models").size());
        JsonNode t = j.get("tests").get(0);
        assertEquals(List.of("chisq", "df", "p_value", "nested", "note"), names(t));
        assertTrue(t.get("chisq").isNull());
        assertTrue(t.get("p_value").isNull());
        assertEquals(0, t.get("df").asInt());
        assertFalse(t.get("nested").asBoolean());
    }

    @Test
    void threeModelsTestOnlyTheNestedPair() throws IOException {
        String noDays = "Reaction ~ 1 + (Days | Subject)";
        Cli.Result r = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M1, "--formula", noDays, "--formula", M0,
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        JsonNode models = j.get("models");
        assertEquals(List.of(M0, noDays, M1), List.of(models.get(0).get("formula").asText(), models.get(1).get("formula").asText(),
                models.get(2).get("formula").asText()));
        assertEquals(List.of(4, 5, 6), List.of(models.get(0).get("df").asInt(), models.get(1).get("df").asInt(), models.get(2).get("df").asInt()));
        JsonNode first = j.get("tests").get(0);
        assertFalse(first.get("nested").asBoolean(), "Days is a fixed effect of m0 only");
        assertTrue(first.get("note").asText().contains("the fixed effect Days"), first.toString());
        JsonNode second = j.get("tests").get(1);
        assertEquals(List.of("chisq", "df", "p_value"), names(second));
        assertEquals(1, second.get("df").asInt());
        // the test of m1 against m2 is 2 (logLik m2 − logLik m1), as anova(m1, m2) gives it
        double chisq = 2 * (models.get(2).get("log_likelihood").asDouble() - models.get(1).get("log_likelihood").asDouble());
        assertEquals(chisq, second.get("chisq").asDouble(), 1e-9);

        Cli.Result text = Cli.run("compare", "--data", sleepstudy.toString(), "--formula", M1, "--formula", noDays, "--formula", M0);
        assertTrue(text.out().contains("m0 vs m1: no likelihood-ratio test (not nested: the fixed effect Days"), text.out());
        assertTrue(text.out().contains("m1 vs m2: the models differ in their fixed effects"), text.out());
    }

    @Test
    void estimatorsWithoutLikelihoodAreRejected() {
        Cli.Result r = Cli.run("compare", "--data", sleepstudy.toString(), "--method", "PQL", "--formula", M0, "--formula", M1);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no likelihood"), r.err());
    }
}
