package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.formula.Expr.Variable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** lme4's findbars / expandDoubleVerts / '/' expansion, in order of appearance. */
class RandomTermsTest {

    /** The random terms of a formula in canonical form, joined by ", ". */
    private static String random(String formula) {
        return String.join(", ", Formula.parse(formula).randomTerms().stream().map(RandomTerm::label).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "y ~ (1 | g); 1 | g",
            "y ~ (x | g); 1 + x | g",
            "y ~ (1 + x | g); 1 + x | g",
            "y ~ (0 + x | g); 0 + x | g",
            "y ~ (-1 + x | g); 0 + x | g",
            "y ~ (x - 1 | g); 0 + x | g",
            "y ~ (x + 0 | g); 0 + x | g",
            "y ~ (x * f | g); 1 + x + f + x:f | g",
            "y ~ (I(x^2) + log(z) | g); 1 + I(x^2) + log(z) | g",
            "y ~ (1 | a:b); 1 | a:b",
            "y ~ (1 | a/b); 1 | a, 1 | a:b",
            "y ~ (1 | a/b/c); 1 | a, 1 | a:b, 1 | a:b:c",
            "y ~ (1 | a/(b/c)); 1 | a, 1 | a:b, 1 | a:b:c",
            "y ~ (1 | (a:b)/c); 1 | a:b, 1 | a:b:c",
            "y ~ (1 | a/b:c); 1 | a, 1 | a:b:c",
            "y ~ (x | a/b); 1 + x | a, 1 + x | a:b",
            "y ~ (1 | (g)); 1 | g",
            "y ~ (1 | a:a); 1 | a",
            "y ~ (1 + x || g); 1 | g, 0 + x | g",
            "y ~ (x || g); 1 | g, 0 + x | g",
            "y ~ (0 + x + z || g); 0 + x | g, 0 + z | g",
            "y ~ (x * f || g); 1 | g, 0 + x | g, 0 + f | g, 0 + x:f | g",
            "y ~ (1 || g); 1 | g",
            "y ~ (x || a/b); 1 | a, 1 | a:b, 0 + x | a, 0 + x | a:b",
            "y ~ (1 | g) + (0 + x | g); 1 | g, 0 + x | g",
            "y ~ (1 | h) + x + (1 | g); 1 | h, 1 | g",
            "y ~ ((1 | g)); 1 | g",
            "y ~ x + ((1 | g) + z); 1 | g",
            "y ~ (b:a | g); 1 + b:a | g",
            "y ~ (1 | `plot id`); 1 | `plot id`"})
    void expansion(String formula, String expected) {
        assertEquals(expected, random(formula));
    }

    @Test
    void sleepstudy() {
        Formula f = Formula.parse("Reaction ~ Days + (Days | Subject)");
        assertEquals(List.of("Days"), f.fixedLabels());
        assertEquals(List.of(new RandomTerm(true, List.of(Term.of(new Variable("Days"))), List.of(new Variable("Subject")))),
                f.randomTerms());
        assertEquals("Subject", f.randomTerms().get(0).groupLabel());
    }

    @Test
    void sleepstudyUncorrelated() {
        Formula f = Formula.parse("Reaction ~ Days + (Days || Subject)");
        assertEquals(2, f.randomTerms().size());
        RandomTerm intercept = f.randomTerms().get(0);
        RandomTerm slope = f.randomTerms().get(1);
        assertTrue(intercept.intercept());
        assertEquals(List.of(), intercept.terms());
        assertFalse(slope.intercept());
        assertEquals(List.of("Days"), slope.terms().stream().map(Term::label).toList());
        assertEquals("Subject", slope.groupLabel());
    }

    @Test
    void pastesNested() {
        Formula f = Formula.parse("strength ~ 1 + (1 | batch/cask)");
        assertEquals(List.of(), f.fixedTerms());
        assertTrue(f.intercept());
        assertEquals(List.of("batch", "batch:cask"), f.randomTerms().stream().map(RandomTerm::groupLabel).toList());
        assertEquals(List.of(new Variable("batch"), new Variable("cask")), f.randomTerms().get(1).grouping());
    }

    @Test
    void cbpp() {
        Formula f = Formula.parse("cbind(incidence, size - incidence) ~ period + (1 | herd)");
        assertEquals("cbind(incidence, size - incidence)", f.response().deparse());
        assertEquals(List.of("period"), f.fixedLabels());
        assertEquals("1 | herd", f.randomTerms().get(0).label());
    }

    @Test
    void epilepsy() {
        Formula f = Formula.parse("y ~ lbase * trt + lage + V4 + (1 | subject)");
        assertEquals(List.of("lbase", "trt", "lage", "V4", "lbase:trt"), f.fixedLabels());
        assertEquals("1 | subject", f.randomTerms().get(0).label());
    }

    @Test
    void randomTermsDoNotAffectFixedFactorOrder() {
        // the grouping variable b appears first, but only in a random term, as lme4's nobars removes it
        assertEquals(List.of("a", "b", "a:b"), Formula.parse("y ~ (1 | b) + a*b").fixedLabels());
    }

    @Test
    void randomLeftSideOrdersFactorsOnItsOwn() {
        RandomTerm r = Formula.parse("y ~ a + b:a + (b:a | g)").randomTerms().get(0);
        assertEquals(List.of("b:a"), r.terms().stream().map(Term::label).toList());
    }

    @Test
    void groupingCanBeACall() {
        assertEquals("factor(site)", Formula.parse("y ~ (1 | factor(site))").randomTerms().get(0).groupLabel());
    }

    @Test
    void recordsValidate() {
        assertThrows(IllegalArgumentException.class, () -> new RandomTerm(true, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RandomTerm(false, List.of(), List.of(new Variable("g"))));
        assertThrows(IllegalArgumentException.class, () -> new Term(List.of()));
    }

    @Test
    void variables() {
        RandomTerm r = Formula.parse("y ~ (x + log(z) | a/b)").randomTerms().get(1);
        assertEquals(Arrays.asList("x", "z", "a", "b"), List.copyOf(r.variables()));
    }
}
