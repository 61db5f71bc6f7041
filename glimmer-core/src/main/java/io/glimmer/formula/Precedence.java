package io.glimmer.formula;

/**
 * R's operator precedence for the operators formulas use (see ?Syntax), shared by the parser's
 * layout and by {@link Expr#deparse()} so constructed expressions deparse unambiguously.
 */
final class Precedence {
    static final int SUM = 10;      // binary + -
    static final int PRODUCT = 20;  // * /
    static final int COLON = 30;    // :
    static final int UNARY = 40;    // unary -, binds tighter than : in R
    static final int POWER = 50;    // ^, right-associative
    static final int ATOM = 100;

    private Precedence() {
    }

    /** Precedence of a binary operator, or -1 when it is not one. */
    static int ofBinary(String op) {
        return switch (op) {
            case "+", "-" -> SUM;
            case "*", "/" -> PRODUCT;
            case ":" -> COLON;
            case "^" -> POWER;
            default -> -1;
        };
    }

    static int of(Expr e) {
        if (e instanceof Expr.Binary b) {
            return ofBinary(b.op());
        }
        if (e instanceof Expr.Negate || (e instanceof Expr.Constant c && c.value() < 0)) {
            return UNARY;
        }
        return ATOM;
    }

    /** R deparses + - * with spaces around them, / ^ : without. */
    static boolean spaced(String op) {
        return op.equals("+") || op.equals("-") || op.equals("*");
    }

    /** Deparses {@code e}, in parentheses when it binds looser than {@code minimum}. */
    static String wrap(Expr e, int minimum) {
        String text = e.deparse();
        return of(e) < minimum ? "(" + text + ")" : text;
    }
}
