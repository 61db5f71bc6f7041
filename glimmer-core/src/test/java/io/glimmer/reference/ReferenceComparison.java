package io.glimmer.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of shared/tools/compare-reference.py, in Java, with the same tolerances: a fit in
 * CONTRACT's JSON shape against a reference. Used on the Java API's fits (converted to that JSON)
 * and on the command line's output.
 */
public final class ReferenceComparison {
    private final List<String> failures = new ArrayList<>();
    private int passes;

    private ReferenceComparison() {
    }

    /** Compares, trying the reference's alternatives (glmmTMB) when the main one fails. */
    public static List<String> failures(JsonNode ref, JsonNode fit) {
        ReferenceComparison c = compare(ref, fit);
        if (c.failures.isEmpty()) {
            return c.failures;
        }
        JsonNode alts = ref.get("alternatives");
        if (alts != null && alts.isArray()) {
            for (JsonNode alt : alts) {
                ObjectNode merged = ((ObjectNode) ref).deepCopy();
                alt.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                ReferenceComparison a = compare(merged, fit);
                if (a.failures.isEmpty()) {
                    return a.failures;
                }
            }
        }
        return c.failures;
    }

    private static Double num(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private void close(String what, double ref, Double got, double tol) {
        if (got == null || Double.isNaN(got)) {
            failures.add(what + ": missing (reference " + ref + ")");
            return;
        }
        double d = Math.abs(got - ref);
        if (d <= tol) {
            passes++;
        } else {
            failures.add(String.format("%s: %.8g vs reference %.8g (|d|=%.3g > %.3g)", what, got, ref, d, tol));
        }
    }

    static String normGroup(String name) {
        String base = name;
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && name.substring(dot + 1).matches("\\d+")) {
            base = name.split("\\.")[0];
        }
        String[] parts = base.split(":");
        Arrays.sort(parts);
        return String.join(":", parts);
    }

