package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glimmer.formula.Expr.Binary;
import io.glimmer.formula.Expr.Call;
import io.glimmer.formula.Expr.Constant;
import io.glimmer.formula.Expr.Negate;
import io.glimmer.formula.Expr.Paren;
import io.glimmer.formula.Expr.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprTest {

    /** Any expression can be a response, which makes this a direct way to parse one. */
    private static Expr parse(String expression) {
        return Formula.parse(expression + " ~ 1").response();
    }

    private static Variable v(String name) {
        return new Variable(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "I(Days^2); I(Days^2)",
            "I(Days ^ 2); I(Days^2)",
            "I((x + 1)^2); I((x + 1)^2)",
            "I((x+1)^2); I((x + 1)^2)",
            "log(x); log(x)",
            "exp( x ); exp(x)",
            "sqrt(x); sqrt(x)",
            "scale(x); scale(x)",
            "cbind(incidence, size - incidence); cbind(incidence, size - incidence)",
            "cbind(s,f); cbind(s, f)",
            "poly(x, 2); poly(x, 2)",
            "I(a*b/c); I(a * b/c)",
            "I(a:b); I(a:b)",
            "-x; -x",
            "- (x + 1); -(x + 1)",
            "I(-2^2); I(-2^2)",
            "I((-2)^2); I((-2)^2)",
            "I(2^-1); I(2^-1)",
            "I(a - -b); I(a - -b)",
            "I(2^3^2); I(2^3^2)",
            "I(.5 * x); I(0.5 * x)",
            "I(1e5 + x); I(1e+05 + x)",
            "I(10000 + x); I(10000 + x)",
            "I(1e-3); I(0.001)",
            "I(+x); I(x)",
            "f(); f()",
            "`my var`; `my var`",
            "log(`my var` + 1); log(`my var` + 1)",
            "pooled.stratum; pooled.stratum",
            "((x)); ((x))"})
    void deparseLikeR(String text, String expected) {
        assertEquals(expected, parse(text).deparse());
    }

    @Test
    void arithmeticPrecedence() {
        // ^ binds tighter than unary minus, which binds tighter than : and * (R's ?Syntax)
        assertEquals(new Negate(new Binary("^", new Constant(2), new Constant(2))), parse("-2^2"));
        assertEquals(new Binary("+", v("a"), new Binary("*", v("b"), v("c"))), parse("a + b * c"));
        assertEquals(new Binary("-", new Binary("-", v("a"), v("b")), v("c")), parse("a - b - c"));
        assertEquals(new Binary("^", v("a"), new Binary("^", v("b"), v("c"))), parse("a^b^c"));
        assertEquals(new Binary(":", new Negate(v("a")), v("b")), parse("-a:b"));
        assertEquals(new Binary("*", v("a"), new Binary(":", v("b"), v("c"))), parse("a*b:c"));
        assertEquals(new Binary("/", new Binary("*", v("a"), v("b")), v("c")), parse("a*b/c"));
    }

    @Test
    void callsAndParenthesesAreKept() {
        assertEquals(new Call("I", List.of(new Binary("^", new Paren(new Binary("+", v("x"), new Constant(1))), new Constant(2)))),
                parse("I((x + 1)^2)"));
        assertEquals(new Call("cbind", List.of(v("s"), new Binary("-", v("n"), v("s")))), parse("cbind(s, n - s)"));
    }

    @Test
    void constructedExpressionsGetTheParenthesesTheyNeed() {
        assertEquals("(a + b) * c", new Binary("*", new Binary("+", v("a"), v("b")), v("c")).deparse());
        assertEquals("a - (b - c)", new Binary("-", v("a"), new Binary("-", v("b"), v("c"))).deparse());
        assertEquals("(a^b)^c", new Binary("^", new Binary("^", v("a"), v("b")), v("c")).deparse());
        assertEquals("(-2)^2", new Binary("^", new Negate(new Constant(2)), new Constant(2)).deparse());
        assertEquals("(-2)^2", new Binary("^", new Constant(-2), new Constant(2)).deparse());
        assertEquals("-(a:b)", new Negate(new Binary(":", v("a"), v("b"))).deparse());
    }

    @Test
    void variablesInOrderOfFirstAppearance() {
        assertEquals(List.of("size", "incidence"), List.copyOf(parse("cbind(size - incidence, size)").variables()));
        assertEquals(List.of("x"), List.copyOf(parse("I((x + 1)^2 + x)").variables()));
        assertEquals(List.of(), List.copyOf(parse("I(2 + 3)").variables()));
        assertEquals(List.of("my var"), List.copyOf(parse("log(`my var`)").variables()));
    }

    @Test
    void binaryRejectsUnknownOperators() {
        assertThrows(IllegalArgumentException.class, () -> new Binary("%in%", v("a"), v("b")));
        assertThrows(IllegalArgumentException.class, () -> new Variable(""));
    }

    @Test
    void nonSyntacticNamesAreBackquoted() {
        assertEquals("`my var`", v("my var").deparse());
        assertEquals("`2x`", v("2x").deparse());
        assertEquals("`.5a`", v(".5a").deparse());
        assertEquals("`a\\`b`", v("a`b").deparse());
        assertEquals(".x", v(".x").deparse());
    }
}
