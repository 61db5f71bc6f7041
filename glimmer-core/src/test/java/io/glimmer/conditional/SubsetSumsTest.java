package io.glimmer.conditional;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recursion against enumerating every subset, and its behaviour where enumeration is hopeless. */
class SubsetSumsTest {

    /** log B, E[s] and Cov[s] by summing over all C(n, m) subsets (bit masks). */
    static SubsetSums.Moments enumerate(double[] x, int p, double[] eta, int m) {
        int n = eta.length;
        double top = Double.NEGATIVE_INFINITY;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) == m) {
                top = Math.max(top, etaOf(mask, eta));
            }
        }
        double total = 0;
        double[] s1 = new double[p];
        double[] s2 = new double[p * p];
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != m) {
                continue;
            }
            double wgt = Math.exp(etaOf(mask, eta) - top);
            double[] s = new double[p];
            for (int i = 0; i < n; i++) {
                if ((mask >> i & 1) == 1) {
                    for (int t = 0; t < p; t++) {
                        s[t] += x[i * p + t];
                    }
                }
            }
            total += wgt;
            for (int a = 0; a < p; a++) {
                s1[a] += wgt * s[a];
                for (int b = 0; b < p; b++) {
                    s2[a * p + b] += wgt * s[a] * s[b];
                }
            }
        }
        double[] mean = new double[p];
        double[] cov = new double[p * p];
        for (int a = 0; a < p; a++) {
            mean[a] = s1[a] / total;
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                cov[a * p + b] = s2[a * p + b] / total - mean[a] * mean[b];
            }
        }
        return new SubsetSums.Moments(top + Math.log(total), mean, cov);
    }

    private static double etaOf(int mask, double[] eta) {
        double s = 0;
        for (int i = 0; i < eta.length; i++) {
            if ((mask >> i & 1) == 1) {
                s += eta[i];
            }
        }
        return s;
    }

    @Test
    void agreesWithEnumerationOnRandomStrata() {
        Random rng = new Random(20240611);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + rng.nextInt(11);
            int m = 1 + rng.nextInt(n - 1);
            int p = 1 + rng.nextInt(3);
            double[] x = new double[n * p];
            double[] eta = new double[n];
            double scale = trial % 3 == 0 ? 20 : 1.5; // some strata with very uneven weights
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < p; t++) {
                    x[i * p + t] = rng.nextGaussian() + (rng.nextBoolean() ? 1 : 0);
                }
                eta[i] = scale * rng.nextGaussian();
            }
            SubsetSums.Moments got = SubsetSums.of(x, p, eta, m);
            SubsetSums.Moments want = enumerate(x, p, eta, m);
            String where = "n=" + n + " m=" + m + " p=" + p + " trial " + trial;
            assertEquals(want.logSum(), got.logSum(), 1e-10 * Math.max(1, Math.abs(want.logSum())), where);
            for (int t = 0; t < p; t++) {
                assertEquals(want.mean()[t], got.mean()[t], 1e-9, where);
            }
            for (int i = 0; i < p * p; i++) {
                assertEquals(want.covariance()[i], got.covariance()[i], 1e-8, where);
            }
        }
    }

    @Test
    void largeStratumDoesNotOverflow() {
        int n = 3000;
        int m = 1500; // C(3000, 1500) ≈ 10^901, far beyond double
        double[] eta = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2;
        }
        SubsetSums.Moments equal = SubsetSums.of(x, 1, eta, m);
        double logChoose = Gamma.logGamma(n + 1) - 2 * Gamma.logGamma(m + 1);
        assertEquals(logChoose, equal.logSum(), 1e-8 * logChoose);
        // s counts chosen members with x = 1: hypergeometric mean m/2 and variance m·(1/2)(1/2)(n − m)/(n − 1)
        assertEquals(m / 2.0, equal.mean()[0], 1e-8 * m);
        assertEquals(m * 0.25 * (n - m) / (n - 1.0), equal.covariance()[0], 1e-8 * m);

        for (int i = 0; i < n; i++) {
            eta[i] = 30 * Math.sin(i); // weights spanning e^±30 on top of the binomial coefficient
        }
        SubsetSums.Moments uneven = SubsetSums.of(x, 1, eta, m);
        assertTrue(Double.isFinite(uneven.logSum()) && Double.isFinite(uneven.mean()[0]) && uneven.covariance()[0] >= 0);
    }
}
