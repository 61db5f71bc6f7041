package io.glimmer.formula;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Gives a right-hand side its formula meaning: expands the term algebra (R's terms.formula),
 * tracks the intercept, and pulls out offsets and random-effect terms the way lme4's
 * nobars/findbars do. One instance expands one side: the fixed part, or one random term's
 * left side (which has its own intercept and factor order).
 */
final class TermExpander {
    /** The expansion of one side. */
    record Result(boolean intercept, List<Term> terms, List<Expr> offsets, List<RandomTerm> randomTerms) {
    }

    /**
     * Where a node sits. {@code sum}: directly in a sum (only there may 0/1, '-', offsets and
     * random terms appear); {@code positive}: added rather than removed (R's parity).
     */
    private record Context(boolean sum, boolean positive) {
        static final Context TOP = new Context(true, true);

        Context flip() {
            return new Context(sum, !positive);
        }

        Context inProduct() {
            return new Context(false, positive);
        }
    }

    private final String text;
    private final boolean randomLhs;
    private final List<Expr> factors = new ArrayList<>();
    private final Map<String, Integer> factorIndex = new HashMap<>();
    private final List<Expr> offsets = new ArrayList<>();
    private final List<RandomTerm> randomTerms = new ArrayList<>();
    private boolean intercept = true;
    private boolean hasResponse;

    private TermExpander(String text, boolean randomLhs) {
        this.text = text;
        this.randomLhs = randomLhs;
    }

    /** The fixed part of {@code response ~ rhs}, with its offsets and random terms. */
    static Result expandFixed(String text, Expr response, Node rhs) {
        TermExpander expander = new TermExpander(text, false);
        if (response != null) {
            expander.register(response); // R numbers the response first
            expander.hasResponse = true;
        }
        return expander.expand(rhs);
    }

    /** The left side of {@code (lhs | g)}, as its own one-sided formula {@code ~ lhs}. */
    static Result expandRandomLhs(String text, Node lhs) {
        return new TermExpander(text, true).expand(lhs);
    }

    private Result expand(Node rhs) {
        declareVariables(rhs, false);
        List<BitSet> bits = evaluate(rhs, Context.TOP);
        List<Term> terms = new ArrayList<>();
        for (BitSet b : TermAlgebra.sortByOrder(bits)) {
            List<Expr> termFactors = new ArrayList<>();
            b.stream().forEach(i -> termFactors.add(factors.get(i)));
            terms.add(new Term(termFactors));
        }
        return new Result(intercept, terms, offsets, randomTerms);
    }

    /**
     * R numbers variables in a pre-pass (ExtractVars) that skips what is only removed with '-';
     * that numbering decides the factor order inside interaction labels ("a:b" for b:a).
     */
    private void declareVariables(Node node, boolean removed) {
        if (node instanceof Node.Atom a) {
            if (!removed && !(a.expr() instanceof Expr.Constant) && !isOffset(a.expr())) {
                register(a.expr());
            }
        } else if (node instanceof Node.Neg n) {
            declareVariables(n.operand(), true);
        } else if (node instanceof Node.Group g) {
            if (!isBar(g.inner())) {
                declareVariables(g.inner(), removed);
            }
        } else if (node instanceof Node.Op op && !op.isBar()) {
            // Iterate down the left spine so long sums do not recurse once per term.
            Deque<Node.Op> spine = new ArrayDeque<>();
            Node left = op;
            while (left instanceof Node.Op o && !o.isBar()) {
                spine.push(o);
                left = o.left();
            }
            declareVariables(left, removed);
            for (Node.Op o : spine) {
                if (!o.op().equals("^")) {
                    declareVariables(o.right(), removed || o.op().equals("-"));
                }
            }
        }
    }

    private List<BitSet> evaluate(Node node, Context ctx) {
        if (node instanceof Node.Atom a) {
            return atom(a, ctx);
        }
        if (node instanceof Node.Neg n) {
            if (!ctx.sum()) {
                throw fail(n.start(), "'-' cannot remove a term inside an interaction, nesting or power");
            }
            evaluate(n.operand(), ctx.flip()); // R: removing from nothing leaves nothing
            return List.of();
        }
        if (node instanceof Node.Group g) {
            if (g.inner() instanceof Node.Op bar && bar.isBar()) {
                randomTerm(g, bar, ctx);
                return List.of();
            }
            return evaluate(g.inner(), ctx);
        }
        Node.Op op = (Node.Op) node;
        if (op.isBar()) {
            throw fail(op.opPos(), randomLhs
                    ? "nested '" + op.op() + "': a random-effect term has exactly one '|'"
                    : "'" + op.op() + "' must be inside parentheses, like (1 | g)");
        }
        if (op.op().equals("+") || op.op().equals("-")) {
            return sum(op, ctx);
        }
        List<BitSet> left = evaluate(op.left(), ctx.inProduct());
        try {
            return switch (op.op()) {
                case ":" -> TermAlgebra.interact(left, evaluate(op.right(), ctx.inProduct()));
                case "*" -> TermAlgebra.cross(left, evaluate(op.right(), ctx.inProduct()));
                case "/" -> TermAlgebra.nest(left, evaluate(op.right(), ctx.inProduct()));
                case "^" -> TermAlgebra.power(left, power(op.right()));
                default -> throw new IllegalStateException("operator " + op.op());
            };
        } catch (TermAlgebra.TooManyTerms e) {
            throw fail(op.opPos(), "the formula expands to more than " + TermAlgebra.MAX_TERMS + " terms");
        }
    }

    /** A chain a + b - c + ... evaluated left to right without recursing once per term. */
    private List<BitSet> sum(Node.Op top, Context ctx) {
        Deque<Node.Op> spine = new ArrayDeque<>();
        Node left = top;
        while (left instanceof Node.Op o && (o.op().equals("+") || o.op().equals("-"))) {
            spine.push(o);
            left = o.left();
        }
        // A LinkedHashSet is R's trimmed list: first occurrence kept, removal then re-adding moves to the end.
        LinkedHashSet<BitSet> result = new LinkedHashSet<>(evaluate(left, ctx));
        for (Node.Op o : spine) {
            if (o.op().equals("+")) {
                result.addAll(evaluate(o.right(), ctx));
                if (result.size() > TermAlgebra.MAX_TERMS) {
                    throw fail(o.opPos(), "the formula expands to more than " + TermAlgebra.MAX_TERMS + " terms");
                }
            } else {
                result.removeAll(evaluate(o.right(), ctx.flip()));
            }
        }
        return new ArrayList<>(result);
    }

    private List<BitSet> atom(Node.Atom atom, Context ctx) {
        Expr e = atom.expr();
        if (e instanceof Expr.Constant c) {
            interceptLiteral(c.value(), atom, ctx);
            return List.of();
        }
        if (isOffset(e)) {
            offset((Expr.Call) e, atom, ctx);
            return List.of();
        }
        if (e instanceof Expr.Variable v && v.name().equals(".")) {
            throw fail(atom.start(), "'.' (all other columns) is not supported; name the variables");
        }
        int index = register(e);
        if (index == 0 && hasResponse && ctx.sum() && ctx.positive()) {
            // R would silently drop it when building the model matrix; here it is surely a typo
            throw fail(atom.start(), "the response " + e.deparse() + " also appears as a term on the right side");
        }
        BitSet bit = new BitSet();
        bit.set(index);
        return List.of(bit);
    }

    /** R: 1 keeps the intercept and 0 drops it; under '-' the meaning flips. */
    private void interceptLiteral(double value, Node.Atom atom, Context ctx) {
        String shown = atom.expr().deparse();
        if (!ctx.sum()) {
            throw fail(atom.start(), "the number " + shown
                    + " cannot be part of an interaction, nesting or power; use I() for arithmetic");
        }
        if (value == 1) {
            intercept = ctx.positive();
        } else if (value == 0) {
            intercept = !ctx.positive();
        } else {
            throw fail(atom.start(), "a number in a formula must be 0 or 1 (to drop or keep the intercept), found "
                    + shown + "; use I() for arithmetic");
        }
    }

    private void offset(Expr.Call call, Node.Atom atom, Context ctx) {
        if (randomLhs) {
            throw fail(atom.start(), "offset() cannot be inside a random-effect term");
        }
        requireAddedTerm(ctx, atom.start(), "offset()");
        offsets.add(call.args().get(0));
    }

    /** An offset or a random-effect term stands on its own in the formula's sum, added with '+'. */
    private void requireAddedTerm(Context ctx, int start, String what) {
        if (!ctx.sum()) {
            throw fail(start, what + " cannot be part of an interaction, nesting or power; add it with '+'");
        }
        if (!ctx.positive()) {
            throw fail(start, what + " cannot be removed with '-'");
        }
    }

    private void randomTerm(Node.Group group, Node.Op bar, Context ctx) {
        if (randomLhs) {
            throw fail(group.start(), "nested random-effect term: '|' cannot appear inside another '( ... | ... )'");
        }
        requireAddedTerm(ctx, group.start(), "a random-effect term");
        randomTerms.addAll(RandomTermBuilder.build(text, bar));
    }

    /** The exponent of a fixed-part '^': a positive whole number, possibly in parentheses. */
    private int power(Node exponent) {
        Node n = exponent;
        while (n instanceof Node.Group g) {
            n = g.inner();
        }
        if (n instanceof Node.Atom a && a.expr() instanceof Expr.Constant c
                && c.value() >= 1 && c.value() == Math.rint(c.value())) {
            return (int) Math.min(c.value(), Integer.MAX_VALUE);
        }
        throw fail(exponent.start(), "the power after '^' must be a positive whole number, like (a + b + c)^2;"
                + " use I() for arithmetic, like I(x^0.5)");
    }

    private int register(Expr factor) {
        String key = factor.deparse();
        Integer index = factorIndex.get(key);
        if (index == null) {
            index = factors.size();
            factors.add(factor);
            factorIndex.put(key, index);
        }
        return index;
    }

    private static boolean isOffset(Expr e) {
        return e instanceof Expr.Call c && c.function().equals("offset");
    }

    private static boolean isBar(Node n) {
        return n instanceof Node.Op o && o.isBar();
    }

    private FormulaException fail(int position, String detail) {
        return new FormulaException(detail, position, text);
    }
}
