package io.glimmer.nonlinear;

import io.glimmer.error.InputException;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Lexer;
import io.glimmer.formula.Token;
import io.glimmer.formula.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * nlme's {@code random = Asym + xmid ~ 1 | Tree}: which parameters get a random effect for each
 * level of a grouping factor, and whether their covariance is general (pdSymm) or diagonal (pdDiag).
 * Nested grouping {@code | a/b} (nlme's multilevel model) gives the same parameters a random effect
 * at every level: for each a, and for each b within a.
 *
 * @param parameters the parameters with random effects, as written
 * @param groups     the grouping columns, outermost first (one unless nested)
 * @param diagonal   pdDiag (true) or a general covariance (false)
 */
public record RandomParameters(List<String> parameters, List<String> groups, boolean diagonal) {
    public RandomParameters {
        parameters = List.copyOf(parameters);
        groups = List.copyOf(groups);
    }

    /** One grouping column. */
    public RandomParameters(List<String> parameters, String group, boolean diagonal) {
        this(parameters, List.of(group), diagonal);
    }

    /** The innermost grouping column (the only one unless nested). */
    public String group() {
        return groups.get(groups.size() - 1);
    }

    /** The grouping as lme4 writes it: {@code g}, or {@code a/b} nested. */
    String grouping() {
        return String.join("/", groups.stream().map(g -> new Expr.Variable(g).deparse()).toList());
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
        List<String> groups = new ArrayList<>();
        while (true) {
            Token group = at(spec, tokens, i++, Kind.NAME, "the grouping column");
            if (groups.contains(group.text())) {
                throw fail(spec, group, "the grouping column '" + group.text() + "' is named twice");
            }
            groups.add(group.text());
            Token end = tokens.get(i);
            if (end.kind() == Kind.SLASH) {
                i++; // nested: a/b
                continue;
            }
            if (end.kind() != Kind.END) {
                throw fail(spec, end, "expected '/' or the end after the grouping column but found " + end.describe());
            }
            break;
        }
        return new RandomParameters(names, groups, diagonal);
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
