package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Hard data must give a finite fit (or a clear error), never NaN or a crash. */
class ExtremeDataTest {

    private static void assertFinite(MixedModelFit fit) {
        assertTrue(Double.isFinite(fit.logLikelihood()), "log-likelihood " + fit.logLikelihood());
        for (FixedEffect f : fit.fixedEffects()) {
            assertTrue(Double.isFinite(f.estimate()), f.toString());
            assertTrue(!Double.isNaN(f.stdError()), f.toString());
        }
        fit.randomEffects().forEach(v -> assertTrue(Double.isFinite(v.stdDev()), v.toString()));
    }

    @Test
    void nearSeparatedBinaryData() {
        Random rnd = new Random(3);
        int n = 200;
        double[] y = new double[n];
        double[] x = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            y[i] = x[i] > 0 ? 1 : 0;
            if (i == 7) {
                y[i] = 1 - y[i]; // one point short of complete separation
            }
            g[i] = "g" + (i % 20);
        }
        DataFrame d = DataFrameBuilder.named("sep").numeric("y", y).numeric("x", x).categorical("g", g).build();
        MixedModelFit fit = Glimmer.fit(d, "y ~ x + (1 | g)", FitOptions.builder().family("binomial").build());
        assertFinite(fit);
        assertTrue(fit.beta("x") > 3, "a steep slope: " + fit.beta("x"));
    }

    @Test
    void countsInTheMillions() {
        Random rnd = new Random(4);
        int n = 120;
        double[] y = new double[n];
        double[] x = new double[n];
        String[] g = new String[n];
        double[] u = new double[12];
        for (int k = 0; k < u.length; k++) {
            u[k] = 0.3 * rnd.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble();
            double mu = Math.exp(14 + 0.5 * x[i] + u[i % 12]);
            y[i] = Math.round(mu + Math.sqrt(mu) * rnd.nextGaussian());
            g[i] = "g" + (i % 12);
        }
        DataFrame d = DataFrameBuilder.named("big").numeric("y", y).numeric("x", x).categorical("g", g).build();
        MixedModelFit fit = Glimmer.fit(d, "y ~ x + (1 | g)", FitOptions.builder().family("poisson").build());
        assertFinite(fit);
        assertEquals(14, fit.beta("(Intercept)"), 0.5);
        assertEquals(0.5, fit.beta("x"), 0.01);
    }

    @Test
    void clustersWithAllZeroCounts() {
        Random rnd = new Random(5);
        int n = 150;
        double[] y = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            int cluster = i % 15;
            g[i] = "g" + cluster;
            y[i] = cluster < 5 ? 0 : rnd.nextInt(6); // five clusters never see an event
        }
        DataFrame d = DataFrameBuilder.named("zeros").numeric("y", y).categorical("g", g).build();
        MixedModelFit pois = Glimmer.fit(d, "y ~ 1 + (1 | g)", FitOptions.builder().family("poisson").build());
        assertFinite(pois);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = y[i] > 0 ? 1 : 0;
        }
        DataFrame bin = DataFrameBuilder.named("zeros").numeric("y", b).categorical("g", g).build();
        assertFinite(Glimmer.fit(bin, "y ~ 1 + (1 | g)", FitOptions.builder().family("binomial").build()));
    }
}
