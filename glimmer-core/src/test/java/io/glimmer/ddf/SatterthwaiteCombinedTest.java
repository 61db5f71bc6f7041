package io.glimmer.ddf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** lmerTest's get_Fstat_ddf: the F test's df from the t² parts' df. */
class SatterthwaiteCombinedTest {
    @Test
    void oneOrEqualPartsKeepTheirDf() {
        assertEquals(7.5, Satterthwaite.combined(new double[] {7.5}));
        assertEquals(12, Satterthwaite.combined(new double[] {12, 12, 12}), 1e-12);
    }

    @Test
    void anyPartAtMostTwoGivesTwo() {
        assertEquals(2, Satterthwaite.combined(new double[] {30, 1.5}));
    }

    @Test
    void knownValue() {
        // E = 10/8 + 20/18 = 2.3611..., 2E / (E − 2) = 13.0769...
        double e = 10.0 / 8 + 20.0 / 18;
        assertEquals(2 * e / (e - 2), Satterthwaite.combined(new double[] {10, 20}), 1e-12);
    }

    /** The combined df lies between the smallest part's and a bound above the largest; parts in any order give the same. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void orderDoesNotMatter(long seed) {
        Random rng = new Random(seed);
        double[] nu = new double[2 + rng.nextInt(4)];
        for (int i = 0; i < nu.length; i++) {
            nu[i] = 3 + 40 * rng.nextDouble();
        }
        double[] reversed = new double[nu.length];
        for (int i = 0; i < nu.length; i++) {
            reversed[i] = nu[nu.length - 1 - i];
        }
        double df = Satterthwaite.combined(nu);
        assertEquals(df, Satterthwaite.combined(reversed), 1e-9 * df);
        double min = java.util.Arrays.stream(nu).min().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(df >= min - 1e-9, "combined " + df + " below the smallest part " + min);
    }
}
