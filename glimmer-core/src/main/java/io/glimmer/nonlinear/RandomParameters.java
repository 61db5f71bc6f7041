package io.glimmer.nonlinear;

import io.glimmer.error.InputException;
import io.glimmer.formula.Lexer;
import io.glimmer.formula.Token;
import io.glimmer.formula.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * nlme's {@code random = Asym + xmid ~ 1 | Tree}: which parameters get a random effect for each
 * level of one grouping factor, and whether their covariance is general (pdSymm) or diagonal (pdDiag).
 *
 * @param parameters the parameters with random effects, as written
 * @param group      the grouping column
 * @param diagonal   pdDiag (true) or a general covariance (false)
 */
public record RandomParameters(List<String> parameters, String group, boolean diagonal) {
    public RandomParameters {
        parameters = List.copyOf(parameters);
    }

    /**
     * @param spec      e.g. "Asym ~ 1 | Tree"
     * @param structure "general" (default, also null) or "diagonal"
     */
    public static RandomParameters parse(String spec, String structure) {
        boolean diagonal = structure(structure);
        List<Token> tokens = Lexer.tokenize(spec);
        List<String> names = new ArrayList<>();
        int i = 0;
        while (true) {
            Token t = at(spec, tokens, i++, Kind.NAME, "a parameter name");
            if (names.contains(t.text())) {
                throw fail(spec, t, "'" + t.text() + "' is named twice");
            }
            names.add(t.text());
            Token next = tokens.get(i);
            if (next.kind() == Kind.TILDE) {
                i++;
                break;
            }
            at(spec, tokens, i++, Kind.PLUS, "'+' or '~'");
        }
        Token one = tokens.get(i++);
        if (one.kind() != Kind.NUMBER || Double.parseDouble(one.text()) != 1) {
            throw fail(spec, one, "expected '1' after '~' (random effects on the parameters themselves: P ~ 1 | GROUP)");
        }
        at(spec, tokens, i++, Kind.BAR, "'|'");
        Token group = at(spec, tokens, i++, Kind.NAME, "the grouping column");
        Token end = tokens.get(i);
        if (end.kind() == Kind.SLASH) {
            throw fail(spec, end, "nested grouping (a/b) is not supported for nonlinear models yet; give one grouping column");
        }
        if (end.kind() != Kind.END) {
            throw fail(spec, end, "expected the end after the grouping column but found " + end.describe());
        }
        return new RandomParameters(names, group.text(), diagonal);
    }

    private static boolean structure(String structure) {
        if (structure == null || structure.equalsIgnoreCase("general")) {
            return false;
        }
        if (structure.equalsIgnoreCase("diagonal")) {
            return true;
        }
        throw new InputException("unknown {--random-structure} '" + structure + "' (choose one of: general, diagonal)");
    }

    private static Token at(String spec, List<Token> tokens, int i, Kind kind, String expected) {
        Token t = tokens.get(Math.min(i, tokens.size() - 1));
        if (t.kind() == Kind.ERROR) {
            throw new InputException("{--random#nonlinear} \"" + spec + "\" position " + t.start() + ": " + t.text());
        }
        if (t.kind() != kind) {
            throw fail(spec, t, "expected " + expected + " but found " + t.describe());
        }
        return t;
    }

    private static InputException fail(String spec, Token t, String detail) {
        return new InputException("{--random#nonlinear} \"" + spec + "\" position " + t.start() + ": " + detail);
    }
}
