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

    /**
     * fill() on binomial counts, cbind(s, f), against the same data expanded to one binary row per trial:
     * working weights m·μ(1 − μ) and residuals (s/m − μ)/μ'(η) give the same level means and sampling
     * variances as the m binary rows, so the starts agree (crossed intercepts, an offset, β fixed).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void countsAndTheirExpansionGiveTheSameStart(long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int rows = 400;
        java.util.List<double[]> binary = new java.util.ArrayList<>();
        double[] s = new double[rows];
        double[] f = new double[rows];
        double[] x = new double[rows];
        double[] o = new double[rows];
        String[] g = new String[rows];
        String[] h = new String[rows];
        java.util.List<String> bg = new java.util.ArrayList<>();
        java.util.List<String> bh = new java.util.ArrayList<>();
        for (int r = 0; r < rows; r++) {
            x[r] = rnd.nextGaussian();
            o[r] = 0.2 * rnd.nextGaussian();
            int gl = r < 12 ? r : rnd.nextInt(12);
            int hl = r < 9 ? r : rnd.nextInt(9);
            g[r] = "g" + gl;
            h[r] = "h" + hl;
            double p = 1 / (1 + Math.exp(-(0.3 + 0.5 * x[r] + o[r] + 0.8 * Math.sin(gl) + 0.5 * Math.cos(hl))));
            int m = 1 + rnd.nextInt(6);
            for (int t = 0; t < m; t++) {
                double yt = rnd.nextDouble() < p ? 1 : 0;
                s[r] += yt;
                binary.add(new double[]{yt, x[r], o[r]});
                bg.add(g[r]);
                bh.add(h[r]);
            }
            f[r] = m - s[r];
        }
        double[] by = new double[binary.size()];
        double[] bx = new double[binary.size()];
        double[] bo = new double[binary.size()];
        for (int i = 0; i < by.length; i++) {
            by[i] = binary.get(i)[0];
            bx[i] = binary.get(i)[1];
            bo[i] = binary.get(i)[2];
        }
        io.glimmer.data.DataFrame counts = io.glimmer.data.DataFrameBuilder.named("counts").numeric("s", s).numeric("f", f)
                .numeric("x", x).numeric("o", o).categorical("g", g).categorical("h", h).build();
        io.glimmer.data.DataFrame expanded = io.glimmer.data.DataFrameBuilder.named("binary").numeric("y", by).numeric("x", bx)
                .numeric("o", bo).categorical("g", bg.toArray(String[]::new)).categorical("h", bh.toArray(String[]::new)).build();
        InterceptQuadratureTest.Model a = InterceptQuadratureTest.model(counts, "cbind(s, f) ~ x + offset(o) + (1 | g) + (1 | h)", InterceptQuadratureTest.LOGIT);
        InterceptQuadratureTest.Model b = InterceptQuadratureTest.model(expanded, "y ~ x + offset(o) + (1 | g) + (1 | h)", InterceptQuadratureTest.LOGIT);
        double[] beta = {0.25, 0.45};
        double[] startA = {1, 1};
        double[] startB = {1, 1};
        assertEquals(2, InterceptMoments.fill(a.data(), a.family(), beta, startA));
        assertEquals(2, InterceptMoments.fill(b.data(), b.family(), beta, startB));
        for (int k = 0; k < 2; k++) {
            assertTrue(startA[k] > 0 && startA[k] != 1, "a moment start, not the identity: " + startA[k]);
            assertEquals(startB[k], startA[k], 1e-10 * startB[k], "theta " + k);
        }
    }
}
