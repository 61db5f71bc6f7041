package io.glimmer.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A nonlinear fit after fitting, through the command line: {@code fit --save} then {@code predict} against
 * nlme's {@code predict(fit, newdata, level = 0:1)} (reference/r/nlme_postfit.R; the tolerance is the fits'
 * agreement, as in the core's NonlinearPredictionTest), and {@code simulate} and {@code confint --interval bootstrap},
 * which run, are reproducible from their seed and keep the fit's names.
 */
class NonlinearPredictCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fits' agreement, as the core's NonlinearPredictionTest gives it: 2e-4 on CO2 (steep in c0 near conc = c0), else 3e-5. */
    private static double fitRelative(String id) {
        return id.startsWith("co2") ? 2e-4 : 3e-5;
    }

    @TempDir
    Path dir;

    private static List<String> fitArgs(Reference ref) {
        JsonNode r = ref.json();
        List<String> start = new ArrayList<>();
        r.path("start").fields().forEachRemaining(e -> start.add(e.getKey() + "=" + e.getValue().asText()));
        List<String> args = new ArrayList<>(List.of("--data", ref.dataPath().toString(), "--formula", r.get("model").asText(),
                "--random", r.get("random").asText(), "--start", String.join(",", start), "--method", ref.method()));
        if (r.hasNonNull("fixed")) {
            args.add("--fixed");
            args.add(r.get("fixed").asText());
        }
        return args;
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String command, List<String> options, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(options);
        args.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orange_nlme_predict", "co2_nlme_predict"})
    void savesAndPredictsAsNlme(String id) throws Exception {
        Reference ref = Reference.load(id);
        JsonNode r = ref.json();
        Path model = dir.resolve(id + ".model.json");
        Run fit = run("fit", fitArgs(ref), "--save", model.toString());
        assertEquals(0, fit.status(), fit.err());
        JsonNode file = JSON.readTree(Files.readString(model));
        assertEquals(r.get("model").asText(), file.get("formula").asText());
        assertTrue(file.get("nonlinear").get("parameters").size() >= 3, file.toString());
        String newData = Reference.data(r.get("new_data").asText()).toString();
        for (String level : List.of("population", "conditional")) {
            Run p = run("predict", List.of("--model", model.toString(), "--data", newData, "--random", level, "--format", "json"));
            assertEquals(0, p.status(), p.err());
            JsonNode got = JSON.readTree(p.out()).get("predictions");
            JsonNode want = r.get(level.equals("population") ? "predict_level0" : "predict_level1");
            for (int i = 0; i < want.size(); i++) {
                JsonNode w = want.get(i).isNull() ? r.get("predict_level0").get(i) : want.get(i); // unseen group: population level
                assertEquals(w.asDouble(), got.get(i).asDouble(), fitRelative(id) * Math.abs(w.asDouble()), id + " " + level + " row " + (i + 1));
            }
            assertEquals(level.equals("conditional"), p.err().contains("not seen in fitting"), p.err());
        }
        Run marginal = run("predict", List.of("--model", model.toString(), "--data", newData, "--random", "marginal"));
        assertEquals(2, marginal.status());
        assertEquals(1, marginal.err().strip().lines().count(), marginal.err());
        assertTrue(marginal.err().contains("--random conditional"), marginal.err());
    }

    /** Random Asym against random Asym + xmid (lme4's three-part formulas) as nlme's anova (reference/r/nlme_postfit.R). */
    @Test
    void comparesRandomParametersAsNlmeAnova() throws Exception {
        JsonNode r = Reference.load("orange_nlme_anova").json();
        String model = "circumference ~ SSlogis(age, Asym, xmid, scal)";
        Run c = run("compare", List.of("--data", Reference.data("orange.csv").toString(), "--formula", model + " ~ Asym | Tree",
                "--formula", model + " ~ Asym + xmid | Tree", "--method", "ML", "--format", "json"));
        assertEquals(0, c.status(), c.err());
        JsonNode got = JSON.readTree(c.out());
        for (int i = 0; i < 2; i++) {
            assertEquals(r.get("log_likelihood").get(i).asDouble(), got.get("models").get(i).get("log_likelihood").asDouble(), 2e-3);
            assertEquals(r.get("df").get(i).asInt(), got.get("models").get(i).get("df").asInt());
        }
        assertEquals(r.get("chisq").asDouble(), got.get("tests").get(0).get("chisq").asDouble(), 4e-3);
        assertEquals(r.get("p_value").asDouble(), got.get("tests").get(0).get("p_value").asDouble(), 1e-3);
    }

    @Test
    void simulatesAndBootstrapsFromASeed() throws Exception {
        List<String> args = fitArgs(Reference.load("orange_nlme_predict"));
        Run s1 = run("simulate", args, "--nsim", "3", "--seed", "11", "--format", "json");
        Run s2 = run("simulate", args, "--nsim", "3", "--seed", "11", "--format", "json");
        assertEquals(0, s1.status(), s1.err());
        assertEquals(s1.out(), s2.out());
        Run boot = run("confint", args, "--interval", "bootstrap", "--nsim", "20", "--seed", "5", "--threads", "1", "--format", "json");
        assertEquals(0, boot.status(), boot.err());
        String text = boot.out();
        for (String name : List.of("Asym", "xmid", "scal")) {
            assertTrue(text.contains("\"" + name + "\""), text);
        }
    }
}
