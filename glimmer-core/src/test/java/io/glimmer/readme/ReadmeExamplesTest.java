package io.glimmer.readme;

import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ```java block of README.md compiles against the core module alone and runs from the
 * repository root, as a reader would paste it; what the examples print agrees with lme4 (glmmTMB for
 * the GLMM's standard errors, see METHODS.md) to the digits below.
 */
class ReadmeExamplesTest {
    private static final Set<String> CHECKED = Set.of("SleepstudyExample", "DyestuffExample", "CbppExample", "PredictionExample");
    private static final String NUMBER = "(-?[0-9.]+(?:E-?[0-9]+)?)";

    @TempDir
    static Path classes;
    private static List<Readme.JavaBlock> blocks;
    private static ExamplePrograms programs;

    @BeforeAll
    static void compileTheReadme() throws Exception {
        blocks = Readme.javaBlocks(Readme.text());
        programs = ExamplePrograms.compile(blocks, classes, ExamplePrograms.libraryClassPath());
    }

    @Test
    void readmeShowsTheCheckedExamples() {
        assertTrue(blocks.stream().map(Readme.JavaBlock::className).toList().containsAll(CHECKED),
                "README's Java examples: " + blocks.stream().map(Readme.JavaBlock::className).toList());
    }

    @Test
    void sleepstudyFromCsvAgreesWithLme4() throws Exception {
        List<String> out = run("SleepstudyExample");
        JsonNode ref = Reference.load("sleepstudy_reml").json();
        assertEquals(ref.get("log_likelihood").asDouble(), number(out, "log-likelihood " + NUMBER), 1e-6);
        double days = ref.get("fixed_effects").get(1).get("estimate").asDouble();
        assertEquals(days, number(out, "reaction time rises by " + NUMBER + " ms a day"), 1e-6);
        assertEquals(days, number(out, "Days " + NUMBER + " \\(standard error [0-9.]+\\)"), 1e-6);
        assertEquals(ref.get("fixed_effects").get(1).get("std_error").asDouble(),
                number(out, "Days [0-9.]+ \\(standard error " + NUMBER + "\\)"), 1e-4);
        for (JsonNode v : ref.get("random_effects")) {
            double variance = v.get("variance").asDouble();
            assertEquals(variance, number(out, "Subject " + Pattern.quote(v.get("term").asText()) + " variance " + NUMBER),
                    1e-4 * variance);
        }
        assertTrue(out.contains("Subject modes of [(Intercept), Days]"), String.join("\n", out));
        JsonNode modes = ref.get("conditional_modes").get("Subject").get("levels");
        assertEquals(modes.size(), out.stream().filter(l -> l.matches("Subject \\d+ \\[.*")).count());
        modes.fields().forEachRemaining(level -> {
            String line = "Subject " + level.getKey() + " \\[" + NUMBER + ", " + NUMBER + "\\]";
            for (int term = 0; term < 2; term++) {
                assertEquals(level.getValue().get(term).asDouble(), number(out, line, term + 1), 1e-3, level.getKey());
            }
        });
    }

    @Test
    void dyestuffInMemoryAgreesWithLme4() throws Exception {
        List<String> out = run("DyestuffExample");
        JsonNode ref = Reference.load("dyestuff_reml").json();
        assertEquals(ref.get("log_likelihood").asDouble(), number(out, "log-likelihood " + NUMBER), 1e-6);
        assertEquals(ref.get("fixed_effects").get(0).get("estimate").asDouble(), number(out, "\\(Intercept\\) " + NUMBER), 1e-6);
        double sd = ref.get("random_effects").get(0).get("std_dev").asDouble();
        assertEquals(sd, number(out, "Batch \\(Intercept\\) standard deviation " + NUMBER), 1e-5 * sd);
        double sigma = ref.get("residual_std_dev").asDouble();
        assertEquals(sigma, number(out, "residual standard deviation " + NUMBER), 1e-5 * sigma);
    }

    /** Standard errors from the Hessian of the Laplace deviance: glmmTMB's values, not lme4's (METHODS.md). */
    @Test
    void cbppBinomialAgreesWithGlmmTmb() throws Exception {
        List<String> out = run("CbppExample");
        JsonNode glmmTmb = Reference.load("cbpp_laplace").json().get("alternatives").get(0);
        assertEquals("glmmTMB 1.1.5", glmmTmb.get("software").asText());
        assertEquals(glmmTmb.get("log_likelihood").asDouble(), number(out, "log-likelihood " + NUMBER), 1e-6);
        for (JsonNode b : glmmTmb.get("fixed_effects")) {
            String line = Pattern.quote(b.get("term").asText()) + " " + NUMBER + " \\(standard error " + NUMBER + ", p " + NUMBER + "\\)";
            assertEquals(b.get("estimate").asDouble(), number(out, line, 1), 1e-5, b.get("term").asText());
            assertEquals(b.get("std_error").asDouble(), number(out, line, 2), 1e-6, b.get("term").asText());
        }
        double sd = glmmTmb.get("random_effects").get(0).get("std_dev").asDouble();
        assertEquals(sd, number(out, "herd standard deviation " + NUMBER), 1e-5 * sd);
    }

    @Test
    void predictionExamplePrintsTheSummaryAndMatchesLme4() throws Exception {
        List<String> out = run("PredictionExample");
        JsonNode ref = Reference.load("sleepstudy_reml").json();
        assertTrue(out.get(0).startsWith("Linear mixed model fit by REML"), out.get(0));
        for (int row = 0; row < 5; row++) {
            String line = "row " + (row + 1) + " conditional " + NUMBER + " population " + NUMBER;
            assertEquals(ref.get("predictions").get("conditional_response").get(row).asDouble(), number(out, line, 1), 1e-3);
            assertEquals(ref.get("predictions").get("population_response").get(row).asDouble(), number(out, line, 2), 1e-4);
        }
        for (JsonNode ci : ref.get("profile_ci_95")) {
            if (ci.get("parameter").asText().equals("Days")) {
                assertEquals(ci.get("lower").asDouble(), number(out, "Days 95% profile interval " + NUMBER + " " + NUMBER, 1), 1e-4);
                assertEquals(ci.get("upper").asDouble(), number(out, "Days 95% profile interval " + NUMBER + " " + NUMBER, 2), 1e-4);
            }
        }
    }

    /** Examples added later need no assertions of their own to be kept compiling and running. */
    @Test
    void everyOtherExampleRuns() throws Exception {
        for (Readme.JavaBlock block : blocks) {
            if (!CHECKED.contains(block.className())) {
                run(block.className());
            }
        }
    }

    private static List<String> run(String className) throws Exception {
        ExamplePrograms.Run r = programs.run(className, Readme.root());
        assertEquals(0, r.status(), className + " exit status; stderr:\n" + r.err());
        assertEquals("", r.err(), className + " wrote to stderr");
        return r.out();
    }

    private static double number(List<String> out, String line) {
        return number(out, line, 1);
    }

    /** Group {@code group} of the one printed line that matches {@code line} whole. */
    private static double number(List<String> out, String line, int group) {
        Pattern p = Pattern.compile(line);
        List<Matcher> matches = out.stream().map(p::matcher).filter(Matcher::matches).toList();
        assertEquals(1, matches.size(), "lines matching " + line + " in:\n" + String.join("\n", out));
        return Double.parseDouble(matches.get(0).group(group));
    }
}
