package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarmStartTest {

    private static double[] lowerTriangular(SplittableRandom rng, int q) {
        double[] l = new double[q * q];
        for (int a = 0; a < q; a++) {
            for (int t = 0; t < a; t++) {
                l[a * q + t] = rng.nextDouble(-1, 1);
            }
            l[a * q + a] = rng.nextDouble(0.1, 2);
        }
        return l;
    }

    /** Λ(θ') b' = Λ(θ) b level by level, for terms of one to three columns. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void keepsTheRandomEffectsThemselves(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int terms = 1 + rng.nextInt(3);
        double[][] b = new double[terms][];
        double[][] from = new double[terms][];
        double[][] to = new double[terms][];
        for (int k = 0; k < terms; k++) {
            int q = 1 + rng.nextInt(3);
            int levels = 1 + rng.nextInt(20);
            b[k] = rng.doubles(levels * q, -3, 3).toArray();
            from[k] = lowerTriangular(rng, q);
            to[k] = lowerTriangular(rng, q);
        }
        double[][] out = WarmStart.rescale(b, from, to);
        for (int k = 0; k < terms; k++) {
            int q = (int) Math.round(Math.sqrt(to[k].length));
            for (int base = 0; base < b[k].length; base += q) {
                for (int a = 0; a < q; a++) {
                    double u = 0;
                    double uNew = 0;
                    for (int t = 0; t <= a; t++) {
                        u += from[k][a * q + t] * b[k][base + t];
                        uNew += to[k][a * q + t] * out[k][base + t];
                    }
                    assertEquals(u, uNew, 1e-12 * (1 + Math.abs(u)));
                }
            }
        }
    }

    @Test
    void interceptOnlyScalesByTheRatioOfTheta() {
        double[][] out = WarmStart.rescale(new double[][]{{1, -2, 0.5}}, new double[][]{{0.5}}, new double[][]{{2}});
        assertArrayEquals(new double[]{0.25, -0.5, 0.125}, out[0], 1e-15);
    }

    @Test
    void aBoundaryThetaOrNoOriginKeepsTheModes() {
        double[][] b = {{1, -2}, {3}};
        double[][] out = WarmStart.rescale(b, new double[][]{{0.5}, {1}}, new double[][]{{0}, {2}});
        assertArrayEquals(new double[]{1, -2}, out[0], 0);
        assertArrayEquals(new double[]{1.5}, out[1], 1e-15);
        assertArrayEquals(new double[]{1, -2}, WarmStart.rescale(b, new double[][]{{0}, {1}}, new double[][]{{1}, {1}})[0], 0);
        assertSame(b, WarmStart.rescale(b, null, new double[][]{{1}, {1}}));
    }
}
