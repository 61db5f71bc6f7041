package io.glimmer.summary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Type 7 quantiles by selection against the definition computed on a sorted copy (exact: the same order statistics). */
class QuantilesTest {
    private static final double[] PROBS = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 0.5, 0.333};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void selectionGivesTheSortedOrderStatistics(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 200; trial++) {
            int n = random.nextInt(trial < 100 ? 12 : 3000);
            int distinct = 1 + random.nextInt(trial % 2 == 0 ? 3 : 1000); // many ties, or few
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(50);
                x[i] = kind == 0 ? Double.NaN : kind == 1 ? -0.0 : kind == 2 ? 0.0 : kind == 3 ? Double.NEGATIVE_INFINITY
                        : random.nextInt(distinct) - distinct / 2.0;
            }
            double[] expected = bySorting(x, PROBS);
            double[] actual = Quantiles.type7(x.clone(), PROBS);
            for (int k = 0; k < PROBS.length; k++) {
                assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                        "n=" + n + " p=" + PROBS[k] + ": " + expected[k] + " vs " + actual[k]);
            }
        }
    }

    @Test
    void leavesItsArgumentAloneAndGivesNaNWithoutValues() {
        double[] x = {3, 1, 2};
        assertArrayEquals(new double[] {1, 2, 3}, Quantiles.type7(x, 0, 0.5, 1));
        assertArrayEquals(new double[] {3, 1, 2}, x);
        assertEquals(Double.NaN, Quantiles.type7(new double[] {Double.NaN}, 0.5)[0]);
    }

    /** The definition: interpolation between the order statistics of the sorted non-NaN values. */
    private static double[] bySorting(double[] x, double[] probs) {
        double[] s = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] q = new double[probs.length];
        for (int k = 0; k < probs.length; k++) {
            if (s.length == 0) {
                q[k] = Double.NaN;
                continue;
            }
            double h = (s.length - 1) * probs[k];
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, s.length - 1);
            double frac = h - lo;
            q[k] = frac == 0 ? s[lo] : s[lo] + frac * (s[hi] - s[lo]);
        }
        return q;
    }
}
