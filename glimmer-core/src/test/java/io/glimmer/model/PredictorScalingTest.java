package io.glimmer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.options.Method;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.fit.MixedModelFit;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Predictors spanning 1e-9 to 1e9 give the same fit as the same data in sensible units: estimates
 * and standard errors scale exactly, likelihoods are equal, and a warning says what was rescaled.
 */
class PredictorScalingTest {
    static DataFrame data(double smallUnit, double bigUnit, boolean binary) {
        Random rnd = new Random(8);
        int n = 240;
        double[] y = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        String[] g = new String[n];
        double[] u = new double[24];
        for (int k = 0; k < u.length; k++) {
            u[k] = 0.7 * rnd.nextGaussian();
        }
        for (int r = 0; r < n; r++) {
            double x1 = rnd.nextGaussian();
            double x2 = rnd.nextGaussian();
            a[r] = x1 * smallUnit;
            b[r] = x2 * bigUnit;
            double eta = 0.3 + 0.8 * x1 - 0.5 * x2 + u[r % 24];
            y[r] = binary ? (rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0) : eta + 0.5 * rnd.nextGaussian();
            g[r] = "g" + (r % 24);
        }
        return DataFrameBuilder.named("t").numeric("y", y).numeric("a", a).numeric("b", b).categorical("g", g).build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"REML, gaussian", "ML, gaussian", "Laplace, binomial"})
    void extremeUnitsGiveTheSameFit(String method, String family) {
        FitOptions options = FitOptions.builder().method(Method.parse(method)).family(family).build();
        boolean binary = family.equals("binomial");
        MixedModelFit plain = Glimmer.fit(data(1, 1, binary), "y ~ a + b + (1 | g)", options);
        MixedModelFit extreme = Glimmer.fit(data(1e-9, 1e9, binary), "y ~ a + b + (1 | g)", options);
        assertEquals(plain.logLikelihood(), extreme.logLikelihood(), 1e-5 * Math.abs(plain.logLikelihood()));
        assertEquals(plain.beta("a"), extreme.beta("a") * 1e-9, 1e-4 * Math.abs(plain.beta("a")));
        assertEquals(plain.beta("b"), extreme.beta("b") * 1e9, 1e-4 * Math.abs(plain.beta("b")));
        assertEquals(plain.fixedEffects().get(1).stdError(), extreme.fixedEffects().get(1).stdError() * 1e-9,
                1e-3 * plain.fixedEffects().get(1).stdError());
        assertEquals(plain.randomEffects().get(0).stdDev(), extreme.randomEffects().get(0).stdDev(), 1e-4 * plain.randomEffects().get(0).stdDev());
        assertTrue(extreme.warnings().stream().anyMatch(w -> w.contains("very different scales")), extreme.warnings().toString());
        assertTrue(plain.warnings().stream().noneMatch(w -> w.contains("very different scales")));
    }
}
