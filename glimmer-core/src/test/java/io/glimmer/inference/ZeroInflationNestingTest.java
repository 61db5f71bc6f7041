package io.glimmer.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** When two zero-inflation models nest, for the likelihood-ratio test. */
class ZeroInflationNestingTest {
    @Test
    void smallerCoefficientsAmongTheLargersNest() {
        assertTrue(Nesting.ofZeroInflation(List.of("(Intercept)"), List.of("(Intercept)", "w")).nested());
        assertTrue(Nesting.ofZeroInflation(List.of(), List.of()).nested());
    }

    @Test
    void otherCoefficientsDoNot() {
        Nesting n = Nesting.ofZeroInflation(List.of("(Intercept)", "x"), List.of("(Intercept)", "w"));
        assertFalse(n.nested());
        assertEquals("the zero-inflation coefficient x is only in the smaller model", n.reason());
    }

    /** No zero inflation is the boundary p0 = 0 of a model with it: the chi-squared test does not apply. */
    @Test
    void noZeroInflationAgainstSomeIsNotTested() {
        Nesting n = Nesting.ofZeroInflation(List.of(), List.of("(Intercept)"));
        assertFalse(n.nested());
        assertTrue(n.reason().startsWith("only the larger model has zero inflation"), n.reason());
    }
}
