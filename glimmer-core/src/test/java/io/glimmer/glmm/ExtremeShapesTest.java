package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.fit.MixedModelFit;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Awkward shapes of data: thousands of clusters of size one, a 10,000-level factor. */
class ExtremeShapesTest {

    @Test
    void thousandsOfClustersOfSizeOne() {
        Random rnd = new Random(6);
        int n = 3000;
        double[] y = new double[n];
        double[] x = new double[n];
        String[] obs = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            double mu = Math.exp(1 + 0.4 * x[i] + 0.5 * rnd.nextGaussian()); // overdispersed counts
            y[i] = poisson(rnd, mu);
            obs[i] = "o" + i;
        }
        DataFrame d = DataFrameBuilder.named("olre").numeric("y", y).numeric("x", x).categorical("obs", obs).build();
        MixedModelFit fit = Glimmer.fit(d, "y ~ x + (1 | obs)", FitOptions.builder().family("poisson").build());
        assertTrue(Double.isFinite(fit.logLikelihood()));
        assertEquals(0.4, fit.beta("x"), 0.1);
        assertEquals(0.5, fit.randomEffects().get(0).stdDev(), 0.15); // an observation-level effect absorbs the overdispersion
        // a linear model cannot separate such an effect from the residual, and says so
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(d, "y ~ x + (1 | obs)"));
        assertTrue(e.getMessage().contains("3000 levels for 3000 observations"), e.getMessage());
    }

    @Test
    void aTenThousandLevelGroupingFactor() {
        Random rnd = new Random(7);
        int levels = 10_000;
        int n = 3 * levels;
        double[] y = new double[n];
        String[] g = new String[n];
        double[] u = new double[levels];
        for (int k = 0; k < levels; k++) {
            u[k] = 2 * rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            g[i] = "L" + (i % levels);
            y[i] = 10 + u[i % levels] + rnd.nextGaussian();
        }
        DataFrame d = DataFrameBuilder.named("wide").numeric("y", y).categorical("g", g).build();
        MixedModelFit fit = Glimmer.fit(d, "y ~ 1 + (1 | g)");
        assertEquals(10_000, fit.groups().get("g"));
        assertEquals(2, fit.randomEffects().get(0).stdDev(), 0.1);
        assertEquals(1, fit.residualStdDev(), 0.05);
        // the same factor as a fixed effect needs a 30,000 x 10,000 dense matrix: refused up front, with advice
        DataFrame d2 = DataFrameBuilder.named("wide").numeric("y", y).categorical("g", g)
                .categorical("h", java.util.stream.IntStream.range(0, n).mapToObj(i -> "h" + (i % 3)).toArray(String[]::new)).build();
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(d2, "y ~ g + (1 | h)"));
        assertTrue(e.getMessage().contains("(1 | g)"), e.getMessage());
    }

    private static double poisson(Random rnd, double mu) {
        double l = Math.exp(-mu);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
