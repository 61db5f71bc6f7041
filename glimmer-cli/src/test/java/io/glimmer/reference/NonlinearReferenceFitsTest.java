package io.glimmer.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * nlme's nonlinear reference fits through the command line's JSON, within compare-reference.py's
 * tolerances (with AIC, BIC and the correlation parameter where the reference has them); the arguments are read
 * from the reference's model, random, start, structure, fixed, residual correlation and method.
 */
class NonlinearReferenceFitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> args(Reference ref) {
        JsonNode r = ref.json();
        List<String> start = new ArrayList<>();
        r.path("start").fields().forEachRemaining(e -> start.add(e.getKey() + "=" + e.getValue().asText()));
        List<String> args = new ArrayList<>(List.of("fit", "--data", ref.dataPath().toString(), "--formula", r.get("model").asText(),
                "--random", r.get("random").asText(), "--start", String.join(",", start), "--method", ref.method(), "--format", "json"));
        if (r.hasNonNull("fixed")) {
            args.add("--fixed");
            args.add(r.get("fixed").asText());
        }
        if (r.hasNonNull("random_structure")) {
            args.add("--random-structure");
            args.add(r.get("random_structure").asText());
        }
        if (r.hasNonNull("residual_correlation")) {
            args.add("--correlation");
            args.add(r.get("residual_correlation").asText());
        }
        return args;
    }

    private static int run(List<String> args, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orange_nlme_ml", "orange_nlme_reml", "orange_nlme_two_ml", "orange_nlme_diag_ml", "theoph_nlme_fol_ml",
            "loblolly_nlme_asymp_ml", "co2_nlme_fixed_ml", "nested_nlme_ml", "nested_nlme_reml",
            "milk_nlme_ar1_ml", "milk_nlme_ar1_reml", "orange_nlme_ar1_ml", "orange_nlme_ar1_reml", "orange_nlme_cs_ml"})
    void reproducesNlme(String id) throws Exception {
        Reference ref = Reference.load(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(args(ref), out, err);
        assertEquals(0, status, "exit status; stderr: " + err.toString(StandardCharsets.UTF_8));
        JsonNode fit = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        List<String> failures = ReferenceComparison.failures(ref.json(), fit);
        assertTrue(failures.isEmpty(), id + " (command line):\n  " + ReferenceComparison.describe(failures));
        assertEquals(ref.json().get("n_obs").asInt(), fit.get("n_obs").asInt());
    }

    /** Bad input: one line, exit status 2, naming the problem. */
    @ParameterizedTest
    @ValueSource(strings = {
            "--start|Asym=170,xmid=700|parameter 'scal' has no start value",
            "--start|Asym=170,xmid=700,scal=350,foo=1|'foo', which is not a parameter",
            "--start|Asym=170,xmid=seven,scal=350|the value of xmid is not a number",
            "--random|Asym + R0 ~ 1 | Tree|--random names 'R0'"})
    void badInputIsOneLine(String spec) {
        String[] p = spec.split("\\|", 3);
        Reference ref = Reference.load("orange_nlme_ml");
        List<String> args = new ArrayList<>(args(ref));
        String option = p[0];
        String value = option.equals("--random") ? p[1] + "|" + p[2].substring(0, p[2].indexOf('|')) : p[1];
        String expected = option.equals("--random") ? p[2].substring(p[2].indexOf('|') + 1) : p[2];
        args.set(args.indexOf(option) + 1, value);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(args, out, err));
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.contains(expected), message);
        assertEquals(1, message.lines().count(), message);
    }

    /** --fixed that does not fit the model: one line naming it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "R0 ~ Type|--fixed names 'R0', which is not a parameter",
            "Asym Type|each part is PARAMETERS ~ COVARIATES",
            "Asym ~ Type; Asym ~ 1|'Asym' is named twice",
            "Asym ~ Kind|Kind"})
    void badFixedIsOneLine(String spec) {
        String[] p = spec.split("\\|", 2);
        List<String> args = new ArrayList<>(args(Reference.load("co2_nlme_fixed_ml")));
        args.set(args.indexOf("--fixed") + 1, p[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(args, out, err));
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.contains(p[1]), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void unknownFunctionNamesItsPosition() {
        Reference ref = Reference.load("orange_nlme_ml");
        List<String> args = new ArrayList<>(args(ref));
        args.set(args.indexOf("--formula") + 1, "circumference ~ Asym / (1 + expo((xmid - age) / scal))");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(args, out, err));
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.contains("position 28: unknown function 'expo'"), message);
    }
}
