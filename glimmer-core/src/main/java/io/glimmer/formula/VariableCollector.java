package io.glimmer.formula;

import java.util.Set;

/** Walks an {@link Expr} for the column names it reads, left to right (so first appearance wins). */
final class VariableCollector {
    private VariableCollector() {
    }

    static void collect(Expr e, Set<String> names) {
        if (e instanceof Expr.Variable v) {
            names.add(v.name());
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(arg -> collect(arg, names));
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), names);
            collect(b.right(), names);
        } else if (e instanceof Expr.Negate n) {
            collect(n.operand(), names);
        } else if (e instanceof Expr.Paren p) {
            collect(p.inner(), names);
        }
        // Constant: no columns
    }
}
