package io.glimmer.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits formula text into {@link Token}s. Lexical errors become an {@link Token.Kind#ERROR}
 * token instead of an exception, so the parser reports problems in the order they occur in the
 * text (a syntax error before a bad character is reported first). Also the tokenizer of the
 * nonlinear model language ({@code io.glimmer.nonlinear}), which shares R's lexical rules.
 */
public final class Lexer {
    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, always ending with END or ERROR. */
    public static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        while (true) {
            Token token = lexer.next();
            tokens.add(token);
            if (token.kind() == Token.Kind.END || token.kind() == Token.Kind.ERROR) {
                return tokens;
            }
        }
    }

    private Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            return new Token(Token.Kind.END, "", text.length(), text.length());
        }
        int start = pos;
        char c = text.charAt(pos);
        if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '.') {
            return name();
        }
        if (c == '`') {
            return backquoted();
        }
        if (c == '|' && pos + 1 < text.length() && text.charAt(pos + 1) == '|') {
            pos += 2;
            return new Token(Token.Kind.DOUBLE_BAR, "||", start, pos);
        }
        Token.Kind kind = switch (c) {
            case '+' -> Token.Kind.PLUS;
            case '-' -> Token.Kind.MINUS;
            case '*' -> Token.Kind.STAR;
            case '/' -> Token.Kind.SLASH;
            case '^' -> Token.Kind.CARET;
            case ':' -> Token.Kind.COLON;
            case '~' -> Token.Kind.TILDE;
            case '|' -> Token.Kind.BAR;
            case '(' -> Token.Kind.LPAREN;
            case ')' -> Token.Kind.RPAREN;
            case ',' -> Token.Kind.COMMA;
            default -> null;
        };
        if (kind == null) {
            return error(start, "unexpected character " + quoteChar(text.codePointAt(pos)));
        }
        pos++;
        return new Token(kind, String.valueOf(c), start, pos);
    }

    /** R numbers: 1, 2.5, .5, 1., 1e-3, 2E+10 (no hex, no L suffix). */
    private Token number() {
        int start = pos;
        skipDigits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            skipDigits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= text.length() || !isDigit(text.charAt(pos))) {
                return error(start, "malformed number '" + text.substring(start, pos)
                        + "': expected digits after the exponent");
            }
            skipDigits();
        }
        return new Token(Token.Kind.NUMBER, text.substring(start, pos), start, pos);
    }

    private Token name() {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        return new Token(Token.Kind.NAME, text.substring(start, pos), start, pos);
    }

    /** `any name` as R allows for non-syntactic column names; \` and \\ escape. */
    private Token backquoted() {
        int start = pos++;
        StringBuilder name = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != '`') {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()
                    && (text.charAt(pos + 1) == '`' || text.charAt(pos + 1) == '\\')) {
                c = text.charAt(++pos);
            }
            name.append(c);
            pos++;
        }
        if (pos >= text.length()) {
            return error(start, "unterminated backquoted name: expected a closing '`'");
        }
        pos++;
        if (name.length() == 0) {
            return error(start, "empty backquoted name ``");
        }
        return new Token(Token.Kind.NAME, name.toString(), start, pos);
    }

    private Token error(int start, String message) {
        pos = text.length();
        return new Token(Token.Kind.ERROR, message, start, start);
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_';
    }

    /** Control characters are named by code point so the message stays on one readable line. */
    private static String quoteChar(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }
}
