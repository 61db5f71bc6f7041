package io.glimmer.glmm;

import java.util.SplittableRandom;

/**
 * Exact draws of a standard normal truncated to (a, ∞) (Robert 1995): plain rejection from N(0, 1)
 * when a is below {@link #SWITCH}, else rejection from the exponential translated to a with rate
 * α = (a + √(a² + 4))/2, accepted with probability exp(−(x − α)²/2). Both accept at least half the
 * time, whatever a.
 */
final class TruncatedNormal {
    /** Below this, N(0, 1) itself exceeds a often enough (P(Z > 0.45) ≈ 0.33 and rising as a falls). */
    static final double SWITCH = 0.45;

    private TruncatedNormal() {
    }

    /** One draw of Z | Z > a. */
    static double above(double a, SplittableRandom rng) {
        if (a < SWITCH) {
            while (true) {
                double z = rng.nextGaussian();
                if (z > a) {
                    return z;
                }
            }
        }
        double alpha = (a + Math.sqrt(a * a + 4)) / 2;
        while (true) {
            double x = a - Math.log(1 - rng.nextDouble()) / alpha;
            double d = x - alpha;
            if (rng.nextDouble() <= Math.exp(-d * d / 2)) {
                return x;
            }
        }
    }
}
