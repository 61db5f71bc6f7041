package io.glimmer.cli;

import io.glimmer.error.GlimmerException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input and usage: exit status 2, one line on standard error naming the problem, no stack trace. */
class ErrorsTest {
    static final String FORMULA = "Reaction ~ Days + (Days | Subject)";

    @TempDir
    static Path dir;
    static String data;
    static String textResponse;

    @BeforeAll
    static void copyData() throws IOException {
        data = Cli.data(dir, "sleepstudy.csv").toString();
        Path bad = dir.resolve("text-response.csv");
        Files.writeString(bad, "y,g\n1.5,a\n2.5,a\nhigh,b\n3.5,b\n");
        textResponse = bad.toString();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("missing file", "nope.csv", new String[]{"fit", "--data", "nope.csv", "--formula", FORMULA}),
                Arguments.of("unknown column", "Dayz", new String[]{"fit", "--data", "DATA", "--formula", "Reaction ~ Dayz + (1 | Subject)"}),
                Arguments.of("malformed formula", "formula", new String[]{"fit", "--data", "DATA", "--formula", "Reaction ~ Days + (1 | Subject"}),
                Arguments.of("unknown option", "--bogus", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--bogus"}),
                Arguments.of("missing --formula", "--formula", new String[]{"fit", "--data", "DATA"}),
                Arguments.of("missing --data", "--data", new String[]{"fit", "--formula", FORMULA}),
                Arguments.of("option without value", "--data", new String[]{"fit", "--formula", FORMULA, "--data"}),
                Arguments.of("bad --format", "xml", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--format", "xml"}),
                Arguments.of("bad --method", "REMLX", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--method", "REMLX"}),
                Arguments.of("bad --family", "gaussain", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--family", "gaussain"}),
                Arguments.of("bad --link", "logt", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--link", "logt"}),
                Arguments.of("bad --agq", "--agq", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--agq", "many"}),
                Arguments.of("zero --agq", "--agq", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--agq", "0"}),
                Arguments.of("--agq beyond the rules made", "--agq must be between 1 and 100 quadrature points, not 1000",
                        new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--family", "poisson", "--agq", "1000"}),
                Arguments.of("--agq with REML", "--agq", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--method", "REML", "--agq", "5"}),
                Arguments.of("--cluster without GEE", "--cluster applies to --method GEE", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--cluster", "Subject"}),
                Arguments.of("--strata without conditional", "--strata applies to --method conditional", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--strata", "Subject"}),
                Arguments.of("--correlation with a GLMM", "--correlation applies", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--family", "poisson", "--correlation", "ar1(Days | Subject)"}),
                Arguments.of("text in a numeric response", "column 'y' is used where a number is needed, but row 3 has 'high'", new String[]{"fit", "--data", "TEXT", "--formula", "y ~ 1 + (1 | g)"}),
                Arguments.of("unknown factor column", "Nope", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--factors", "Nope"}),
                Arguments.of("empty formula", "--formula", new String[]{"fit", "--data", "DATA", "--formula", " "}),
                Arguments.of("output directory missing", "does not exist", new String[]{"fit", "--data", "DATA", "--formula", FORMULA, "--output", "/no/such/dir/x.json"}),
                Arguments.of("no command", "command", new String[]{}),
                Arguments.of("unknown command", "fitt", new String[]{"fitt", "--data", "DATA"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputExitsWithStatus2AndOneLine(String name, String mentions, String[] args) {
        String[] a = args.clone();
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i].equals("DATA") ? data : a[i].equals("TEXT") ? textResponse : a[i];
        }
        Cli.Result r = Cli.run(a);
        assertEquals(2, r.exit(), name + ": " + r.err());
        assertEquals("", r.out(), name);
        String[] lines = r.errLines();
        assertEquals(1, lines.length, name + ": " + r.err());
        assertTrue(lines[0].startsWith("glimmer: error: "), lines[0]);
        assertTrue(lines[0].contains(mentions), name + ": " + lines[0]);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void fitFailuresExitWith1() {
        StringWriter s = new StringWriter();
        int status = new ErrorReporter(new PrintWriter(s), false).executionError(new GlimmerException("the optimizer diverged"));
        assertEquals(1, status);
        assertEquals("glimmer: error: the optimizer diverged", s.toString().strip());
    }

    @Test
    void unexpectedExceptionsAreInternalErrorsOnOneLine() {
        StringWriter s = new StringWriter();
        int status = new ErrorReporter(new PrintWriter(s), false).executionError(new IllegalStateException("boom\nsecond line"));
        assertEquals(1, status);
        assertEquals("glimmer: internal error: java.lang.IllegalStateException: boom second line", s.toString().strip());
    }

    @Test
    void debugAddsTheStackTrace() {
        StringWriter s = new StringWriter();
        new ErrorReporter(new PrintWriter(s), true).executionError(new IllegalStateException("boom"));
        assertTrue(s.toString().startsWith("glimmer: internal error: java.lang.IllegalStateException: boom\n"), s.toString());
        assertTrue(s.toString().contains("\tat "), s.toString());
    }
}
