package io.glimmer.pql;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Reference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PenalizedQuasiLikelihoodBehaviourTest {
    private static FitOptions pql(String family) {
        return FitOptions.builder().method(Method.PQL).family(family).build();
    }

    /** For a gaussian identity model the working response is y and one ML fit is the answer (SEs with lme's N/(N − p)). */
    @Test
    void gaussianIsOneMaximumLikelihoodFit() {
        String formula = "Reaction ~ Days + (Days | Subject)";
        MixedModelFit pql = Glimmer.fit(Reference.data("sleepstudy.csv"), formula, pql("gaussian"));
        MixedModelFit ml = Glimmer.fit(Reference.data("sleepstudy.csv"), formula, FitOptions.builder().method(Method.ML).build());
        double inflation = Math.sqrt(180.0 / (180 - 2));
        for (int j = 0; j < 2; j++) {
            assertEquals(ml.fixedEffects().get(j).estimate(), pql.fixedEffects().get(j).estimate(), 1e-6);
            assertEquals(ml.fixedEffects().get(j).stdError() * inflation, pql.fixedEffects().get(j).stdError(), 1e-6);
        }
        assertEquals(ml.residualStdDev(), pql.residualStdDev(), 1e-6);
        assertTrue(pql.converged());
    }

    @Test
    void crossedFactorsFitWithoutTTests() {
        MixedModelFit fit = Glimmer.fit(Reference.data("penicillin.csv"), "diameter ~ 1 + (1 | plate) + (1 | sample)", pql("gaussian"));
        assertEquals(2, fit.randomEffects().size());
        for (FixedEffect f : fit.fixedEffects()) {
            assertNull(f.pValue());
        }
    }

    @Test
    void needsRandomEffects() {
        InputException e = assertThrows(InputException.class,
                () -> Glimmer.fit(Reference.data("bacteria.csv"), "y ~ trt + week2", pql("binomial")));
        assertTrue(e.getMessage().contains("random-effects term"), e.getMessage());
    }

    @Test
    void rejectsZeroWeights() {
        Random rng = new Random(7);
        int n = 40;
        double[] y = new double[n];
        double[] x = new double[n];
        double[] w = new double[n];
        int[] g = new int[n];
        for (int r = 0; r < n; r++) {
            x[r] = rng.nextGaussian();
            y[r] = rng.nextDouble() < 0.5 ? 1 : 0;
            w[r] = r == 5 ? 0 : 1;
            g[r] = r % 8;
        }
        DataFrame data = DataFrame.of("test", List.of(new NumericColumn("y", y), new NumericColumn("x", x), new NumericColumn("w", w),
                new CategoricalColumn("g", g, List.of("a", "b", "c", "d", "e", "f", "g", "h"))));
        FitOptions options = FitOptions.builder().method(Method.PQL).family("binomial").weights("w").build();
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(data, "y ~ x + (1 | g)", options));
        assertTrue(e.getMessage().contains("row 6"), e.getMessage());
    }

    @Test
    void badFamilyIsAnInputError() {
        assertThrows(InputException.class, () -> Glimmer.fit(Reference.data("bacteria.csv"), "y ~ trt + (1 | ID)", pql("poisson")));
    }
}
