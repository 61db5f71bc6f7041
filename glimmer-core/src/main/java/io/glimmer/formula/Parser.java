package io.glimmer.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for {@code [response] ~ terms}, following R's operator precedence
 * (lowest first): {@code ~}, {@code | ||}, binary {@code + -}, {@code * /}, {@code :},
 * unary {@code - +}, {@code ^} (right-associative; its exponent may start with a unary minus).
 * It only builds syntax; {@link TermExpander} gives the right side its formula meaning.
 */
final class Parser {
    /** Guards the recursion against hostile input; real formulas nest a handful of levels. */
    static final int MAX_DEPTH = 200;
    static final int MAX_TOKENS = 4000;

    /** The two sides; {@code response} is null for a one-sided formula {@code ~ x}. */
    record Parsed(Expr response, Node rhs) {
    }

    private final String text;
    private final List<Token> tokens;
    private int index;
    private int depth;
    private int callDepth;
    /** The '(' of the innermost call written as "name (", which is often a missing '+'. */
    private Token spacedCallOpen;

    private Parser(String text) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
    }

    static Parsed parse(String text) {
        return new Parser(text).formula();
    }

    private Parsed formula() {
        if (tokens.size() > MAX_TOKENS) {
            throw fail(tokens.get(MAX_TOKENS).start(), "the formula is too long (more than " + MAX_TOKENS + " tokens)");
        }
        if (peek().kind() == Token.Kind.END) {
            throw fail(0, "the formula is empty: expected something like y ~ x");
        }
        Expr response = null;
        if (peek().kind() != Token.Kind.TILDE) {
            response = toExpr(bar()); // before the right side, so errors come in text order
            Token t = peek();
            if (t.kind() == Token.Kind.END) {
                throw fail(t.start(), "expected '~' between the response and the terms (like y ~ x)");
            }
            if (t.kind() != Token.Kind.TILDE) {
                throw unexpectedAfterExpression(t, "expected '~' or an operator");
            }
        }
        Token tilde = advance();
        if (peek().kind() == Token.Kind.END) {
            throw fail(peek().start(), "expected terms after '~' but the right side is empty");
        }
        Node rhs = bar();
        Token t = peek();
        if (t.kind() == Token.Kind.TILDE) {
            throw fail(t.start(), "a formula has only one '~' but found another (the first is at position "
                    + tilde.start() + ")");
        }
        if (t.kind() != Token.Kind.END) {
            throw unexpectedAfterExpression(t, "expected an operator such as '+' or the end of the formula");
        }
        return new Parsed(response, rhs);
    }

    /** sum ( ('|' | '||') sum )* */
    private Node bar() {
        Node left = sum();
        while (isAny(Token.Kind.BAR, Token.Kind.DOUBLE_BAR)) {
            Token op = advance();
            Token next = peek();
            if (isAny(Token.Kind.RPAREN, Token.Kind.END, Token.Kind.BAR, Token.Kind.DOUBLE_BAR)) {
                throw fail(next.start(), "expected a grouping factor after '" + op.text() + "' but found "
                        + next.describe());
            }
            left = new Node.Op(op.text(), left, sum(), op.start());
        }
        return left;
    }

    private Node sum() {
        return leftAssociative(this::product, Token.Kind.PLUS, Token.Kind.MINUS);
    }

    private Node product() {
        return leftAssociative(this::interaction, Token.Kind.STAR, Token.Kind.SLASH);
    }

    private Node interaction() {
        return leftAssociative(this::unary, Token.Kind.COLON);
    }

    /** operand (op operand)*, grouped from the left: a - b - c is (a - b) - c. */
    private Node leftAssociative(Supplier<Node> operand, Token.Kind... operators) {
        Node left = operand.get();
        while (isAny(operators)) {
            Token op = advance();
            left = new Node.Op(op.text(), left, operand.get(), op.start());
        }
        return left;
    }

    /** Every recursive path passes through here, so this is where nesting depth is limited. */
    private Node unary() {
        if (++depth > MAX_DEPTH) {
            throw fail(peek().start(), "the formula is nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        try {
            if (is(Token.Kind.MINUS)) {
                Token minus = advance();
                return new Node.Neg(unary(), minus.start());
            }
            if (is(Token.Kind.PLUS)) {
                advance(); // unary plus changes nothing, in R's formulas or arithmetic
                return unary();
            }
            return power();
        } finally {
            depth--;
        }
    }

    private Node power() {
        Node base = primary();
        if (is(Token.Kind.CARET)) {
            Token op = advance();
            return new Node.Op("^", base, unary(), op.start());
        }
        return base;
    }

    private Node primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                advance();
                return new Node.Atom(new Expr.Constant(Double.parseDouble(t.text())), t.start());
            case NAME:
                advance();
                if (is(Token.Kind.LPAREN)) {
                    return call(t);
                }
                return new Node.Atom(new Expr.Variable(t.text()), t.start());
            case LPAREN:
                return group();
            default:
                throw expectedOperand(t);
        }
    }

    private Node group() {
        Token open = advance();
        Node inner = bar();
        expectClose(open, "')' to close '(' opened at position " + open.start());
        return new Node.Group(inner, open.start());
    }

    /** name(arg, ...): arguments are ordinary arithmetic, not formula algebra. */
    private Node call(Token name) {
        Token open = advance();
        Token outerSpaced = spacedCallOpen;
        spacedCallOpen = open.start() > name.end() ? open : null; // R reads "x (1|g)" as a call, too
        List<Expr> args = new ArrayList<>();
        callDepth++;
        if (is(Token.Kind.RPAREN)) {
            advance();
        } else {
            String close = "',' or ')' to close '" + RNames.deparse(name.text()) + "(' opened at position " + open.start();
            while (true) {
                args.add(toExpr(bar()));
                if (is(Token.Kind.COMMA)) {
                    advance();
                    continue;
                }
                expectClose(open, close);
                break;
            }
        }
        callDepth--;
        spacedCallOpen = outerSpaced;
        if ((name.text().equals("I") || name.text().equals("offset")) && args.size() != 1) {
            throw fail(name.start(), name.text() + "() takes exactly one argument, found " + args.size());
        }
        return new Node.Atom(new Expr.Call(name.text(), args), name.start());
    }

    private void expectClose(Token open, String expected) {
        Token t = peek();
        if (t.kind() == Token.Kind.RPAREN) {
            advance();
            return;
        }
        String found = t.kind() == Token.Kind.END ? "" : " but found " + t.describe();
        throw fail(t.start(), "expected " + expected + found);
    }

    /** The syntax tree of a response or call argument as an expression; '|' has no meaning there. */
    private Expr toExpr(Node node) {
        if (node instanceof Node.Atom a) {
            return a.expr();
        }
        if (node instanceof Node.Neg n) {
            return new Expr.Negate(toExpr(n.operand()));
        }
        if (node instanceof Node.Group g) {
            return new Expr.Paren(toExpr(g.inner()));
        }
        Node.Op op = (Node.Op) node;
        if (op.isBar()) {
            String hint = spacedCallOpen == null ? ""
                    : "; is a '+' missing before the '(' at position " + spacedCallOpen.start() + "?";
            throw fail(op.opPos(), "'" + op.op() + "' is only allowed in a random-effect term on the right of '~', like (1 | g)"
                    + hint);
        }
        return new Expr.Binary(op.op(), toExpr(op.left()), toExpr(op.right()));
    }

    private FormulaException expectedOperand(Token found) {
        String what = callDepth > 0 ? "an expression" : "a term";
        String after = index > 0 ? " after " + tokens.get(index - 1).describe() : "";
        String but = found.kind() == Token.Kind.END ? " but the formula ended" : " but found " + found.describe();
        return fail(found.start(), "expected " + what + after + but);
    }

    private FormulaException unexpectedAfterExpression(Token t, String expected) {
        if (t.kind() == Token.Kind.RPAREN) {
            return fail(t.start(), "unmatched ')' with no '(' before it");
        }
        if (t.kind() == Token.Kind.COMMA) {
            return fail(t.start(), "unexpected ',' outside a function call");
        }
        return fail(t.start(), expected + " but found " + t.describe());
    }

    /** The current token; a lexical error surfaces here, in text order with syntax errors. */
    private Token peek() {
        Token t = tokens.get(index);
        if (t.kind() == Token.Kind.ERROR) {
            throw fail(t.start(), t.text());
        }
        return t;
    }

    private boolean is(Token.Kind kind) {
        return peek().kind() == kind;
    }

    private boolean isAny(Token.Kind... kinds) {
        for (Token.Kind kind : kinds) {
            if (is(kind)) {
                return true;
            }
        }
        return false;
    }

    private Token advance() {
        return tokens.get(index++);
    }

    private FormulaException fail(int position, String detail) {
        return new FormulaException(detail, position, text);
    }
}