    private static ReferenceComparison compare(JsonNode ref, JsonNode fit) {
        ReferenceComparison c = new ReferenceComparison();
        for (String key : new String[]{"log_likelihood", "reml_criterion", "aic", "bic"}) {
            Double r = num(ref, key);
            if (r != null) {
                double tol = key.equals("aic") || key.equals("bic") ? 0.02 : 0.01;
                c.close(key, r, num(fit, key), tol + 1e-7 * Math.abs(r));
            }
        }
        Double sigma = num(ref, "residual_std_dev");
        double scale = sigma == null ? 1.0 : sigma;
        if (sigma != null) {
            c.close("residual_std_dev", sigma, num(fit, "residual_std_dev"), 0.005 * sigma);
        }
        for (String table : new String[]{"fixed_effects", "thresholds", "zero_inflation_fixed_effects"}) { // compare-reference.py compares these tables alike
            c.coefficients(table, ref, fit);
        }
        for (String name : new String[]{"theta", "phi"}) { // the family's own parameter (compare-reference.py: 1%)
            Double value = num(ref, "dispersion_" + name);
            if (value != null) {
                c.close("family_parameters." + name, value, num(fit.path("family_parameters"), name), 0.01 * value);
                Double se = num(ref.path("family_parameters_std_error"), name);
                if (se != null) { // as a standard error: 2%
                    c.close("family_parameters_std_error." + name, se, num(fit.path("family_parameters_std_error"), name), 0.02 * se);
                }
            }
        }
        Map<String, JsonNode> gotRe = new HashMap<>();
        fit.path("random_effects").forEach(r -> gotRe.put(normGroup(r.get("group").asText()) + "/" + r.get("term").asText(), r));
        for (JsonNode r : ref.path("random_effects")) {
            String key = normGroup(r.get("group").asText()) + "/" + r.get("term").asText();
            JsonNode g = gotRe.get(key);
            if (g == null) {
                c.failures.add("random effect " + key + ": missing (given: " + gotRe.keySet() + ")");
                continue;
            }
            double sd = r.get("std_dev").asDouble();
            c.close("std_dev[" + key + "]", sd, num(g, "std_dev"), 0.01 * sd + 1e-4 * scale);
        }
        Map<String, Double> gotCor = new HashMap<>();
        fit.path("random_effect_correlations").forEach(r -> {
            String grp = normGroup(r.get("group").asText());
            gotCor.put(grp + "|" + r.get("term1").asText() + "|" + r.get("term2").asText(), r.get("correlation").asDouble());
            gotCor.put(grp + "|" + r.get("term2").asText() + "|" + r.get("term1").asText(), r.get("correlation").asDouble());
        });
        for (JsonNode r : ref.path("random_effect_correlations")) {
            String key = normGroup(r.get("group").asText()) + "|" + r.get("term1").asText() + "|" + r.get("term2").asText();
            c.close("correlation" + key, r.get("correlation").asDouble(), gotCor.get(key), 0.01);
        }
        Map<String, JsonNode> gotCm = new HashMap<>();
        fit.path("conditional_modes").fields().forEachRemaining(e -> gotCm.put(normGroup(e.getKey()), e.getValue()));
        ref.path("conditional_modes").fields().forEachRemaining(e -> {
            JsonNode g = gotCm.get(normGroup(e.getKey()));
            if (g == null) {
                c.failures.add("conditional modes for " + e.getKey() + ": missing");
                return;
            }
            List<String> refTerms = new ArrayList<>();
            e.getValue().get("terms").forEach(t -> refTerms.add(t.asText()));
            List<String> gotTerms = new ArrayList<>();
            g.path("terms").forEach(t -> gotTerms.add(t.asText()));
            double biggest = 0;
            for (JsonNode vals : e.getValue().get("levels")) {
                for (JsonNode v : vals) {
                    biggest = Math.max(biggest, Math.abs(v.asDouble()));
                }
            }
            double tol = 0.01 * biggest + 1e-4 * scale;
            int bad = 0;
            var it = e.getValue().get("levels").fields();
            while (it.hasNext()) {
                var lv = it.next();
                JsonNode gv = g.path("levels").get(lv.getKey());
                if (gv == null && lv.getKey().contains(":")) {
                    List<String> parts = new ArrayList<>(Arrays.asList(lv.getKey().split(":")));
                    java.util.Collections.reverse(parts);
                    gv = g.path("levels").get(String.join(":", parts));
                }
                if (gv == null) {
                    bad++;
                    continue;
                }
                for (int i = 0; i < refTerms.size(); i++) {
                    int at = gotTerms.indexOf(refTerms.get(i));
                    if (at < 0 || Math.abs(gv.get(at).asDouble() - lv.getValue().get(i).asDouble()) > tol) {
                        bad++;
                    }
                }
            }
            if (bad > 0) {
                c.failures.add("conditional modes for " + e.getKey() + ": " + bad + " values off by more than " + tol + " or missing");
            } else {
                c.passes++;
            }
        });
        for (String key : new String[]{"correlation_alpha", "scale", "correlation_parameter"}) {
            JsonNode rv = ref.get(key);
            if (rv != null && !rv.isNull()) {
                double r = rv.isArray() ? rv.get(0).asDouble() : rv.asDouble();
                JsonNode gv = fit.get(key);
                Double got = gv == null || gv.isNull() ? null : gv.isArray() ? (gv.size() > 0 ? gv.get(0).asDouble() : null) : gv.asDouble();
                c.close(key, r, got, 0.005 + 0.005 * Math.abs(r));
            }
        }
        JsonNode rs = ref.get("singular");
        JsonNode fs = fit.get("singular");
        if (rs != null && !rs.isNull() && fs != null && !fs.isNull() && rs.asBoolean() != fs.asBoolean()) {
            c.failures.add("singular: " + fs.asBoolean() + " vs reference " + rs.asBoolean());
        }
        return c;
    }

    /** A table in the layout of fixed_effects: estimates and standard errors by term. */
    private void coefficients(String table, JsonNode ref, JsonNode fit) {
        Map<String, JsonNode> got = new HashMap<>();
        fit.path(table).forEach(f -> got.put(f.get("term").asText(), f));
        for (JsonNode f : ref.path(table)) {
            String term = f.get("term").asText();
            JsonNode g = got.get(term);
            if (g == null) {
                failures.add(table + " " + term + ": missing (terms given: " + got.keySet() + ")");
                continue;
            }
            Double se = num(f, "std_error");
            double est = f.get("estimate").asDouble();
            double tol = Math.max(Math.max(0.01 * (se == null ? 0 : se), 5e-4 * Math.abs(est)), 1e-8);
            close("estimate[" + term + "]", est, num(g, "estimate"), tol);
            if (se != null) {
                close("std_error[" + term + "]", se, num(g, "std_error"), 0.02 * se);
            }
        }
    }

    /** For messages. */
    public static String describe(List<String> failures) {
        return String.join("\n  ", failures);
    }

    static ObjectMapper mapper() {
        return new ObjectMapper();
    }
}
