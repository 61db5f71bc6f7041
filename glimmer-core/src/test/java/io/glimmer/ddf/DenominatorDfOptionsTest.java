package io.glimmer.ddf;

import io.glimmer.options.DenominatorDf;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Names, defaults and limits of the --ddf methods through the API. */
class DenominatorDfOptionsTest {
    @Test
    void namesAndUniquePrefixes() {
        assertEquals(DenominatorDf.SATTERTHWAITE, DenominatorDf.parse("satterthwaite"));
        assertEquals(DenominatorDf.SATTERTHWAITE, DenominatorDf.parse("Satt"));
        assertEquals(DenominatorDf.KENWARD_ROGER, DenominatorDf.parse("kenward"));
        assertEquals("unknown ddf(...) 'lme4' (choose one of: satterthwaite, kenward-roger)",
                assertThrows(InputException.class, () -> DenominatorDf.parse("lme4")).getMessage());
    }

    private static DataFrame rows(int n, int groups, long seed) {
        Random rng = new Random(seed);
        double[] y = new double[n];
        double[] x = new double[n];
        String[] g = new String[n];
        double[] effect = new double[groups];
        for (int k = 0; k < groups; k++) {
            effect[k] = rng.nextGaussian();
        }
        for (int r = 0; r < n; r++) {
            x[r] = rng.nextGaussian();
            y[r] = 1 + 0.5 * x[r] + effect[r % groups] + rng.nextGaussian();
            g[r] = "g" + (r % groups);
        }
        return DataFrameBuilder.named("t").numeric("y", y).numeric("x", x).categorical("g", g).build();
    }

    @Test
    void withoutDdfTheFitHasNoDfAndLme4sTitle() {
        MixedModelFit fit = Glimmer.fit(rows(200, 10, 1), "y ~ x + (1 | g)", FitOptions.defaults());
        for (FixedEffect f : fit.fixedEffects()) {
            assertNull(f.df());
            assertNull(f.pValue());
        }
        assertEquals(new EstimatorDetails.Lmm(true), fit.details());
    }

    @Test
    void kenwardRogerRefusesMoreRowsThanItsDenseMatricesAllow() {
        FitOptions kr = FitOptions.builder().ddf(DenominatorDf.KENWARD_ROGER).build();
        InputException e = assertThrows(InputException.class, () -> Glimmer.fit(rows(KenwardRoger.MAX_ROWS + 1, 50, 2), "y ~ x + (1 | g)", kr));
        assertEquals("Kenward-Roger degrees of freedom use dense n x n matrices (as pbkrtest); 10001 rows is more than the 10000 allowed: "
                + "use ddf(satterthwaite)", e.getMessage());
    }

    /** A single random intercept, balanced: Satterthwaite and Kenward–Roger agree and the between-group intercept has g − 1 df. */
    @Test
    void balancedRandomInterceptGivesTheClassicalDf() {
        DataFrame d = rows(120, 12, 3);
        MixedModelFit s = Glimmer.fit(d, "y ~ 1 + (1 | g)", FitOptions.builder().ddf(DenominatorDf.SATTERTHWAITE).build());
        MixedModelFit k = Glimmer.fit(d, "y ~ 1 + (1 | g)", FitOptions.builder().ddf(DenominatorDf.KENWARD_ROGER).build());
        assertEquals(11, s.fixedEffects().get(0).df(), 1e-5);
        assertEquals(11, k.fixedEffects().get(0).df(), 1e-5);
        assertEquals(s.fixedEffects().get(0).stdError(), k.fixedEffects().get(0).stdError(), 1e-9 * s.fixedEffects().get(0).stdError());
    }

    /** A comparison refits REML models by ML for the likelihoods; options carrying Kenward-Roger do not make that refit fail. */
    @Test
    void comparisonsIgnoreTheTTests() {
        DataFrame d = rows(120, 12, 4);
        FitOptions kr = FitOptions.builder().ddf(DenominatorDf.KENWARD_ROGER).build();
        var c = Glimmer.compare(d, java.util.List.of("y ~ 1 + (1 | g)", "y ~ x + (1 | g)"), kr);
        assertEquals(2, c.models().size());
        assertNull(c.models().get(0).fit().fixedEffects().get(0).df());
    }
}
