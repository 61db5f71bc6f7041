package io.glimmer.inference;

import org.hipparchus.special.Gamma;

import java.util.SplittableRandom;

/**
 * Draws from the response distributions of the GLM families with a {@link SplittableRandom}, so a
 * replicate depends on its own seed only. Standard algorithms: sequential inversion for small
 * Poisson and binomial means, Hörmann's PTRS and BTRS (1993) for large ones, Marsaglia &amp; Tsang
 * (2000) for the gamma, Michael, Schucany &amp; Haas (1976) for the inverse Gaussian.
 */
final class RandomVariates {
    /** Below this mean, inversion costs O(mean) steps and is exact; above, rejection is faster. */
    private static final double INVERSION_LIMIT = 10;

    private RandomVariates() {
    }

    static double normal(SplittableRandom rng, double mean, double sd) {
        return mean + sd * rng.nextGaussian();
    }

    static double poisson(SplittableRandom rng, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean < INVERSION_LIMIT) {
            double p = Math.exp(-mean);
            double cdf = p;
            double u = rng.nextDouble();
            int k = 0;
            while (u > cdf && p > 0) {
                k++;
                p *= mean / k;
                cdf += p;
            }
            return k;
        }
        // PTRS: transformed rejection with squeeze (Hörmann 1993, as numpy's random_poisson_ptrs).
        double slam = Math.sqrt(mean);
        double logLam = Math.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logLam - Gamma.logGamma(k + 1)) {
                return k;
            }
        }
    }

    /** Number of successes in {@code trials} Bernoulli trials with success probability p. */
    static double binomial(SplittableRandom rng, int trials, double p) {
        if (trials == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return trials;
        }
        boolean flip = p > 0.5;
        double pp = flip ? 1 - p : p;
        double k;
        if (trials * pp < INVERSION_LIMIT) {
            double q = 1 - pp;
            double ratio = pp / q;
            double f = Math.pow(q, trials);
            double cdf = f;
            double u = rng.nextDouble();
            int j = 0;
            while (u > cdf && j < trials) {
                f *= ratio * (trials - j) / (j + 1);
                j++;
                cdf += f;
            }
            k = j;
        } else {
            k = btrs(rng, trials, pp);
        }
        return flip ? trials - k : k;
    }

    /** Hörmann's BTRS (1993): transformed rejection with squeeze, for n·p ≥ 10 and p ≤ ½. */
    private static double btrs(SplittableRandom rng, int n, double p) {
        double q = 1 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double lpq = Math.log(p / q);
        double m = Math.floor((n + 1) * p);
        double h = Gamma.logGamma(m + 1) + Gamma.logGamma(n - m + 1);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            double lv = Math.log(v * alpha / (a / (us * us) + b));
            if (lv <= h - Gamma.logGamma(k + 1) - Gamma.logGamma(n - k + 1) + (k - m) * lpq) {
                return k;
            }
        }
    }

    /** Gamma with the given shape and scale (mean shape·scale). */
    static double gamma(SplittableRandom rng, double shape, double scale) {
        if (shape < 1) {
            // Boost to shape + 1 and scale back down (Marsaglia & Tsang's remark).
            return gamma(rng, shape + 1, scale) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v * scale;
            }
        }
    }

    /** Inverse Gaussian with mean μ and shape λ (variance μ³/λ). */
    static double inverseGaussian(SplittableRandom rng, double mu, double lambda) {
        double nu = rng.nextGaussian();
        double y = nu * nu;
        double t = mu * y / (2 * lambda);
        // μ(1 + t − √(t² + 2t)) written without the cancellation: (1 + t)² − (t² + 2t) = 1.
        double x = mu / (1 + t + Math.sqrt(t * t + 2 * t));
        return rng.nextDouble() <= mu / (mu + x) ? x : mu * mu / x;
    }
}
