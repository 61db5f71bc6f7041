package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Seeded simulation: 95% Wald intervals for the slope of a binary random-intercept GLMM (Laplace)
 * cover the true value 95% ± 2.5% of the time over 400 replicates.
 */
class WaldCoverageTest {
    private static final double BETA0 = -0.5;
    private static final double BETA1 = 1.0;
    private static final double SIGMA = 1.0;
    private static final int GROUPS = 30;
    private static final int PER_GROUP = 8;
    private static final int REPLICATES = 400;

    private static DataFrame replicate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = GROUPS * PER_GROUP;
        double[] y = new double[n];
        double[] x = new double[n];
        String[] g = new String[n];
        for (int i = 0, r = 0; i < GROUPS; i++) {
            double u = SIGMA * gaussian(rnd);
            for (int j = 0; j < PER_GROUP; j++, r++) {
                x[r] = gaussian(rnd);
                double p = 1 / (1 + Math.exp(-(BETA0 + BETA1 * x[r] + u)));
                y[r] = rnd.nextDouble() < p ? 1 : 0;
                g[r] = "g" + i;
            }
        }
        return DataFrameBuilder.named("sim").numeric("y", y).numeric("x", x).categorical("g", g).build();
    }

    private static double gaussian(SplittableRandom rnd) { // Box–Muller: reproducible from the seed alone
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Test
    void waldIntervalsCoverNinetyFivePercent() {
        FitOptions binomial = FitOptions.builder().family("binomial").build();
        long covered = IntStream.range(0, REPLICATES).parallel().filter(k -> {
            MixedModelFit fit = Glimmer.fit(replicate(1000L + k), "y ~ x + (1 | g)", binomial);
            FixedEffect slope = fit.fixedEffects().get(1);
            double half = 1.959963984540054 * slope.stdError();
            return Math.abs(slope.estimate() - BETA1) <= half;
        }).count();
        double coverage = covered / (double) REPLICATES;
        System.out.println("Wald 95% coverage of the slope over " + REPLICATES + " replicates: " + coverage);
        assertTrue(Math.abs(coverage - 0.95) <= 0.025, "coverage " + coverage + " over " + REPLICATES + " replicates");
    }
}
