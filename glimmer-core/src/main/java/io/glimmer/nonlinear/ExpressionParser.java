package io.glimmer.nonlinear;

import io.glimmer.formula.FormulaException;
import io.glimmer.formula.Lexer;
import io.glimmer.formula.Token;
import io.glimmer.formula.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the formula's tokens (the lme4 formula's {@link Lexer}, so names,
 * numbers and backquotes read alike) into a {@link ModelExpression}, with R's precedence:
 * {@code + -}, then {@code * /}, then unary minus, then {@code ^} (right-associative). Names are
 * resolved by a {@link Names}; errors are {@link FormulaException}s naming the position.
 */
final class ExpressionParser {
    /** Turns a name at a position into a column, a parameter or a bound expression. */
    interface Names {
        ModelExpression resolve(String name, int position);

        /** A call {@code name(args)} other than exp, log and sqrt (a self-starting model), or null. */
        default ModelExpression call(String name, List<ModelExpression> args, List<Integer> positions, int position) {
            return null;
        }
    }

    private static final int MAX_DEPTH = 200;
    private final String text;
    private final List<Token> tokens;
    private final Names names;
    private int index;
    private int depth;

    private ExpressionParser(String text, Names names) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
        this.names = names;
    }

    /** {@code response ~ expression}: the response's token and the expression. */
    record TwoSided(String response, int responsePosition, ModelExpression mean) {
    }

    static TwoSided formula(String text, Names names) {
        ExpressionParser p = new ExpressionParser(text, names);
        Token response = p.peek();
        if (response.kind() != Kind.NAME) {
            throw p.fail(response, "expected the response column before '~', as in y ~ Asym / (1 + exp((xmid - x) / scal))");
        }
        p.index++;
        Token tilde = p.peek();
        if (tilde.kind() != Kind.TILDE) {
            throw p.fail(tilde, "expected '~' after the response (a nonlinear model's response is one column)");
        }
        p.index++;
        ModelExpression mean = p.sum();
        p.expectEnd();
        return new TwoSided(response.text(), response.start(), mean);
    }

    /** A one-sided expression (a self-starting model's template). */
    static ModelExpression expression(String text, Names names) {
        ExpressionParser p = new ExpressionParser(text, names);
        ModelExpression e = p.sum();
        p.expectEnd();
        return e;
    }

    private void expectEnd() {
        Token t = peek();
        if (t.kind() != Kind.END) {
            throw fail(t, "expected an operator (+ - * / ^) or the end of the formula but found " + t.describe());
        }
    }

    private Token peek() {
        Token t = tokens.get(index);
        if (t.kind() == Kind.ERROR) {
            throw new FormulaException(t.text(), t.start(), text);
        }
        return t;
    }

    private FormulaException fail(Token at, String detail) {
        return new FormulaException(detail, at.start(), text);
    }

    private ModelExpression sum() {
        ModelExpression left = product();
        while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            char op = tokens.get(index++).text().charAt(0);
            left = Expressions.arithmetic(op, left, product());
        }
        return left;
    }

    private ModelExpression product() {
        ModelExpression left = unary();
        while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH) {
            char op = tokens.get(index++).text().charAt(0);
            left = Expressions.arithmetic(op, left, unary());
        }
        return left;
    }

    private ModelExpression unary() {
        Token t = peek();
        if (t.kind() == Kind.MINUS || t.kind() == Kind.PLUS) {
            index++;
            enter(t);
            ModelExpression operand = unary();
            depth--;
            return t.kind() == Kind.MINUS ? Expressions.negate(operand) : operand;
        }
        return power();
    }

    private ModelExpression power() {
        ModelExpression base = primary();
        if (peek().kind() == Kind.CARET) {
            Token caret = tokens.get(index++);
            enter(caret);
            ModelExpression exponent = unary(); // R: a^-b, and 2^3^2 = 2^9
            depth--;
            return Expressions.power(base, exponent);
        }
        return base;
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw fail(t, "the formula nests more than " + MAX_DEPTH + " levels deep");
        }
    }

    private ModelExpression primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                index++;
                return new ModelExpression.Constant(Double.parseDouble(t.text()));
            }
            case LPAREN -> {
                index++;
                enter(t);
                ModelExpression inner = sum();
                depth--;
                closing(t);
                return inner;
            }
            case NAME -> {
                index++;
                if (peek().kind() == Kind.LPAREN) {
                    return call(t);
                }
                return names.resolve(t.text(), t.start());
            }
            case END -> throw fail(t, "the formula ends where a number, name or '(' was expected");
            default -> throw fail(t, "expected a number, a name or '(' but found " + t.describe());
        }
    }

    private void closing(Token open) {
        Token t = peek();
        if (t.kind() != Kind.RPAREN) {
            throw fail(t, "expected ')' to close '(' opened at position " + open.start() + " but found " + t.describe());
        }
        index++;
    }

    private ModelExpression call(Token name) {
        Token open = tokens.get(index++);
        enter(open);
        List<ModelExpression> args = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        if (peek().kind() != Kind.RPAREN) {
            do {
                positions.add(peek().start());
                args.add(sum());
            } while (peek().kind() == Kind.COMMA && tokens.get(index++) != null);
        }
        closing(open);
        depth--;
        if (Expressions.FUNCTIONS.contains(name.text())) {
            if (args.size() != 1) {
                throw fail(name, name.text() + "() takes one argument, not " + args.size());
            }
            return Expressions.call(name.text(), args.get(0));
        }
        ModelExpression model = names.call(name.text(), args, positions, name.start());
        if (model == null) {
            throw fail(name, "unknown function '" + name.text() + "' (the model language has exp, log, sqrt and the self-starting models "
                    + String.join(", ", SelfStart.names()) + ")");
        }
        return model;
    }
}
