package io.glimmer.inference;

import org.hipparchus.special.Erf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The χ² mixtures against their closed forms: P(χ²₁ &gt; x) = erfc(√(x/2)), P(χ²₂ &gt; x) = e^(−x/2), P(χ²₃ &gt; x) = erfc(√(x/2)) + √(2x/π) e^(−x/2). */
class BoundaryMixtureTest {
    private static double tail1(double x) {
        return Erf.erfc(Math.sqrt(x / 2));
    }

    private static double tail2(double x) {
        return Math.exp(-x / 2);
    }

    private static double tail3(double x) {
        return Erf.erfc(Math.sqrt(x / 2)) + Math.sqrt(2 * x / Math.PI) * Math.exp(-x / 2);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 1, 2.705543, 3.84, 10, 42.1392985162349})
    void mixturesMatchTheExactFormula(double x) {
        assertEquals(0.5 * tail1(x), new BoundaryMixture(0).pValue(x), 1e-12 * Math.max(1e-3, tail1(x)));
        assertEquals(0.5 * tail1(x) + 0.5 * tail2(x), new BoundaryMixture(1).pValue(x), 1e-12);
        assertEquals(0.5 * tail2(x) + 0.5 * tail3(x), new BoundaryMixture(2).pValue(x), 1e-12);
    }

    @Test
    void sleepstudySlopeAgainstR() {
        // 0.5*pchisq(x, 1, lower = FALSE) + 0.5*pchisq(x, 2, lower = FALSE) in R
        assertEquals(3.96119535914072e-10, new BoundaryMixture(1).pValue(42.1392985162349), 1e-21);
    }

    @Test
    void halfOfTheNaiveTestAtItsCriticalValue() {
        // qchisq(0.90, 1) = 2.705543: the one-variance mixture's 5% point
        assertEquals(0.05, new BoundaryMixture(0).pValue(2.705543454095404), 1e-12);
    }

    @Test
    void noImprovementGivesOne() {
        assertEquals(1, new BoundaryMixture(0).pValue(0));
        assertEquals(1, new BoundaryMixture(3).pValue(0));
    }
}
