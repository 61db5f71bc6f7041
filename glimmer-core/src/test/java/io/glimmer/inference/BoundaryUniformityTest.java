package io.glimmer.inference;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under a random-slope variance of exactly zero, the ½χ²₁ + ½χ²₂ p-value of adding the slope (with
 * its covariance) to a random intercept should be roughly uniform: it rejects at 5% about 5% of the
 * time. Seeded simulation of a linear mixed model fitted by ML.
 */
class BoundaryUniformityTest {
    static final int REPLICATES = 300;
    static final int GROUPS = 30;
    static final int PER_GROUP = 6;

    static DataFrame simulate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = GROUPS * PER_GROUP;
        double[] y = new double[n];
        double[] x = new double[n];
        String[] g = new String[n];
        for (int i = 0, r = 0; i < GROUPS; i++) {
            double intercept = rng.nextGaussian(); // sd 1; the slope does not vary between groups
            for (int j = 0; j < PER_GROUP; j++, r++) {
                x[r] = j;
                y[r] = 1 + 0.5 * j + intercept + rng.nextGaussian();
                g[r] = "g" + i;
            }
        }
        return DataFrameBuilder.named("null slope").numeric("y", y).numeric("x", x).categorical("g", g).build();
    }

    /** The fraction of replicates with p_boundary &lt; 0.05. */
    static double rejectionRate(long seed) {
        FitOptions ml = FitOptions.builder().method(Method.ML).build();
        long[] seeds = ReplicateSeeds.of(seed, REPLICATES);
        long rejections = IntStream.range(0, REPLICATES).parallel().filter(i -> {
            ModelComparison c = io.glimmer.Glimmer.compare(simulate(seeds[i]), List.of("y ~ x + (1 | g)", "y ~ x + (x | g)"), ml);
            ModelComparison.Step step = c.tests().get(0);
            assertEquals(BoundaryRule.Kind.ADDED_EFFECT, step.rule().kind());
            return step.pValueBoundary() < 0.05;
        }).count();
        return (double) rejections / REPLICATES;
    }

    @Test
    void boundaryPValueRejectsAboutFivePercentUnderTheNull() {
        double rate = rejectionRate(20240601L);
        System.out.println("boundary p-value rejection rate at 5% under a zero slope variance: " + rate + " (" + REPLICATES + " replicates)");
        assertTrue(Math.abs(rate - 0.05) <= 0.03, "rejection rate " + rate);
    }
}
