package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded fuzzing: random strings built from formula tokens (some pure token soup, some
 * grammatical formulas with random damage) must either parse into a consistent Formula or fail
 * with a FormulaException; nothing else may escape.
 */
class FormulaFuzzTest {
    private static final int CASES = 20_000;

    private static final String[] SOUP = {
        "y", "x", "f", "g", "Days", "a.b", "week2", "`my var`", "`", ".", "_", "é",
        "~", "~", "+", "-", "*", "/", "^", ":", "(", ")", "(", ")", "|", "||", ",",
        "0", "1", "2", "2.5", "1e-3", ".5", "1e", "1e5", "1.",
        "I(", "log(", "offset(", "cbind(", "scale(", "exp(",
        " ", " ", "\t", "\n", "$", "#", "%", "=", "\"", "'", "[", "]", "{", "\u0000"
    };
    private static final String[] VARS = {"w", "x", "z", "f", "g", "h", "Days", "pooled.stratum", "`my var`"};
    private static final String[] CALLS = {"I", "log", "exp", "sqrt", "scale", "poly"};

    @Test
    @Timeout(60) // a hang guard only: normally about 2 s, but CI machines can be loaded
    void onlyFormulaExceptionEscapes() {
        Random rnd = new Random(0x5EED_F0A1L);
        int parsed = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < CASES; i++) {
            String text = switch (rnd.nextInt(3)) {
                case 0 -> soup(rnd);
                case 1 -> formula(rnd);
                default -> damage(formula(rnd), rnd);
            };
            seen.add(text);
            Formula f;
            try {
                f = Formula.parse(text);
            } catch (FormulaException e) {
                checkError(e, text);
                continue;
            } catch (Throwable t) {
                fail("Formula.parse(" + show(text) + ") threw " + t, t);
                return;
            }
            parsed++;
            checkFormula(f, text, i % 16 == 0);
        }
        // The generator must reach the term expansion often, not just trip the lexer.
        assertTrue(parsed > CASES / 5, "only " + parsed + " formulas parsed");
        assertTrue(seen.size() > CASES / 2, "generator produced too few distinct strings");
    }

    // Assertion messages are suppliers: building them eagerly would dominate the run time.
    private static void checkError(FormulaException e, String text) {
        String m = e.getMessage();
        assertTrue(e.position() >= 0 && e.position() <= text.length(), () -> show(text) + ": " + m);
        assertTrue(m.startsWith("formula error at position " + e.position() + ": "), () -> m);
        assertFalse(m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0, () -> m);
    }

    private static void checkFormula(Formula f, String text, boolean reparse) {
        assertEquals(text, f.text());
        int order = 0;
        Set<String> labels = new HashSet<>();
        for (Term t : f.fixedTerms()) {
            assertTrue(t.order() >= order, () -> "terms not sorted by order in " + show(text));
            order = t.order();
            assertTrue(labels.add(t.label()), () -> "duplicate term " + t.label() + " in " + show(text));
        }
        for (RandomTerm r : f.randomTerms()) {
            assertTrue(r.intercept() || !r.terms().isEmpty(), () -> show(text));
            assertFalse(r.grouping().isEmpty(), () -> show(text));
        }
        if (reparse) {
            assertEquals(f, Formula.parse(text), () -> "parsing is not deterministic for " + show(text));
        }
    }

    private static String soup(Random rnd) {
        StringBuilder out = new StringBuilder();
        int n = 1 + rnd.nextInt(20);
        for (int i = 0; i < n; i++) {
            out.append(SOUP[rnd.nextInt(SOUP.length)]);
            if (rnd.nextBoolean()) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** A mostly well-formed formula from a small random grammar. */
    private static String formula(Random rnd) {
        String lhs = switch (rnd.nextInt(5)) {
            case 0 -> "";
            case 1 -> "cbind(s, n - s) ";
            case 2 -> "log(y) ";
            default -> "y ";
        };
        return lhs + "~ " + sum(rnd, 2, true, false);
    }

    /**
     * {@code top}: directly in the fixed part's sum, where offsets and random terms may go;
     * {@code product}: inside an interaction or power, where 0/1 may not.
     */
    private static String sum(Random rnd, int depth, boolean top, boolean product) {
        StringBuilder out = new StringBuilder(term(rnd, depth, top, product));
        int more = rnd.nextInt(4);
        for (int i = 0; i < more; i++) {
            String next = term(rnd, depth, top, product);
            boolean removable = !next.startsWith("offset(") && !next.contains("|");
            out.append(removable && rnd.nextInt(4) == 0 ? " - " : " + ").append(next);
        }
        return out.toString();
    }

    private static String term(Random rnd, int depth, boolean top, boolean product) {
        int kind = rnd.nextInt(depth > 0 ? 10 : 5);
        switch (kind) {
            case 0, 1:
                return factor(rnd);
            case 2:
                return factor(rnd) + pick(rnd, ":", "*", "/") + factor(rnd);
            case 3:
                return product ? factor(rnd) : pick(rnd, "1", "0");
            case 4:
                return top ? "offset(" + arith(rnd, 1) + ")" : factor(rnd);
            case 5, 6:
                if (!top) {
                    return factor(rnd) + ":" + factor(rnd);
                }
                return "(" + pick(rnd, "1 + ", "0 + ", "") + sum(rnd, depth - 1, false, false) + " "
                        + pick(rnd, "|", "|", "||") + " " + grouping(rnd) + ")";
            case 7:
                return "(" + sum(rnd, depth - 1, false, true) + ")^" + (1 + rnd.nextInt(3));
            default:
                return "(" + sum(rnd, depth - 1, top, product) + ")";
        }
    }

    private static String factor(Random rnd) {
        if (rnd.nextInt(4) == 0) {
            return CALLS[rnd.nextInt(CALLS.length)] + "(" + arith(rnd, 2) + ")";
        }
        return VARS[rnd.nextInt(VARS.length)];
    }

    private static String arith(Random rnd, int depth) {
        if (depth == 0 || rnd.nextInt(3) == 0) {
            return rnd.nextBoolean() ? VARS[rnd.nextInt(VARS.length)] : pick(rnd, "2", "0.5", "1e5", ".5", "10000");
        }
        return switch (rnd.nextInt(4)) {
            case 0 -> "(" + arith(rnd, depth - 1) + ")";
            case 1 -> "-" + arith(rnd, depth - 1);
            default -> arith(rnd, depth - 1) + pick(rnd, " + ", " - ", " * ", "/", "^") + arith(rnd, depth - 1);
        };
    }

    private static String grouping(Random rnd) {
        String g = pick(rnd, "g", "h", "f", "batch");
        return switch (rnd.nextInt(4)) {
            case 0 -> g + ":" + pick(rnd, "cask", "site");
            case 1 -> g + "/" + pick(rnd, "cask", "site") + (rnd.nextBoolean() ? "/plot" : "");
            default -> g;
        };
    }

    /** One or two random edits: delete a character, insert a token, or swap two characters. */
    private static String damage(String text, Random rnd) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + rnd.nextInt(2);
        for (int i = 0; i < edits && out.length() > 1; i++) {
            int at = rnd.nextInt(out.length());
            switch (rnd.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, SOUP[rnd.nextInt(SOUP.length)]);
                default -> {
                    int other = rnd.nextInt(out.length());
                    char c = out.charAt(at);
                    out.setCharAt(at, out.charAt(other));
                    out.setCharAt(other, c);
                }
            }
        }
        return out.toString();
    }

    private static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static String show(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0") + "\"";
    }

    @Test
    void generatorCoversTheGrammar() {
        // Sanity check of the generator itself: the well-formed branch mostly parses.
        Random rnd = new Random(7);
        int ok = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                Formula.parse(formula(rnd));
                ok++;
            } catch (FormulaException expected) {
                // e.g. "(0 | g)" or "x:offset(...)": allowed
            }
        }
        assertTrue(ok > 800, ok + " of 1000 generated formulas parsed");
        assertEquals(List.of("x"), Formula.parse("y ~ x").fixedLabels());
    }
}
