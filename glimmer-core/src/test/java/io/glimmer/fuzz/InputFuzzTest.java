package io.glimmer.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.glimmer.error.GlimmerException;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.design.Design;
import io.glimmer.formula.Formula;

import java.io.StringReader;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of everything that reads user text: 60,000 generated formulas (parsed, and when
 * they parse, turned into a design on a small frame) and 50,000 CSV fragments. Only the project's
 * own error type may escape.
 */
class InputFuzzTest {
    private static final String[] FORMULA_TOKENS = {
        "y", "x", "z", "f", "g", "h", "w", "~", "~", "+", "+", "-", "*", ":", "/", "^", "|", "||", "(", "(", ")", ")",
        "0", "1", "2", "0.5", "1e3", "I(", "log(", "exp(", "sqrt(", "scale(", "offset(", "cbind(", "factor(", ",", " ",
        "`f g`", ".", "$", "\"", "%in%", "=", "y ~", "(1 | g)", "(x || g)", "(1 | f/g)", "(1 | f:g)", "\t", "\n", "-1", "+0",
    };
    private static final String[] ATOMS = {
        "x", "z", "f", "g", "h", "x:f", "x*f", "f*g", "(x + z)^2", "I(x^2)", "log(w)", "scale(x)", "factor(z)", "exp(z)",
        "(1 | g)", "(x | g)", "(1 | f/g)", "(x || g)", "(1 | f:g)", "(0 + x | h)", "offset(x)", "0", "-1", "f/x", "sqrt(w)",
    };
    private static final String[] CSV_TOKENS = {
        "1", "2.5", "-3e2", "NA", "NaN", "", "Inf", "-Inf", "a", "b", "\"q\"", "\"a,b\"", "\"", "\"\"", ",", ",", ",",
        "\n", "\n", "\r\n", "\uFEFF", " ", "x", "y", "g", "TRUE", "1e400", "é", "\u0000",
    };

    private static final DataFrame FRAME = DataFrameBuilder.named("fuzz")
            .numeric("y", 1, 2, 3, 4, 5, 6, 7, 8)
            .numeric("x", 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4)
            .numeric("z", 1, 0, 1, 0, 1, 0, 1, 0)
            .numeric("w", 1, 1, 2, 2, 1, 1, 2, 2)
            .categorical("f", "a", "b", "a", "b", "a", "b", "a", "b")
            .categorical("g", "p", "p", "q", "q", "r", "r", "s", "s")
            .categorical("h", "u", "v", "u", "v", null, "v", "u", "v")
            .build();

    private static String generate(SplittableRandom rnd, String[] tokens, int maxLength) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(maxLength);
        for (int i = 0; i < n; i++) {
            sb.append(tokens[rnd.nextInt(tokens.length)]);
            if (rnd.nextInt(4) == 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    @Test
    void formulasRaiseOnlyGlimmerErrors() {
        SplittableRandom rnd = new SplittableRandom(20261123);
        int parsed = 0;
        for (int i = 0; i < 60_000; i++) {
            String text = switch (i % 3) {
                case 0 -> "y ~ " + generate(rnd, FORMULA_TOKENS, 12);
                case 1 -> generate(rnd, FORMULA_TOKENS, 16);
                default -> mutate(rnd, structured(rnd));
            };
            try {
                Formula f = Formula.parse(text);
                parsed++;
                Design.of(FRAME, f, null);
            } catch (GlimmerException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank(), "a message for " + text);
            } catch (RuntimeException | StackOverflowError e) {
                fail("formula " + quote(text) + " raised " + e);
            }
        }
        assertTrue(parsed > 10_000, "the generator should produce some valid formulas, got " + parsed);
    }

    /** A formula built from valid pieces: most parse, and the design step gets exercised. */
    private static String structured(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(rnd.nextInt(5) == 0 ? "cbind(y, w) ~ " : "y ~ ");
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : rnd.nextInt(5) == 0 ? " - " : " + ").append(ATOMS[rnd.nextInt(ATOMS.length)]);
        }
        return sb.toString();
    }

    /** Sometimes deletes, duplicates or swaps one character. */
    private static String mutate(SplittableRandom rnd, String s) {
        if (s.isEmpty() || rnd.nextInt(3) != 0) {
            return s;
        }
        int at = rnd.nextInt(s.length());
        return switch (rnd.nextInt(3)) {
            case 0 -> s.substring(0, at) + s.substring(at + 1);
            case 1 -> s.substring(0, at) + s.charAt(at) + s.substring(at);
            default -> s.substring(0, at) + "()|:~+-*^/,".charAt(rnd.nextInt(11)) + s.substring(at + 1);
        };
    }

    @Test
    void csvFragmentsRaiseOnlyGlimmerErrors() {
        SplittableRandom rnd = new SplittableRandom(42);
        int read = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = (i % 2 == 0 ? "y,x,g\n" : "") + generate(rnd, CSV_TOKENS, 30);
            try {
                CsvReader.read(new StringReader(text), "fuzz.csv", CsvOptions.defaults());
                read++;
            } catch (GlimmerException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().contains("\n"), "one line for " + quote(text));
            } catch (RuntimeException e) {
                fail("CSV " + quote(text) + " raised " + e);
            }
        }
        assertTrue(read > 1000, "the generator should produce some readable files, got " + read);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
