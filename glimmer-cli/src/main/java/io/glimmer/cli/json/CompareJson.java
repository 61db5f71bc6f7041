package io.glimmer.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.inference.ModelComparison;

import static io.glimmer.cli.json.Json.NODES;
import static io.glimmer.cli.json.Json.number;

/**
 * CONTRACT's JSON of {@code glimmer compare}:
 * {"models": [{formula, df, log_likelihood, aic, bic}], "tests": [{chisq, df, p_value, p_value_boundary?}]}.
 * Models are ordered by number of parameters and {@code tests[i]} is models[i] against models[i + 1].
 * {@code p_value_boundary} is left out where no simple χ² mixture applies; non-finite numbers are null.
 * A pair without a test (not nested, or the same number of parameters) has null chisq and p_value,
 * {@code "nested"} and a {@code "note"} saying why; a tested pair has neither key.
 */
public final class CompareJson {
    private CompareJson() {
    }

    static ObjectNode toJson(ModelComparison c) {
        ObjectNode o = NODES.objectNode();
        ArrayNode models = o.putArray("models");
        for (ModelComparison.ComparedModel m : c.models()) {
            MixedModelFit f = m.fit();
            ObjectNode e = models.addObject();
            e.put("formula", m.formula());
            e.put("df", f.df());
            number(e, "log_likelihood", f.logLikelihood());
            number(e, "aic", f.aic());
            number(e, "bic", f.bic());
        }
        ArrayNode tests = o.putArray("tests");
        for (ModelComparison.Step s : c.tests()) {
            ObjectNode e = tests.addObject();
            if (!s.tested()) {
                e.putNull("chisq");
                e.put("df", c.models().get(s.smaller() + 1).fit().df() - c.models().get(s.smaller()).fit().df());
                e.putNull("p_value");
                e.put("nested", s.nesting().nested());
                e.put("note", "no likelihood-ratio test: " + s.untestedReason());
                continue;
            }
            number(e, "chisq", s.test().chisq());
            e.put("df", s.test().df());
            number(e, "p_value", s.test().pValue());
            if (s.pValueBoundary() != null) {
                number(e, "p_value_boundary", s.pValueBoundary());
            }
        }
        return o;
    }

    public static String write(ModelComparison c) {
        return Json.pretty(toJson(c));
    }
}
