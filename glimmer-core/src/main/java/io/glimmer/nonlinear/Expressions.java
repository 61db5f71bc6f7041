package io.glimmer.nonlinear;

import io.glimmer.nonlinear.ModelExpression.Arithmetic;
import io.glimmer.nonlinear.ModelExpression.Constant;
import io.glimmer.nonlinear.ModelExpression.Function;
import io.glimmer.nonlinear.ModelExpression.Negate;

import java.util.Set;

/**
 * Builders of {@link ModelExpression} nodes that simplify as they build: constants are folded,
 * 0 and 1 drop out of sums and products. Symbolic derivatives are made of these, which keeps them
 * close to what one would write by hand (and cheap to evaluate).
 */
public final class Expressions {
    static final Constant ZERO = new Constant(0);
    static final Constant ONE = new Constant(1);
    /** The functions of the model language. */
    public static final Set<String> FUNCTIONS = Set.of("exp", "log", "sqrt");

    private Expressions() {
    }

    private static boolean is(ModelExpression e, double v) {
        return e instanceof Constant c && c.value() == v;
    }

    public static ModelExpression add(ModelExpression a, ModelExpression b) {
        if (a instanceof Constant x && b instanceof Constant y) {
            return new Constant(x.value() + y.value());
        }
        if (is(a, 0)) {
            return b;
        }
        if (is(b, 0)) {
            return a;
        }
        return new Arithmetic('+', a, b);
    }

    public static ModelExpression subtract(ModelExpression a, ModelExpression b) {
        if (a instanceof Constant x && b instanceof Constant y) {
            return new Constant(x.value() - y.value());
        }
        if (is(b, 0)) {
            return a;
        }
        if (is(a, 0)) {
            return negate(b);
        }
        return new Arithmetic('-', a, b);
    }

    public static ModelExpression multiply(ModelExpression a, ModelExpression b) {
        if (a instanceof Constant x && b instanceof Constant y) {
            return new Constant(x.value() * y.value());
        }
        if (is(a, 0) || is(b, 0)) {
            return ZERO;
        }
        if (is(a, 1)) {
            return b;
        }
        if (is(b, 1)) {
            return a;
        }
        return new Arithmetic('*', a, b);
    }

    public static ModelExpression divide(ModelExpression a, ModelExpression b) {
        if (a instanceof Constant x && b instanceof Constant y && y.value() != 0) {
            return new Constant(x.value() / y.value());
        }
        if (is(a, 0)) {
            return ZERO;
        }
        if (is(b, 1)) {
            return a;
        }
        return new Arithmetic('/', a, b);
    }

    public static ModelExpression power(ModelExpression a, ModelExpression b) {
        if (is(b, 1)) {
            return a;
        }
        if (is(b, 0)) {
            return ONE;
        }
        return new Arithmetic('^', a, b);
    }

    public static ModelExpression negate(ModelExpression a) {
        if (a instanceof Constant c) {
            return new Constant(-c.value());
        }
        if (a instanceof Negate n) {
            return n.operand();
        }
        return new Negate(a);
    }

    public static ModelExpression call(String function, ModelExpression argument) {
        return new Function(function, argument);
    }

    /** The operator's node: + - * / ^. */
    static ModelExpression arithmetic(char op, ModelExpression a, ModelExpression b) {
        return switch (op) {
            case '+' -> add(a, b);
            case '-' -> subtract(a, b);
            case '*' -> multiply(a, b);
            case '/' -> divide(a, b);
            default -> power(a, b);
        };
    }

    /** The expression, in parentheses when it binds less tightly than its context needs. */
    static String wrap(ModelExpression e, int needed) {
        return e.precedence() < needed ? "(" + e.deparse() + ")" : e.deparse();
    }
}
