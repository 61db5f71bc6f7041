package io.glimmer.formula;

/**
 * One lexical token of a formula. {@code start} and {@code end} are 0-based character offsets
 * (end exclusive) so every later error can point at the exact spot in the user's text.
 * For {@link Kind#NAME} the text is the name itself (backquotes removed); for
 * {@link Kind#ERROR} it is the message the parser reports when it reaches this token.
 */
public record Token(Kind kind, String text, int start, int end) {

    public enum Kind {
        NAME, NUMBER,
        PLUS, MINUS, STAR, SLASH, CARET, COLON,
        TILDE, BAR, DOUBLE_BAR,
        LPAREN, RPAREN, COMMA,
        END, ERROR
    }

    /** How the token reads in a message: quoted source text, or "the end of the formula". */
    public String describe() {
        return switch (kind) {
            case END -> "the end of the formula";
            case NAME -> "'" + RNames.deparse(text) + "'";
            default -> "'" + text + "'";
        };
    }
}
