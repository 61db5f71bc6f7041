package io.glimmer.correlation;

import io.glimmer.error.InputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code --correlation} value such as {@code ar1(Time | Cow)} into names and the
 * punctuation {@code ( | )}, remembering where each token starts so that errors can point at it.
 * A name is a run of letters, digits, '.' and '_', or any text between backquotes (for column
 * names with other characters, as in R).
 */
final class SpecTokenizer {
    enum Kind { NAME, OPEN, BAR, CLOSE, END }

    /** @param position 1-based character position in the spec */
    record Token(Kind kind, String text, int position) {
        String describe() {
            return kind == Kind.END ? "the end" : "'" + text + "'";
        }
    }

    private SpecTokenizer() {
    }

    static List<Token> tokens(String spec) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == '|' || c == ')') {
                Kind k = c == '(' ? Kind.OPEN : c == '|' ? Kind.BAR : Kind.CLOSE;
                out.add(new Token(k, String.valueOf(c), i + 1));
                i++;
            } else if (c == '`') {
                int end = spec.indexOf('`', i + 1);
                if (end < 0) {
                    throw error(spec, i + 1, "unterminated backquote");
                }
                if (end == i + 1) {
                    throw error(spec, i + 1, "empty name between backquotes");
                }
                out.add(new Token(Kind.NAME, spec.substring(i + 1, end), i + 1));
                i = end + 1;
            } else if (isNameChar(c)) {
                int start = i;
                while (i < spec.length() && isNameChar(spec.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.NAME, spec.substring(start, i), start + 1));
            } else {
                throw error(spec, i + 1, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Kind.END, "", spec.length() + 1));
        return out;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_';
    }

    /** A syntax error: quotes the spec, names the 1-based position and shows the accepted forms. */
    static InputException error(String spec, int position, String problem) {
        return new InputException(at(spec, position, problem) + " (write ar1(TIME | GROUP), exp(TIME | GROUP) or cs(1 | GROUP))");
    }

    /** "{--correlation 'SPEC'}: PROBLEM at character N". */
    static String at(String spec, int position, String problem) {
        return "{--correlation '" + spec + "'}: " + problem + " at character " + position;
    }
}
