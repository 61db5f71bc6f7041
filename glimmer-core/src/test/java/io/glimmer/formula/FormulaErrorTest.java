package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each malformed formula fails with a FormulaException pointing at the right character. */
class FormulaErrorTest {

    private static FormulaException fail(String formula) {
        return assertThrows(FormulaException.class, () -> Formula.parse(formula));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            // unbalanced parentheses
            "y ~ x + (1 | g; 14; expected ')' to close '(' opened at position 8",
            "y ~ (x; 6; expected ')' to close '(' opened at position 4",
            "y ~ ((x); 8; expected ')' to close '(' opened at position 4",
            "y ~ x); 5; unmatched ')'",
            "(y; 2; expected ')' to close '(' opened at position 0",
            "y ~ log(x; 9; expected ',' or ')' to close 'log(' opened at position 7",
            // empty terms and dangling operators
            "y ~ (); 5; expected a term after '(' but found ')'",
            "y ~ x + (); 9; expected a term after '(' but found ')'",
            "y ~ x +; 7; expected a term after '+' but the formula ended",
            "y ~ x *; 7; expected a term after '*' but the formula ended",
            "y ~ x /; 7; expected a term after '/' but the formula ended",
            "y ~ x ^; 7; expected a term after '^' but the formula ended",
            "y ~ x -; 7; expected a term after '-' but the formula ended",
            "y ~ : x; 4; expected a term after '~' but found ':'",
            "y ~ * x; 4; expected a term after '~' but found '*'",
            "y ~ x :: z; 7; expected a term after ':' but found ':'",
            "y ~ x + * z; 8; expected a term after '+' but found '*'",
            "y ~ log(x,); 10; expected an expression after ',' but found ')'",
            "y ~ x, z; 5; unexpected ',' outside a function call",
            "y ~ x y; 6; expected an operator such as '+' or the end of the formula but found 'y'",
            // unknown characters and bad tokens
            "y ~ x # z; 6; unexpected character '#'",
            "y ~ x $ z; 6; unexpected character '$'",
            "y ~ x + `oops; 8; unterminated backquoted name",
            "y ~ x + ``; 8; empty backquoted name",
            "y ~ x + 1e; 8; malformed number '1e'",
            // bars
            "y ~ x | g; 6; '|' must be inside parentheses",
            "y ~ x || g; 6; '||' must be inside parentheses",
            "y | g ~ x; 2; '|' is only allowed in a random-effect term",
            "y ~ log(x | g); 10; '|' is only allowed in a random-effect term",
            "y ~ x (1|g); 8; is a '+' missing before the '(' at position 6?",
            "y ~ (1 | g | h); 11; nested '|'",
            "y ~ (1 + (x | g) | h); 9; nested random-effect term",
            "y ~ (1 | (g | h)); 12; nested random-effect term",
            "y ~ (1 | ); 9; expected a grouping factor after '|' but found ')'",
            "y ~ (1 |; 8; expected a grouping factor after '|'",
            "y ~ (x || ); 10; expected a grouping factor after '||'",
            "y ~ (1 | 2); 9; expected a grouping factor",
            "y ~ (1 | -g); 9; expected a grouping factor",
            "y ~ (x | a + b); 11; a grouping factor combines variables only with ':' or '/'",
            "y ~ (1 | a:(b/c)); 10; '/' cannot be used inside ':'",
            "y ~ (0 | g); 5; no intercept and no terms",
            "y ~ (-1 | g); 5; no intercept and no terms",
            "y ~ (0 || g); 5; no intercept and no terms",
            // random terms where only a sum may hold them
            "y ~ x:(1|g); 6; a random-effect term cannot be part of an interaction",
            "y ~ (1|g):x; 4; a random-effect term cannot be part of an interaction",
            "y ~ x*(1|g); 6; a random-effect term cannot be part of an interaction",
            "y ~ (1|g)/x; 4; a random-effect term cannot be part of an interaction",
            "y ~ (1|g)^2; 4; a random-effect term cannot be part of an interaction",
            "y ~ x - (1|g); 8; a random-effect term cannot be removed",
            // tilde
            "y x; 2; expected '~' or an operator but found 'x'",
            "x + z; 5; expected '~' between the response and the terms",
            "y ~ a ~ b; 6; a formula has only one '~'",
            "~ x ~ y; 4; a formula has only one '~'",
            "log(y ~ x); 6; but found '~'",
            "y ~; 3; the right side is empty",
            "\"y ~   \"; 6; the right side is empty",
            "\"   \"; 0; the formula is empty",
            "\"\"; 0; the formula is empty",
            // powers
            "y ~ x^2.5; 6; the power after '^' must be a positive whole number",
            "y ~ (a+b)^0; 10; the power after '^' must be a positive whole number",
            "y ~ (a+b)^-2; 10; the power after '^' must be a positive whole number",
            "y ~ (a+b)^x; 10; the power after '^' must be a positive whole number",
            // numbers, offsets, minus and misc.
            "y ~ x + 2; 8; must be 0 or 1",
            "y ~ x:2; 6; the number 2 cannot be part of an interaction",
            "y ~ (1 + x):f; 5; the number 1 cannot be part of an interaction",
            "y ~ a:-b; 6; '-' cannot remove a term inside an interaction",
            "y ~ offset(a, b); 4; offset() takes exactly one argument, found 2",
            "y ~ I(); 4; I() takes exactly one argument, found 0",
            "y ~ x:offset(t); 6; offset() cannot be part of an interaction",
            "y ~ (offset(t) | g); 5; offset() cannot be inside a random-effect term",
            "y ~ x - offset(t); 8; offset() cannot be removed",
            "y ~ x + .; 8; '.' (all other columns) is not supported",
            "y ~ x + y; 8; the response y also appears as a term",
            "y ~ a*b*c*d*e*f*g*h*i*j*k*l*m*n*o; 29; more than 10000 terms"})
    void malformed(String formula, int position, String message) {
        FormulaException e = fail(formula);
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.detail().contains(message), e.getMessage());
        assertEquals("formula error at position " + position + ": " + e.detail() + " in \"" + formula + "\"",
                e.getMessage());
    }

    @Test
    void exampleMessage() {
        assertEquals("formula error at position 14: expected ')' to close '(' opened at position 8 in \"y ~ x + (1 | g\"",
                fail("y ~ x + (1 | g").getMessage());
    }

    @Test
    void isAnInputExceptionWithExitStatusTwo() {
        InputException e = fail("y ~");
        assertEquals(2, e.exitStatus());
    }

    @Test
    void messageIsOneLineEvenForMultiLineFormulas() {
        FormulaException e = fail("y ~ x +\n  (1 | g\r\n");
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertEquals(18, e.position());
        assertEquals("y ~ x +\n  (1 | g\r\n", e.formula());
    }

    @Test
    void nullFormula() {
        assertEquals(0, fail(null).position());
    }

    @Test
    void deepNestingIsRejectedNotAStackOverflow() {
        String deep = "y ~ " + "(".repeat(300) + "x" + ")".repeat(300);
        assertTrue(fail(deep).detail().contains("nested too deeply"));
        assertTrue(fail("y ~ " + "-".repeat(500) + "x").detail().contains("nested too deeply"));
        assertTrue(fail("y ~ I(" + "log(".repeat(300) + "x" + ")".repeat(301)).detail().contains("nested too deeply"));
        assertTrue(fail("y ~ x^" + "2^".repeat(300) + "2").detail().contains("nested too deeply"));
        fail("y ~ " + "(".repeat(100_000) + "x" + ")".repeat(100_000)); // too long: also just a FormulaException
    }

    @Test
    void moderateNestingIsFine() {
        String nested = "y ~ " + "(".repeat(100) + "x" + ")".repeat(100);
        assertEquals(1, Formula.parse(nested).fixedTerms().size());
    }

    @Test
    void hugeFormulasAreRejected() {
        String many = "y ~ x" + " + x".repeat(5000);
        assertTrue(fail(many).detail().contains("too long"));
    }

    @Test
    void longButReasonableSumsWork() {
        StringBuilder f = new StringBuilder("y ~ x0");
        for (int i = 1; i < 1000; i++) {
            f.append(" + x").append(i);
        }
        assertEquals(1000, Formula.parse(f.toString()).fixedTerms().size());
    }
}
