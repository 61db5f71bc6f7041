package io.glimmer.inference;

import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sample means and variances of each sampler within five standard errors of the truth (seeded). */
class RandomVariatesTest {
    static final int N = 40_000;

    private static void check(ToDoubleFunction<SplittableRandom> draw, double mean, double variance, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double s = 0;
        double ss = 0;
        for (int i = 0; i < N; i++) {
            double x = draw.applyAsDouble(rng);
            s += x;
            ss += x * x;
        }
        double m = s / N;
        double v = ss / N - m * m;
        assertEquals(mean, m, 5 * Math.sqrt(variance / N), "mean");
        // the variance of a sample variance is about 2σ⁴/N for light tails; allow a generous margin for skewed ones
        assertEquals(variance, v, 12 * variance / Math.sqrt(N), "variance");
    }

    @ParameterizedTest
    @CsvSource({"0.3", "4", "9.99", "10", "37.5", "1000"})
    void poisson(double mean) {
        check(r -> RandomVariates.poisson(r, mean), mean, mean, 1);
    }

    @ParameterizedTest
    @CsvSource({"1, 0.3", "14, 0.2", "14, 0.9", "200, 0.5", "1000, 0.02"})
    void binomial(int trials, double p) {
        check(r -> RandomVariates.binomial(r, trials, p), trials * p, trials * p * (1 - p), 2);
    }

    /** Pearson's χ² goodness of fit of the rejection samplers against the exact probabilities. */
    private static void fits(ToDoubleFunction<SplittableRandom> draw, java.util.function.IntToDoubleFunction pmf, int max, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] counts = new int[max + 1];
        for (int i = 0; i < N; i++) {
            counts[(int) Math.min(max, draw.applyAsDouble(rng))]++;
        }
        double stat = 0;
        int bins = 0;
        double restExpected = 0;
        int restObserved = 0;
        for (int k = 0; k <= max; k++) {
            double e = N * pmf.applyAsDouble(k);
            if (e >= 5) {
                stat += (counts[k] - e) * (counts[k] - e) / e;
                bins++;
            } else {
                restExpected += e;
                restObserved += counts[k];
            }
        }
        if (restExpected > 0) {
            stat += (restObserved - restExpected) * (restObserved - restExpected) / restExpected;
            bins++;
        }
        double p = ChiSquaredTail.upper(stat, bins - 1);
        assertTrue(p > 1e-4, "chi-squared " + stat + " on " + (bins - 1) + " df, p = " + p);
    }

    @Test
    void largePoissonHasTheRightDistribution() {
        PoissonDistribution d = new PoissonDistribution(37.5);
        fits(r -> RandomVariates.poisson(r, 37.5), d::probability, 120, 11);
    }

    @Test
    void largeBinomialHasTheRightDistribution() {
        BinomialDistribution d = new BinomialDistribution(200, 0.3);
        fits(r -> RandomVariates.binomial(r, 200, 0.3), d::probability, 200, 12);
        BinomialDistribution e = new BinomialDistribution(120, 0.85);
        fits(r -> RandomVariates.binomial(r, 120, 0.85), e::probability, 120, 13);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 2", "1, 1", "3.7, 0.25", "50, 0.1"})
    void gamma(double shape, double scale) {
        check(r -> RandomVariates.gamma(r, shape, scale), shape * scale, shape * scale * scale, 3);
    }

    @ParameterizedTest
    @CsvSource({"1, 4", "2, 20", "0.5, 1"})
    void inverseGaussian(double mu, double lambda) {
        check(r -> RandomVariates.inverseGaussian(r, mu, lambda), mu, mu * mu * mu / lambda, 4);
    }
}
