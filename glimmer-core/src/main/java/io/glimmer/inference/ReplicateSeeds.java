package io.glimmer.inference;

import java.util.SplittableRandom;

/**
 * One seed per replicate, drawn in order from the master seed: replicate i gets the same random
 * numbers however many threads run the replicates, and whichever finishes first.
 */
final class ReplicateSeeds {
    private ReplicateSeeds() {
    }

    static long[] of(long seed, int n) {
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = master.nextLong();
        }
        return seeds;
    }
}
