package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.linalg.GroupedColumns;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InterceptMomentsTest {

    private static GroupedColumns intercepts(int levels, int[] codes) {
        double[] z = new double[codes.length];
        Arrays.fill(z, 1);
        return new GroupedColumns(levels, 1, codes, z);
    }

    /** Three levels worked by hand: weighted means 1, 2 and 6; sampling variances 1/2, 1/1, 1/4. */
    @Test
    void matchesAHandComputation() {
        int[] codes = {0, 0, 1, 2, 2, 2};
        double[] w = {1, 1, 1, 2, 1, 1};
        double[] e = {0, 2, 2, 5, 7, 7};
        // means 1, 2, 6: mean 3, spread (4 + 1 + 9) / 2 = 7; mean sampling variance (0.5 + 1 + 0.25) / 3
        double expected = 7 - (0.5 + 1 + 0.25) / 3;
        assertEquals(expected, InterceptMoments.interceptVariance(intercepts(3, codes), w, e), 1e-14);
    }

    @Test
    void saysNothingWithTooFewLevels() {
        assertTrue(Double.isNaN(InterceptMoments.interceptVariance(intercepts(2, new int[]{0, 1}), new double[]{1, 1}, new double[]{0, 1})));
    }

    /** Level effects of variance τ² plus unit-variance noise (weights 1): the estimate recovers τ². */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void recoversTheInterceptVariance(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int levels = 2000;
        int perLevel = 10;
        double tau = rng.nextDouble(0.2, 1.5);
        int[] codes = new int[levels * perLevel];
        double[] w = new double[codes.length];
        double[] e = new double[codes.length];
        for (int j = 0; j < levels; j++) {
            double u = tau * rng.nextGaussian();
            for (int i = 0; i < perLevel; i++) {
                int r = j * perLevel + i;
                codes[r] = j;
                w[r] = 1;
                e[r] = u + rng.nextGaussian();
            }
        }
        // sampling error of a variance from 2000 levels: about sqrt(2 / 2000) (τ² + 0.1) relative
        double estimate = InterceptMoments.interceptVariance(intercepts(levels, codes), w, e);
        assertEquals(tau * tau, estimate, 0.15 * (tau * tau + 0.1));
    }
}
