package io.glimmer.formula;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One model term: the interaction of its factors (a single factor is a main effect). Factors
 * are variables or calls such as {@code I(Days^2)}, in R's order: by first appearance of the
 * variable in the formula, so the label matches R's term.labels.
 */
public record Term(List<Expr> factors) {
    public Term {
        factors = List.copyOf(factors);
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a term needs at least one factor");
        }
    }

    /** Convenience for a main effect. */
    public static Term of(Expr... factors) {
        return new Term(List.of(factors));
    }

    /** R's term label: the factors' deparse joined by ':', e.g. {@code x:f} or {@code I(Days^2)}. */
    public String label() {
        return factors.stream().map(Expr::deparse).collect(Collectors.joining(":"));
    }

    /** The number of factors: 1 for a main effect, 2 for a two-way interaction, ... */
    public int order() {
        return factors.size();
    }

    /** The columns the term reads, in order of first appearance. */
    public LinkedHashSet<String> variables() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        factors.forEach(f -> names.addAll(f.variables()));
        return names;
    }
}
