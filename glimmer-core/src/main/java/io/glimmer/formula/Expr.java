package io.glimmer.formula;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * An R expression as it appears in a formula: a column, a number, a call such as {@code I(x^2)}
 * or {@code log(y)}, or arithmetic inside such a call. Formula algebra (terms, random effects)
 * is not represented here; this is what a single factor, response or offset is made of.
 */
public sealed interface Expr {

    /** R's deparse of the expression, e.g. {@code I((x + 1)^2)} or {@code cbind(s, n - s)}. */
    String deparse();

    /** The column names referenced, in order of first appearance. */
    default LinkedHashSet<String> variables() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        VariableCollector.collect(this, names);
        return names;
    }

    /** A column, possibly with a non-syntactic name written as {@code `my var`}. */
    record Variable(String name) implements Expr {
        public Variable {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty variable name");
            }
        }

        @Override
        public String deparse() {
            return RNames.deparse(name);
        }
    }

    /** A numeric literal. */
    record Constant(double value) implements Expr {
        @Override
        public String deparse() {
            return RNumbers.format(value);
        }
    }

    /** Any {@code name(args)}: I, log, exp, sqrt, scale, offset, cbind, poly, ... */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
        }

        @Override
        public String deparse() {
            StringBuilder out = new StringBuilder(RNames.deparse(function)).append('(');
            for (int i = 0; i < args.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(args.get(i).deparse());
            }
            return out.append(')').toString();
        }
    }

    /** Arithmetic {@code left op right}, op one of + - * / ^ : */
    record Binary(String op, Expr left, Expr right) implements Expr {
        public Binary {
            if (Precedence.ofBinary(op) < 0) {
                throw new IllegalArgumentException("not a binary operator: " + op);
            }
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String deparse() {
            int prec = Precedence.ofBinary(op);
            boolean rightAssoc = op.equals("^");
            // Parentheses only where R's grammar needs them; explicit ones are Paren nodes.
            String l = Precedence.wrap(left, rightAssoc ? prec + 1 : prec);
            String r = right instanceof Negate ? right.deparse() : Precedence.wrap(right, rightAssoc ? prec : prec + 1);
            String sep = Precedence.spaced(op) ? " " + op + " " : op;
            return l + sep + r;
        }
    }

    /** Unary minus. */
    record Negate(Expr operand) implements Expr {
        public Negate {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String deparse() {
            return "-" + Precedence.wrap(operand, Precedence.UNARY);
        }
    }

    /** Parentheses the user wrote, kept so deparse reproduces them. */
    record Paren(Expr inner) implements Expr {
        public Paren {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public String deparse() {
            return "(" + inner.deparse() + ")";
        }
    }
}
