package io.glimmer.formula;

/**
 * The parser's syntax tree of a formula side, before any formula algebra. Unlike {@link Expr}
 * it can hold {@code |} and {@code ||}, and every node remembers where it starts in the text so
 * the term expansion can point errors at the right character.
 */
sealed interface Node {
    /** 0-based offset of the node's first character. */
    int start();

    /** A variable, number or call. */
    record Atom(Expr expr, int start) implements Node {
    }

    /** {@code left op right}; op is + - * / ^ : | or ||, and {@code opPos} is where op is written. */
    record Op(String op, Node left, Node right, int opPos) implements Node {
        @Override
        public int start() {
            return left.start();
        }

        boolean isBar() {
            return op.equals("|") || op.equals("||");
        }
    }

    /** Unary minus; {@code start} is the minus sign. */
    record Neg(Node operand, int start) implements Node {
    }

    /** Parentheses; {@code start} is the '('. */
    record Group(Node inner, int start) implements Node {
    }
}
