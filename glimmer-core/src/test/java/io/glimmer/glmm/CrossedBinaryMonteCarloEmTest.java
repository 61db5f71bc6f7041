package io.glimmer.glmm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.Glimmer;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.fit.ImportanceSampledLikelihood;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.options.MonteCarloSampler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shape b of the benchmarks in small: a binary response (one trial a cell) with crossed subject and item
 * intercepts, every subject meeting every item once, simulated here from a fixed seed (60 subjects × 10 items,
 * σ_subject = 1.5, σ_item = 0.7). With one binary trial a cell Laplace's estimates are not the maximum of the
 * likelihood, so MCEM (Metropolis E-step, thinned chains, one scoring step for β an iteration) must not end at a
 * lower likelihood than Laplace's: its importance-sampled log-likelihood is at least that at Laplace's estimates
 * less one Monte Carlo standard error of the difference.
 */
class CrossedBinaryMonteCarloEmTest {
    private static final int SUBJECTS = 60;
    private static final int ITEMS = 10;

    @Test
    void mcemDoesNotLowerTheLikelihoodOfLaplacesEstimates() {
        DataFrame data = simulated(new SplittableRandom(20261206L));
        String formula = "y ~ x + (1 | subject) + (1 | item)";
        FitOptions laplaceOptions = FitOptions.builder().family("binomial").factor("subject").factor("item").build();
        MixedModelFit laplace = Glimmer.fit(data, formula, laplaceOptions);
        MixedModelFit mcem = Glimmer.fit(data, formula, laplaceOptions.toBuilder().method(Method.MCEM).seed(1L).sampler(MonteCarloSampler.METROPOLIS).build());
        assertTrue(mcem.converged(), mcem.warnings().toString());
        ImportanceSampledLikelihood atLaplace = PreparedModel.of(laplace).withImportanceSampledLikelihood(laplace, 5000, 9, 0).importanceSampled();
        ImportanceSampledLikelihood atMcem = mcem.importanceSampled();
        double se = Math.hypot(atMcem.standardError(), atLaplace.standardError());
        assertTrue(se < 1, "the comparison needs a usable Monte Carlo precision: " + atMcem + " vs " + atLaplace);
        assertTrue(atMcem.logLikelihood() >= atLaplace.logLikelihood() - se, atMcem + " vs " + atLaplace);
    }

    private static DataFrame simulated(SplittableRandom rng) {
        double[] subjectEffect = new double[SUBJECTS];
        for (int s = 0; s < SUBJECTS; s++) {
            subjectEffect[s] = 1.5 * rng.nextGaussian();
        }
        double[] itemEffect = new double[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            itemEffect[i] = 0.7 * rng.nextGaussian();
        }
        int n = SUBJECTS * ITEMS;
        int[] subject = new int[n];
        int[] item = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int s = 0, r = 0; s < SUBJECTS; s++) {
            for (int i = 0; i < ITEMS; i++, r++) {
                subject[r] = s;
                item[r] = i;
                x[r] = rng.nextGaussian();
                double eta = -0.3 + 0.8 * x[r] + subjectEffect[s] + itemEffect[i];
                y[r] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            }
        }
        return DataFrame.of("simulated", List.of(new CategoricalColumn("subject", subject, names("s", SUBJECTS)),
                new CategoricalColumn("item", item, names("i", ITEMS)), new NumericColumn("x", x), new NumericColumn("y", y)));
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            names.add(prefix + j);
        }
        return names;
    }
}
