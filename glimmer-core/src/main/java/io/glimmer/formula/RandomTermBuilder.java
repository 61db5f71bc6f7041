package io.glimmer.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one {@code (lhs | grouping)} or {@code (lhs || grouping)} into lme4's random-effect
 * terms: '/' in the grouping nests ({@code a/b} gives groupings a and a:b, as lme4's
 * expandSlash), and '||' splits the left side into uncorrelated terms (as expandDoubleVerts:
 * the intercept first, then each term without intercept).
 */
final class RandomTermBuilder {
    private RandomTermBuilder() {
    }

    static List<RandomTerm> build(String text, Node.Op bar) {
        if (bar.left() instanceof Node.Op inner && inner.isBar()) { // (1 | g | h): blame the second '|'
            throw new FormulaException("nested '" + bar.op() + "': a random-effect term has exactly one '|'",
                    bar.opPos(), text);
        }
        TermExpander.Result lhs = TermExpander.expandRandomLhs(text, bar.left());
        if (!lhs.intercept() && lhs.terms().isEmpty()) {
            throw new FormulaException("the random-effect term has no intercept and no terms before '"
                    + bar.op() + "'", bar.left().start(), text);
        }
        List<List<Expr>> groupings = groupings(text, bar.right());

        List<RandomTerm> out = new ArrayList<>();
        if (bar.op().equals("||")) {
            if (lhs.intercept()) {
                groupings.forEach(g -> out.add(new RandomTerm(true, List.of(), g)));
            }
            for (Term term : lhs.terms()) {
                groupings.forEach(g -> out.add(new RandomTerm(false, List.of(term), g)));
            }
        } else {
            groupings.forEach(g -> out.add(new RandomTerm(lhs.intercept(), lhs.terms(), g)));
        }
        return out;
    }

    /** Each grouping is a list of factors meaning their interaction: g, a:b, or from a/b both a and a:b. */
    private static List<List<Expr>> groupings(String text, Node node) {
        if (node instanceof Node.Atom a) {
            if (a.expr() instanceof Expr.Constant) {
                throw new FormulaException("expected a grouping factor after '|' (a variable such as g, a:b or a/b)"
                        + " but found the number " + a.expr().deparse(), a.start(), text);
            }
            return List.of(List.of(a.expr()));
        }
        if (node instanceof Node.Group g) {
            if (g.inner() instanceof Node.Op o && o.isBar()) {
                throw new FormulaException("nested random-effect term: '" + o.op()
                        + "' cannot appear inside another '( ... | ... )'", o.opPos(), text);
            }
            return groupings(text, g.inner());
        }
        if (node instanceof Node.Neg n) {
            throw new FormulaException("expected a grouping factor (a variable such as g, a:b or a/b) but found '-'",
                    n.start(), text);
        }
        Node.Op op = (Node.Op) node;
        switch (op.op()) {
            case ":": {
                List<List<Expr>> left = groupings(text, op.left());
                List<List<Expr>> right = groupings(text, op.right());
                if (left.size() != 1 || right.size() != 1) {
                    throw new FormulaException("'/' cannot be used inside ':' in a grouping factor; write a/b or a:b",
                            op.opPos(), text);
                }
                return List.of(join(left.get(0), right.get(0)));
            }
            case "/": {
                List<List<Expr>> left = groupings(text, op.left());
                List<Expr> outer = left.get(left.size() - 1);
                List<List<Expr>> out = new ArrayList<>(left);
                for (List<Expr> inner : groupings(text, op.right())) {
                    out.add(join(outer, inner));
                }
                return out;
            }
            case "|", "||":
                throw new FormulaException("nested '" + op.op() + "': a random-effect term has exactly one '|'",
                        op.opPos(), text);
            default:
                throw new FormulaException("a grouping factor combines variables only with ':' or '/', found '"
                        + op.op() + "'", op.opPos(), text);
        }
    }

    /** The interaction of two groupings; a repeated factor counts once (a:a is a). */
    private static List<Expr> join(List<Expr> a, List<Expr> b) {
        Map<String, Expr> unique = new LinkedHashMap<>();
        for (Expr e : a) {
            unique.putIfAbsent(e.deparse(), e);
        }
        for (Expr e : b) {
            unique.putIfAbsent(e.deparse(), e);
        }
        return List.copyOf(unique.values());
    }
}
