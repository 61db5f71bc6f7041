package io.glimmer.inference;

import java.util.SplittableRandom;

/**
 * New responses of a fitted model over the rows it used, one per random stream: what simulation and the
 * parametric bootstrap draw. {@link ResponseSimulator} draws them for a linear predictor; a nonlinear
 * model draws its own (new random effects in its mean, then gaussian noise).
 */
@FunctionalInterface
public interface ResponseDraws {
    /** One response on the scale the model reads it (binomial: proportions of successes). */
    double[] simulate(SplittableRandom rng);

    /** {@code nsim} responses, replicate i drawn from the i-th seed derived from {@code seed}, as the bootstrap draws them. */
    default double[][] simulate(int nsim, long seed) {
        long[] seeds = ReplicateSeeds.of(seed, nsim);
        double[][] out = new double[nsim][];
        for (int i = 0; i < nsim; i++) {
            out[i] = simulate(new SplittableRandom(seeds[i]));
        }
        return out;
    }

    /** The response as the data would hold it (successes for a {@code cbind} response); a copy. */
    default double[] asData(double[] y) {
        return y.clone();
    }
}
