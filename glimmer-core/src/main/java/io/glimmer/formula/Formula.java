package io.glimmer.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed and expanded R/lme4 model formula such as
 * {@code Reaction ~ Days + (Days | Subject)}.
 *
 * @param text        the formula as written
 * @param response    the left side, or null for a one-sided formula {@code ~ x}
 * @param intercept   whether the fixed part has an intercept
 * @param fixedTerms  the fixed-effect terms in R's order (by order, then first appearance)
 * @param offsets     the arguments of each {@code offset(...)}, e.g. {@code log(t)}
 * @param randomTerms the random-effect terms in order of appearance, with '/' and '||' expanded
 */
public record Formula(String text, Expr response, boolean intercept, List<Term> fixedTerms,
                      List<Expr> offsets, List<RandomTerm> randomTerms) {

    public Formula {
        Objects.requireNonNull(text, "text");
        fixedTerms = List.copyOf(fixedTerms);
        offsets = List.copyOf(offsets);
        randomTerms = List.copyOf(randomTerms);
    }

    /**
     * Parses and expands {@code text}.
     *
     * @throws FormulaException when the formula is malformed; its position points at the problem
     */
    public static Formula parse(String text) {
        if (text == null) {
            throw new FormulaException("expected a formula but got none", 0, "");
        }
        try {
            Parser.Parsed parsed = Parser.parse(text);
            TermExpander.Result fixed = TermExpander.expandFixed(text, parsed.response(), parsed.rhs());
            return new Formula(text, parsed.response(), fixed.intercept(), fixed.terms(),
                    fixed.offsets(), fixed.randomTerms());
        } catch (StackOverflowError e) {
            // Last resort: the parser limits depth and length, but a small thread stack may still overflow.
            throw new FormulaException("the formula is too deeply nested or too long", 0, text);
        }
    }

    /** Every column the formula reads: response, fixed terms, offsets, then random terms and groupings. */
    public LinkedHashSet<String> variables() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (response != null) {
            names.addAll(response.variables());
        }
        fixedTerms.forEach(t -> names.addAll(t.variables()));
        offsets.forEach(o -> names.addAll(o.variables()));
        randomTerms.forEach(r -> names.addAll(r.variables()));
        return names;
    }

    /**
     * Things about the formula worth telling but not refusing: a random-effects term written
     * more than once (also after expanding {@code a/b} and {@code ||}). lme4 fits every copy, each
     * with its own variance, which are not identified apart: only their sum is.
     */
    public List<String> warnings() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        randomTerms.forEach(r -> counts.merge(r.label(), 1, Integer::sum));
        List<String> warnings = new ArrayList<>();
        counts.forEach((label, n) -> {
            if (n > 1) {
                warnings.add("random-effects term (" + label + ") appears " + (n == 2 ? "twice" : n + " times")
                        + "; each copy gets its own variance and only their sum is identified (remove the repeats)");
            }
        });
        return List.copyOf(warnings);
    }

    /** The fixed terms' labels, e.g. [x, f, x:f] for {@code y ~ x * f}. */
    public List<String> fixedLabels() {
        return fixedTerms.stream().map(Term::label).toList();
    }
}
