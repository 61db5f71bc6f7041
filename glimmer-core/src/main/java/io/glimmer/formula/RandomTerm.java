package io.glimmer.formula;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One random-effect term {@code (intercept + terms | grouping)}: the effects that vary between
 * the levels of the grouping factor (the interaction of {@code grouping} when it has several
 * factors). {@code a/b} and {@code ||} have already been expanded into several of these.
 */
public record RandomTerm(boolean intercept, List<Term> terms, List<Expr> grouping) {
    public RandomTerm {
        terms = List.copyOf(terms);
        grouping = List.copyOf(grouping);
        if (grouping.isEmpty()) {
            throw new IllegalArgumentException("a random-effect term needs a grouping factor");
        }
        if (!intercept && terms.isEmpty()) {
            throw new IllegalArgumentException("a random-effect term needs an intercept or a term");
        }
    }

    /** The grouping factors' deparse joined by ':', e.g. {@code Subject} or {@code batch:cask}. */
    public String groupLabel() {
        return grouping.stream().map(Expr::deparse).collect(Collectors.joining(":"));
    }

    /** A canonical form such as {@code 1 + Days | Subject} or {@code 0 + x | g}. */
    public String label() {
        StringBuilder out = new StringBuilder(intercept ? "1" : "0");
        terms.forEach(t -> out.append(" + ").append(t.label()));
        return out.append(" | ").append(groupLabel()).toString();
    }

    /** The columns read by the effects and the grouping, in that order. */
    public LinkedHashSet<String> variables() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        terms.forEach(t -> names.addAll(t.variables()));
        grouping.forEach(g -> names.addAll(g.variables()));
        return names;
    }
}
