package io.glimmer.glmm;

import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;

import java.util.SplittableRandom;

/**
 * Seeded binary data in the salamander mating layout (McCullagh &amp; Nelder; McCulloch 1994): 3
 * experiments, each with 10 females crossed with 10 males, 6 matings per female (female f meets males
 * f, f + 1, …, f + 5 mod 10, so each male also mates 6 times); logit P(mate) = β0 + u_female + u_male.
 * Females and males are named per experiment, so the two factors are crossed within experiments.
 */
final class SalamanderDesign {
    static final double BETA0 = 0.5;
    static final double SD_FEMALE = 1.2;
    static final double SD_MALE = 1.1;
    static final int EXPERIMENTS = 3;
    static final int ANIMALS = 10;
    static final int MATINGS = 6;

    private SalamanderDesign() {
    }

    static DataFrame generate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = EXPERIMENTS * ANIMALS * MATINGS;
        double[] y = new double[n];
        String[] female = new String[n];
        String[] male = new String[n];
        int r = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            double[] uf = new double[ANIMALS];
            double[] um = new double[ANIMALS];
            for (int i = 0; i < ANIMALS; i++) {
                uf[i] = SD_FEMALE * rng.nextGaussian();
                um[i] = SD_MALE * rng.nextGaussian();
            }
            for (int f = 0; f < ANIMALS; f++) {
                for (int j = 0; j < MATINGS; j++) {
                    int m = (f + j) % ANIMALS;
                    double eta = BETA0 + uf[f] + um[m];
                    y[r] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
                    female[r] = "e" + e + "f" + f;
                    male[r] = "e" + e + "m" + m;
                    r++;
                }
            }
        }
        return DataFrameBuilder.named("salamander").numeric("y", y).categorical("female", female).categorical("male", male).build();
    }
}
