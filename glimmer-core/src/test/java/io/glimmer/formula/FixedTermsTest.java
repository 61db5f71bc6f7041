package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Term labels and order as R's attr(terms(f), "term.labels") gives them. */
class FixedTermsTest {

    private static List<String> labels(String formula) {
        return Formula.parse(formula).fixedLabels();
    }

    /** Expected labels are separated by " & " since labels themselves may hold spaces and commas. */
    private static List<String> list(String labels) {
        return labels.isEmpty() ? List.of() : Arrays.asList(labels.split(" & "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "y ~ x; x",
            "y ~ x + z; x & z",
            "y ~ x * f; x & f & x:f",
            "y ~ x:f; x:f",
            "y ~ (a + b + c)^2; a & b & c & a:b & a:c & b:c",
            "y ~ (a + b + c)^3; a & b & c & a:b & a:c & b:c & a:b:c",
            "y ~ (a + b + c)^1; a & b & c",
            "y ~ (a + b)^(2); a & b & a:b",
            "y ~ x^2; x",
            "y ~ a/b; a & a:b",
            "y ~ a/b/c; a & a:b & a:b:c",
            "y ~ (a + b)/c; a & b & a:b:c",
            "y ~ a/(b + c); a & a:b & a:c",
            "y ~ x*f - x; f & x:f",
            "y ~ a*b*c - a:b:c; a & b & c & a:b & a:c & b:c",
            "y ~ x + x; x",
            "y ~ x:x; x",
            "y ~ x + z + x; x & z",
            "y ~ a:b + b:a; a:b",
            "y ~ a + b:a; a & a:b",
            "y ~ b:a + a; a & b:a",
            "y ~ a:b + a; a & a:b",
            "y ~ x:z + x + z; x & z & x:z",
            "y ~ lbase * trt + lage + V4; lbase & trt & lage & V4 & lbase:trt",
            "y ~ a * (b + c); a & b & c & a:b & a:c",
            "y ~ (a + b) * (c + d); a & b & c & d & a:c & a:d & b:c & b:d",
            "y ~ a + (b + c); a & b & c",
            "y ~ ((a)); a",
            "y ~ -b + a + b; a & b",
            "y ~ a - b; a",
            "y ~ a + b - (a + b); ''",
            "y ~ (a + b + c)^2 - a:b; a & b & c & a:c & b:c",
            "y ~ x - c + d:c; x & d:c",
            "y ~ I(Days^2) + Days; I(Days^2) & Days",
            "y ~ log(x) * f; log(x) & f & log(x):f",
            "y ~ x + I(x^2) + I(x^3); x & I(x^2) & I(x^3)",
            "y ~ I(a + b); I(a + b)",
            "y ~ scale(x) + exp(z) + sqrt(w); scale(x) & exp(z) & sqrt(w)",
            "y ~ poly(x, 2); poly(x, 2)",
            "y ~ `my var` * f; `my var` & f & `my var`:f",
            "y ~ pooled.stratum + week2 + my_var; pooled.stratum & week2 & my_var",
            "y ~ + x; x",
            "y ~ x + + z; x & z"})
    void labelsInROrder(String formula, String expected) {
        assertEquals(list(expected), labels(formula));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "y ~ x; true",
            "y ~ 1 + x; true",
            "y ~ x + 1; true",
            "y ~ 0 + x; false",
            "y ~ x + 0; false",
            "y ~ x - 1; false",
            "y ~ -1 + x; false",
            "y ~ x + -1; false",
            "y ~ x - 0; true",
            "y ~ 0 + x + 1; true",
            "y ~ x - 1 + 1; true",
            "y ~ x - (1); false",
            "y ~ x - (0 - 1); true",
            "y ~ 1; true",
            "y ~ 0; false",
            "y ~ -1; false"})
    void intercept(String formula, boolean expected) {
        assertEquals(expected, Formula.parse(formula).intercept());
    }

    @Test
    void termsHaveFactorsAndOrder() {
        Term t = Formula.parse("y ~ x * f").fixedTerms().get(2);
        assertEquals(List.of(new Expr.Variable("x"), new Expr.Variable("f")), t.factors());
        assertEquals(2, t.order());
        assertEquals("x:f", t.label());
    }

    @Test
    void callsAreAtomicFactors() {
        Term t = Formula.parse("y ~ I(a + b):log(c)").fixedTerms().get(0);
        assertEquals(2, t.order());
        assertEquals("I(a + b):log(c)", t.label());
        assertEquals(List.of("a", "b", "c"), List.copyOf(t.variables()));
    }

    @Test
    void sameCallWrittenDifferentlyIsOneFactor() {
        assertEquals(List.of("I(x^2)"), labels("y ~ I(x^2) + I(x ^ 2)"));
    }

    @Test
    void offsetsAreNotTerms() {
        Formula f = Formula.parse("y ~ x + offset(log(t))");
        assertEquals(List.of("x"), f.fixedLabels());
        assertEquals(List.of("log(t)"), f.offsets().stream().map(Expr::deparse).toList());

        Formula two = Formula.parse("y ~ offset(a) + x + offset(log(b + 1))");
        assertEquals(List.of("a", "log(b + 1)"), two.offsets().stream().map(Expr::deparse).toList());
        assertEquals(List.of("x"), two.fixedLabels());
    }

    @Test
    void responses() {
        assertEquals("y", Formula.parse("y ~ x").response().deparse());
        assertEquals("log(y)", Formula.parse("log(y) ~ x").response().deparse());
        assertEquals("cbind(s, f)", Formula.parse("cbind(s, f) ~ x").response().deparse());
        assertEquals("cbind(s, n - s)", Formula.parse("cbind(s, n - s) ~ x").response().deparse());
        assertNull(Formula.parse("~ x").response());
    }

    @Test
    void rSleepstudyWithQuadratic() {
        Formula f = Formula.parse("Reaction ~ Days + I(Days^2) + (Days | Subject)");
        assertEquals(List.of("Days", "I(Days^2)"), f.fixedLabels());
        assertTrue(f.intercept());
        assertEquals(1, f.randomTerms().size());
    }

    @Test
    void emptyFixedPartIsAllowed() {
        Formula f = Formula.parse("y ~ 0 + (1 | g)");
        assertFalse(f.intercept());
        assertEquals(List.of(), f.fixedTerms());
        assertEquals(1, f.randomTerms().size());
    }

    @Test
    void textIsKeptVerbatim() {
        assertEquals("y~x  +z", Formula.parse("y~x  +z").text());
    }

    @Test
    void allVariables() {
        Formula f = Formula.parse("cbind(s, n - s) ~ x * f + offset(log(t)) + (1 + z | site/plot)");
        assertEquals(List.of("s", "n", "x", "f", "t", "z", "site", "plot"), List.copyOf(f.variables()));
    }

    @Test
    void whitespaceAnywhere() {
        Formula f = Formula.parse("\n  y\t~x*\n f  +(  1\t|\tg )  ");
        assertEquals(List.of("x", "f", "x:f"), f.fixedLabels());
        assertEquals("g", f.randomTerms().get(0).groupLabel());
    }
}
