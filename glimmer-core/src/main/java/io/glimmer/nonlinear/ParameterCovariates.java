package io.glimmer.nonlinear;

import io.glimmer.error.InputException;
import io.glimmer.formula.Formula;
import io.glimmer.formula.FormulaException;
import io.glimmer.formula.Term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * nlme's {@code fixed = list(Asym ~ Treatment, xmid + scal ~ 1)}, written
 * {@code "Asym ~ Treatment; xmid + scal ~ 1"}: each named parameter is a linear model in covariates,
 * φ = Xβ (+ its random effect), with R's coding of the right-hand side. Parameters not named are
 * constants (~ 1).
 *
 * @param text        as written, or null for none
 * @param byParameter each named parameter's right-hand side, parsed as a fixed-effects formula
 */
public record ParameterCovariates(String text, Map<String, Formula> byParameter) {
    public ParameterCovariates {
        byParameter = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byParameter));
    }

    static final ParameterCovariates NONE = new ParameterCovariates(null, Map.of());

    /** @param text e.g. "Asym ~ Treatment; xmid + scal ~ 1", or null */
    public static ParameterCovariates parse(String text) {
        if (text == null) {
            return NONE;
        }
        Map<String, Formula> out = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int tilde = part.indexOf('~');
            if (part.isBlank() || tilde < 0) {
                throw fail(text, "each part is PARAMETERS ~ COVARIATES, as Asym ~ Treatment (found \"" + part.strip() + "\")");
            }
            String rhs = part.substring(tilde + 1).strip();
            Formula f;
            try {
                f = Formula.parse("y ~ " + rhs);
            } catch (FormulaException e) {
                throw fail(text, "\"" + rhs + "\": " + e.getMessage());
            }
            if (!f.randomTerms().isEmpty() || !f.offsets().isEmpty()) {
                throw fail(text, "\"" + rhs + "\": random effects go in {--random#nonlinear}, and offsets are not allowed here");
            }
            for (String name : part.substring(0, tilde).split("\\+")) {
                String p = name.strip();
                if (!p.matches("[A-Za-z.][A-Za-z0-9._]*")) {
                    throw fail(text, "'" + p + "' is not a parameter name (the left of '~' is P1 + P2 + ...)");
                }
                if (out.put(p, f) != null) {
                    throw fail(text, "'" + p + "' is named twice");
                }
            }
        }
        return new ParameterCovariates(text, out);
    }

    private static InputException fail(String text, String detail) {
        return new InputException("{--fixed} \"" + text + "\": " + detail);
    }

    /** The parameter's covariate formula, or null when it is a constant (not named, or ~ 1). */
    Formula of(String parameter) {
        Formula f = byParameter.get(parameter);
        return f == null || (f.intercept() && f.fixedTerms().isEmpty()) ? null : f;
    }

    /** Every covariate term's label, for the frame formula (so complete rows cover them). */
    List<String> termLabels() {
        List<String> labels = new ArrayList<>();
        for (Formula f : byParameter.values()) {
            for (Term t : f.fixedTerms()) {
                if (!labels.contains(t.label())) {
                    labels.add(t.label());
                }
            }
        }
        return labels;
    }
}
