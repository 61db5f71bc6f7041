package io.glimmer.glmm;

import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;

import java.util.Random;

/** Seeded binary data with a random intercept and slope per group: logit μ = β0 + β1 x + u0 + u1 x. */
final class SimulatedBinary {
    static final double BETA0 = -0.5;
    static final double BETA1 = 1.0;
    static final double SD0 = 1.0;
    static final double SD1 = 0.5;
    static final double RHO = 0.3;

    private SimulatedBinary() {
    }

    static DataFrame generate(long seed, int groups, int perGroup) {
        Random rnd = new Random(seed);
        int n = groups * perGroup;
        double[] y = new double[n];
        double[] x = new double[n];
        String[] g = new String[n];
        int r = 0;
        for (int i = 0; i < groups; i++) {
            double z0 = rnd.nextGaussian();
            double z1 = rnd.nextGaussian();
            double u0 = SD0 * z0;
            double u1 = SD1 * (RHO * z0 + Math.sqrt(1 - RHO * RHO) * z1);
            for (int j = 0; j < perGroup; j++) {
                x[r] = rnd.nextGaussian();
                double eta = BETA0 + BETA1 * x[r] + u0 + u1 * x[r];
                y[r] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
                g[r] = "g" + i;
                r++;
            }
        }
        return DataFrameBuilder.named("simulated").numeric("y", y).numeric("x", x).categorical("g", g).build();
    }
}
